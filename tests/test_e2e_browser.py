"""End to end in a real browser: the app served by Streamlit, driven by headless Chromium.

Starts the server on a free port over a copy of the demo store, opens every page in Chinese and
in English (a screenshot of each goes to artifacts/screenshots/), then uploads a GBK project list
with a title row on the import page and sees the project count rise on the summary page.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import copy_store
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

PAGES = ["summary", "sectors", "clusters", "regions", "funding", "projects", "policy", "upload"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path, log_path: Path) -> Iterator[str]:
    """A real ``streamlit run`` of the app over the store ``db`` on a free loopback port; yields its URL."""
    port = free_port()
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "SEI_DB": str(db)}, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        log.close()
        pytest.fail("streamlit did not start within 90 s")
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def served_demo(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[str]:
    """The app served over a copy of the demo store of its own (a module's ``server`` fixture)."""
    db = tmp_path_factory.mktemp(name) / f"{name}.ducklake"
    copy_store(demo_db_template, db)
    with serve(db, tmp_path_factory.mktemp(f"{name}-log") / "streamlit.log") as url:
        yield url


def launched_browser() -> Iterator[object]:
    """Debian's Chromium, headless, with the project's flags (a module's ``browser`` fixture)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served_demo(demo_db_template, tmp_path_factory, "e2e")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_browser()


# Whether the page is drawn: Streamlit has run the script (its root says so; "initial" until a first run)
# and shows no running widget, no element is still loading its code, every Plotly chart has drawn its
# figure, and nothing in the document has changed for ``quiet`` ms (a rerun marks the old elements stale
# and redraws them: a change). A page that keeps changing counts as drawn after ``quiet`` + 5 s.
SETTLED_JS = """(quiet) => {
  const s = window.__seiSettle || (window.__seiSettle = {changed: Date.now(), since: null});
  const now = Date.now();
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const drawn = app && main && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !main.querySelector('[data-testid="stSkeleton"]')
    && Array.from(main.querySelectorAll('.stPlotlyChart')).every(c => c.querySelector('.main-svg'));
  if (!drawn) { s.since = null; return false; }
  if (s.since === null) s.since = now;
  return now - s.since >= quiet && (now - s.changed >= quiet || now - s.since >= quiet + 5000);
}"""

# Starts watching the document for changes; true if this document was watched before (a settle after an
# action on the same page, not after opening it).
WATCH_JS = """() => {
  const seen = !!window.__seiSettle;
  if (!seen) {
    window.__seiSettle = {changed: Date.now(), since: null};
    new MutationObserver(() => { window.__seiSettle.changed = Date.now(); })
      .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  window.__seiSettle.since = null;
  window.__seiSettle.changed = Date.now();
  return seen;
}"""


def settle(page: object, timeout_s: float = 60) -> None:
    """Wait until Streamlit has finished running the script and drawing.

    Event-driven (it used to wait a fixed 3.5 s or more per call: 1.5 s, three quiet polls, 0.8 s): after
    ``goto`` the root's script state is "initial" until the first run, so no head start is needed; after a
    click or a key on the same page the rerun may not have begun yet, so the page gets 1 s to start one
    before quiet (800 ms without a change) counts."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_s * 1000)
    if page.evaluate(WATCH_JS):
        page.wait_for_timeout(1000)
        page.evaluate("() => { window.__seiSettle.since = null; }")
    with contextlib.suppress(PlaywrightTimeout):  # as before: a page still busy is left to the assertions
        page.wait_for_function(SETTLED_JS, arg=800, polling=100, timeout=timeout_s * 1000)


def screenshot(page: object, path: Path) -> None:
    """The whole page, not just the first screen: grow the window to the content, then restore it."""
    height = page.evaluate(
        "() => { const b = document.querySelector('[data-testid=\"stMainBlockContainer\"]');"
        " return b ? b.getBoundingClientRect().height + 160 : document.body.scrollHeight; }")
    page.set_viewport_size({"width": 1400, "height": max(900, min(int(height), 8000))})
    # the layout follows the new size (charts redraw): until nothing has changed for 500 ms (was a fixed 1.2 s)
    page.evaluate(WATCH_JS)
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(SETTLED_JS, arg=500, polling=100, timeout=10_000)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def test_cjk_fonts_are_installed() -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    assert "Noto Sans CJK" in fonts, "apt-get install fonts-noto-cjk"


# Every button, widget label and KPI value in the main area whose text is wider than its box.
CUT_JS = ("() => Array.from(document.querySelectorAll('[data-testid=stMain] button, [data-testid=stMain] label,"
          " [data-testid=stMetricValue]'))"
          ".flatMap(b =>"
          " [b, ...b.querySelectorAll('*')].filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1"
          " && e.textContent.trim()).map(e => [b.innerText.trim(), e.scrollWidth, e.clientWidth]))")


@pytest.fixture(scope="module")
def page_visits(server: str, browser: object) -> Callable[[str], list[dict]]:
    """Every page opened once per language, read for two tests: drawn at 1,400 px (screenshots, exceptions,
    text, sidebar) and then, in the same window narrowed to 1,280 px, the labels cut short; and the
    regions page's province profile, at 1,280 px only. Each test used to open every page itself (16 page
    loads of the 34 in this module, the costliest: a run and draw each)."""
    done: dict[str, list[dict]] = {}

    def visits(lang: str) -> list[dict]:
        if lang in done:
            return done[lang]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        query = "?lang=English" if lang == "en" else ""
        province = ("?lang=English&province=Zhejiang" if lang == "en" else "?lang=zh&province=浙江")
        seen = []
        for slug, url, drawn in [*((p, f"{'' if p == 'summary' else p}{query}", True) for p in PAGES),
                                 ("regions", f"regions{province}", False)]:
            page.set_viewport_size({"width": 1400, "height": 900})
            page.goto(f"{server}/{url}")
            settle(page)
            visit = {"slug": slug, "url": url}
            if drawn:
                page.screenshot(path=str(SHOTS / f"{lang}-{slug}.png"))
                screenshot(page, SHOTS / f"{lang}-{slug}-full.png")
                visit.update(
                    exceptions=page.locator('[data-testid="stException"]').count(),
                    text=page.locator('[data-testid="stMain"]').inner_text(),
                    sidebar=page.locator('[data-testid="stSidebar"]').inner_text())
            # a 1,280 px screen: the layout follows the narrower window (charts redraw) until quiet
            page.set_viewport_size({"width": 1280, "height": 800})
            page.evaluate(WATCH_JS)
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_function(SETTLED_JS, arg=500, polling=100, timeout=10_000)
            visit["width"] = page.evaluate("() => window.innerWidth")
            visit["cut"] = [(slug, *c) for c in page.evaluate(CUT_JS)]
            seen.append(visit)
        page.close()
        done[lang] = seen
        return seen

    return visits


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_in_the_browser(page_visits: Callable[[str], list[dict]], lang: str) -> None:
    drawn = [v for v in page_visits(lang) if "text" in v]
    assert [v["slug"] for v in drawn] == PAGES
    for v in drawn:
        slug = v["slug"]
        assert v["exceptions"] == 0, f"{slug} shows an exception"
        assert len(v["text"].strip()) > 40, f"{slug} looks empty"
        assert ("Filters" if lang == "en" else "筛选") in v["sidebar"]


def test_the_chart_code_is_loaded_once_and_the_prefetch_takes_no_room(server: str, browser: object) -> None:
    """The summary asks the browser for Plotly's module before its charts arrive (dashboard/prefetch.py):
    the charts then draw from that one copy, and the script's container shows nothing. Its top-projects
    table is a static HTML table: the data grid's code is not fetched at all."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/")
    settle(page)
    drawn = page.locator('[data-testid="stMain"] .stPlotlyChart .main-svg')
    assert drawn.count() >= 4, "the summary's charts are drawn"
    fetched = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                            ".filter(n => n.includes('/static/js/PlotlyChart.'))")
    assert len(fetched) == 1, fetched
    box = page.locator(".st-key-sei_prefetch").bounding_box()
    assert box is None or box["height"] == 0
    # the top projects: one HTML element of ten rows (not st.table's Markdown cells), money with two decimals
    # and right-aligned, headers in their own cells; neither the data grid's nor st.table's code is fetched
    table = page.locator('[data-testid="stMain"] [data-testid="stHtml"] table')
    assert table.count() == 1 and table.locator("tbody tr").count() == 10
    assert table.locator('thead th[scope="col"]').count() == 6
    assert table.locator("[data-testid=stMarkdownContainer]").count() == 0
    money = table.locator("tbody tr td:last-child")
    assert all(re.fullmatch(r"[\d,]+\.\d\d", m.strip()) for m in money.all_inner_texts()), money.all_inner_texts()
    assert money.first.evaluate("e => getComputedStyle(e).textAlign") == "right"
    code = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                         ".filter(n => n.includes('/static/js/DataFrame.') || n.includes('/static/js/Table.'))")
    assert code == [] and page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').count() == 0
    # the as-of control's pickers are drawn once it is opened: the date picker's code is not fetched before
    from dashboard.i18n import t

    picker = ("() => performance.getEntriesByType('resource').map(e => e.name)"
              ".filter(n => n.includes('/static/js/Date'))")
    assert page.evaluate(picker) == [] and page.locator('[data-testid="stDateInput"]').count() == 0
    page.locator("summary", has_text=t("summary.asof_title", "zh")).first.click()
    page.locator('[data-testid="stDateInput"]').first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stSelectbox"]', has_text=t("summary.asof_snapshot", "zh")).count() == 1
    page.close()


def test_every_page_names_the_element_code_and_the_browser_fetches_it_once(server: str, browser: object) -> None:
    """The page the server sends for any URL carries the ``modulepreload`` links (dashboard/prefetch.py):
    the browser fetches each of those modules once, by the URL Streamlit imports it by, and draws."""
    from collections import Counter

    from dashboard import prefetch

    assert prefetch.preload_files()
    for path in ("", "funding"):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server}/{path}")
        settle(page)
        named = page.evaluate("() => Array.from(document.querySelectorAll('link[rel=modulepreload]'))"
                              ".map(l => l.href.split('/static/js/')[1])")
        assert set(prefetch.preload_files()) <= set(named)
        fetched = Counter(page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                                        ".filter(n => n.includes('/static/js/')).map(n => n.split('/static/js/')[1])"))
        assert all(fetched[name] == 1 for name in prefetch.preload_files()), fetched
        assert page.locator('[data-testid="stException"]').count() == 0
        assert len(page.locator('[data-testid="stMain"]').inner_text().strip()) > 40
        page.close()


def project_count(page: object, server: str) -> int:
    page.goto(f"{server}/")
    settle(page)
    metric = page.locator('[data-testid="stMetric"]', has_text="项目数").first
    value = metric.locator('[data-testid="stMetricValue"]').inner_text()
    return int(value.replace(",", "").strip())


def test_upload_gbk_file_and_see_it_counted(server: str, browser: object) -> None:
    """A GBK list with a title row, a unit line and a 合计 row, uploaded as a steward would."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    before = project_count(page, server)
    page.goto(f"{server}/upload")
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(ROOT / "tests" / "corpus" / "gbk_title_total.csv"))
    page.get_by_text("个项目行全部通过校验").wait_for(timeout=60_000)
    settle(page)
    screenshot(page, SHOTS / "zh-upload-checked-full.png")
    page.get_by_role("button", name="导入", exact=True).click()
    page.get_by_text("已导入批次").wait_for(timeout=60_000)
    settle(page)
    screenshot(page, SHOTS / "zh-upload-committed-full.png")
    page.get_by_role("button", name="查看本批次的图表").click()
    settle(page)
    screenshot(page, SHOTS / "zh-summary-batch-full.png")
    batch_only = page.locator('[data-testid="stMetric"]', has_text="项目数").first
    assert batch_only.locator('[data-testid="stMetricValue"]').inner_text().strip() == "5"
    assert project_count(page, server) == before + 5
    page.close()


def test_link_reopens_the_view_and_reset_clears_it(server: str, browser: object) -> None:
    """Filters live in the URL (a copied link reopens the view); the reset button clears them."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/sectors?sector=新能源&province=江苏")
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "新能源" in sidebar.inner_text() and "江苏" in sidebar.inner_text()
    sidebar.get_by_role("button", name="重置视图").click()
    settle(page)
    assert "sector=" not in page.url and "province=" not in page.url
    assert "新能源" not in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    page.close()


def test_back_and_forward_follow_page_switches_and_their_filters(server: str, browser: object) -> None:
    """A switch from the menu is one history entry holding the filters: Back returns to the page before, with
    the filters it had, and Forward comes back. (Streamlit's own menu made two entries per switch, the first
    without the filters: Back stayed on the page, and a page opened without a filter got the session's back.)"""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sidebar = page.locator('[data-testid="stSidebar"]')

    def where() -> tuple[str, str, str]:
        path = page.url.split("/", 3)[3]
        return (path.split("?")[0], page.locator('[data-testid="stMain"] h1').first.inner_text(),
                sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text())

    def menu(name: str) -> None:
        sidebar.locator('[data-testid="stPageLink"]').filter(has_text=re.compile(f"{name}$")).click()
        settle(page)

    page.goto(f"{server}/")
    settle(page)
    menu("产业领域")
    sectors = sidebar.locator('[data-testid="stMultiSelect"]').first
    sectors.click()
    page.get_by_role("option", name="新能源", exact=True).click()
    page.keyboard.press("Escape")
    settle(page)
    assert "sector=new_energy" in page.url
    menu("区域")
    assert where()[:2] == ("regions", "区域") and "sector=new_energy" in page.url
    page.go_back()
    settle(page)
    assert where()[:2] == ("sectors", "产业领域") and "新能源" in where()[2] and "sector=new_energy" in page.url
    page.go_back()  # the sectors page before the filter was chosen
    settle(page)
    assert where()[:2] == ("sectors", "产业领域") and "新能源" not in where()[2] and "sector=" not in page.url
    page.go_back()
    settle(page)
    assert where()[:2] == ("", "总览")
    page.go_forward()
    settle(page)
    page.go_forward()
    settle(page)
    assert where()[0] == "sectors" and "新能源" in where()[2]
    page.go_forward()
    settle(page)
    assert where()[:2] == ("regions", "区域") and "新能源" in where()[2] and "sector=new_energy" in page.url
    page.close()


@pytest.mark.parametrize(("lang", "file", "expect"), [
    ("zh", "per_row_units.csv", ["按 1 美元 = 7.1 元人民币折算", "不是可识别的金额单位"]),
    ("en", "per_row_units.csv", ["converted at USD 1 = CNY 7.1", "is not a money unit"]),
    ("zh", "entity_bomb.xlsx", ["为安全起见拒绝读取"]),
    ("en", "no_place_column.csv", ["No location (or province, city) column"]),
    # a published list's groups: 一/二 in the 序号 column with their subtotals, a 其中 row, a 合计 row
    ("zh", "group_numerals.csv", ["未作为项目导入", "读到 3 个项目行"]),
    # s23-hostile4: formats named (the uploader takes .ods, .numbers and WPS .et), other sheets said, units
    ("zh", "opendocument.ods", ["这是 OpenDocument 表格"]),
    ("en", "encrypted.xlsx", ["has a password to open it"]),
    ("zh", "city_sheets.xlsx", ["读取了 3 个工作表", "4 个项目行全部通过校验"]),
    # s24-imports5: every sheet of one layout as one import, the others left out and said; a bad row named
    # with its sheet
    ("zh", "sheets_one_import.xlsx", ["读取了 3 个工作表", "未读取工作表“苏州市”", "4 个项目行全部通过校验"]),
    ("en", "sheets_one_import.xlsx", ["3 sheets read", "Sheet \"汇总\" was not read", "Every project row passed"]),
    ("zh", "sheets_bad_row.xlsx", ["杭州市", "逗号或空格不是千位分隔符"]),
    ("en", "sheets_bad_row.xlsx", ["杭州市", "are not thousands separators"]),
    ("zh", "chinese_numerals.csv", ["像是小数点", "金额“(1,234)”为负数"]),
    ("en", "chinese_numerals.csv", ["looks like a decimal comma", "is negative"]),
    ("en", "unit_row_below_header.csv", ["Every project row passed validation (2 rows)"]),
    ("zh", "unit_multipliers.csv", ["3 个项目行全部通过校验"]),
])
def test_upload_shows_units_and_hostile_files_clearly(server: str, browser: object, lang: str, file: str,
                                                      expect: list[str]) -> None:
    """A list with a per-row unit column, and hostile files: a clear result on the page, in the user's language."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/upload" + ("?lang=English" if lang == "en" else ""))
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(ROOT / "tests" / "corpus" / file))
    for text in expect:  # a warning may sit in a closed expander: in the page, not visible
        page.get_by_text(text).first.wait_for(state="attached", timeout=60_000)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, SHOTS / f"{lang}-upload-{Path(file).stem}-full.png")
    page.close()


def test_downloads_in_the_browser_are_neutralised(server: str, browser: object, tmp_path: Path) -> None:
    """Hostile names uploaded as a steward would, then exported from the projects page by clicking,
    as an analyst would: the files the browser saves hold the names as text, never as formulas."""
    import io

    import pandas as pd
    from openpyxl import load_workbook

    hostile = ['=HYPERLINK("http://evil.example","点我")', "@SUM(1+1)evil项目", "+cmd|' /C calc'!A0 evil"]
    lines = ["项目名称,建设地点,总投资,建设起止年限"]
    lines += ['"' + name.replace('"', '""') + f'",南京市,{1000 * (i + 1)},2024-2026' for i, name in enumerate(hostile)]
    upload = tmp_path / "evil.csv"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page.goto(f"{server}/upload")
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.get_by_text("个项目行全部通过校验").wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("button", name="导入", exact=True).click()
    page.get_by_text("已导入批次").wait_for(timeout=60_000)

    page.goto(f"{server}/projects")
    settle(page)
    page.get_by_label("搜索项目名称或项目单位").fill("evil")
    page.keyboard.press("Enter")
    settle(page)
    page.locator("summary", has_text="导出筛选结果").first.click()
    page.wait_for_timeout(1000)
    saved = {}
    for label in ["下载 CSV（Excel 可直接打开）", "下载 Excel (xlsx)"]:
        with page.expect_download(timeout=60_000) as download:
            page.locator("button:visible", has_text=label).first.click()
        saved[download.value.suggested_filename] = Path(download.value.path()).read_bytes()
    page.close()

    [csv_data] = [v for k, v in saved.items() if k.endswith(".csv")]
    [xlsx_data] = [v for k, v in saved.items() if k.endswith(".xlsx")]
    assert csv_data.startswith(b"\xef\xbb\xbf")
    names = pd.read_csv(io.BytesIO(csv_data), encoding="utf-8-sig", dtype=str)["项目名称"].tolist()
    assert sorted(names) == sorted("'" + h for h in hostile)
    cells = [c for row in load_workbook(io.BytesIO(xlsx_data)).active.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert sorted(c.value for c in cells if isinstance(c.value, str) and "evil" in c.value) == sorted(
        "'" + h for h in hostile)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_button_or_label_is_cut_at_1280(page_visits: Callable[[str], list[dict]], lang: str) -> None:
    """At a 1,280 px screen no button's or widget's label and no KPI value is cut short ("Download HTML
    (prin…" on the summary, the projects page's "Descend…" toggle, a province profile's "CNY 392.36 …")."""
    visits = page_visits(lang)
    assert [v["slug"] for v in visits] == [*PAGES, "regions"] and "province=" in visits[-1]["url"]
    assert {v["width"] for v in visits} == {1280}
    assert [c for v in visits for c in v["cut"]] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_import_history_shows_every_column_at_1280(server: str, browser: object, lang: str) -> None:
    """At 1,400 px in English the import history's last column ("Projects now") scrolled out of view: the data
    grid sized its columns to their longest text. Every column shows at 1,280 px now, in both languages."""
    from dashboard.i18n import t

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/upload{'?lang=English' if lang == 'en' else ''}")
    settle(page)
    table = page.locator('.sei-table', has_text=t("upload.col_projects", lang)).last  # ui.text_table
    table.scroll_into_view_if_needed()
    main = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    headers = table.locator("th")
    names = [h.inner_text().strip() for h in headers.all()]
    assert names[-1] == t("upload.col_projects", lang) and len(names) >= 9, names
    for h in headers.all():
        box = h.bounding_box()
        assert box is not None and box["width"] > 20 and box["x"] + box["width"] <= main["x"] + main["width"] + 1, \
            (h.inner_text(), box, main)
        assert box["height"] < 40, (h.inner_text(), box)  # one line: 批次, not 批 / 次
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    page.close()
