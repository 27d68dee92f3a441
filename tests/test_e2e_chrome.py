"""Streamlit's own words in the page's language, in a real browser (dashboard/chrome.py).

The app served by Streamlit over a copy of the demo store, in headless Chromium at 1,280 x 800: on the import
page the uploader's button and limit line (the page's own limit and types), then a CSV uploaded through it;
on the projects page a table toolbar's tip, its search box, the hint under a text box, a select box's
"Select all" and "No results", and a chart's mode bar. What a person sees is read as the browser draws it:
text of visible elements and the generated content shown in place of hidden text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_e2e_browser import CHROMIUM, ROOT, SHOTS, launched_browser, screenshot, served_demo, settle

from dashboard import chrome
from dashboard.i18n import t

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

QUERY = {"zh": "?lang=zh", "en": "?lang=English"}
CJK = re.compile(r"[\u4e00-\u9fff]")

# What a person sees inside the elements ``sel`` matches: the text of visible elements, and ::before/::after
# content that is drawn (generated content of a visible pseudo element); transparent text is not seen.
SEEN = """(sel) => {
  const out = [];
  const clear = cs => cs.webkitTextFillColor === 'rgba(0, 0, 0, 0)' || cs.color === 'rgba(0, 0, 0, 0)';
  const shown = el => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility === 'visible' && cs.display !== 'none' && cs.opacity !== '0'
      && !clear(cs); };
  const pseudo = (el, which) => { const cs = getComputedStyle(el, which); const c = cs.content;
    if (c && c !== 'none' && c !== 'normal' && cs.visibility === 'visible' && cs.display !== 'none' && !clear(cs))
      out.push(c.replace(/^"|"$/g, '').replace(/\\\\"/g, '"')); };
  for (const root of document.querySelectorAll(sel)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      pseudo(el, '::before');
      for (const n of el.childNodes)
        if (n.nodeType === 3 && n.textContent.trim() && shown(el)) out.push(n.textContent.trim());
      pseudo(el, '::after');
    }
  }
  return out.join(' | ');
}"""


def seen(page: object, selector: str) -> str:
    return page.evaluate(SEEN, selector)


def upload_limit_text(lang: str) -> str:
    """The limit line as it must read: the upload page's types and the configured upload limit."""
    from dashboard.views import upload

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    size = chrome.size_text(int(config["server"]["maxUploadSize"]))
    return t("chrome.upload_limit", lang, size=size, types=upload.formats_text(lang))


@pytest.fixture(scope="module")
def server(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from served_demo(demo_db_template, tmp_path_factory, "chrome")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_browser()


def assert_speaks(text: str, lang: str, ours: list[str], streamlits: list[str], where: str) -> None:
    """``text`` (what is seen) holds each of our words for ``lang`` and, in Chinese, none of Streamlit's
    English ones; in English, no Chinese at all."""
    for word in ours:
        assert word in text, f"{where}: {word!r} not seen in {text!r}"
    if lang == "zh":
        for word in streamlits:
            assert word not in text, f"{where}: Streamlit's {word!r} still seen in {text!r}"
    else:
        assert not CJK.search(text), f"{where}: Chinese seen in the English page: {text!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_uploader_speaks_the_page_language_and_still_uploads(server: str, browser: object, lang: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/upload{QUERY[lang]}")
    settle(page)
    uploader = '[data-testid="stFileUploaderDropzone"]'
    # the first page of a cold server on a busy host can still be drawing when settle() returns
    page.locator(f"{uploader} [data-testid=stBaseButton-secondary]").wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    text = seen(page, uploader)
    limit = upload_limit_text(lang)
    assert_speaks(text, lang, [t("chrome.upload_button", lang), limit],
                  ["Upload", "per file", "Drag and drop", "Browse files", "CSV, TXT"], "uploader")
    assert "1 GB" in limit and "MHTML" in limit  # the configured 1,024 MB and the last type read
    # the whole line is seen: it wraps rather than run out of its box (the Chinese one lost ZIP、GZ at 1,280 px)
    line = page.locator('[data-testid="stFileUploaderDropzoneInstructions"] span').first
    assert line.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), \
        line.evaluate("e => [e.scrollWidth, e.clientWidth]")
    # the button keeps a label a screen reader reads, in the page's language
    assert page.get_by_role("button", name=t("chrome.upload_button", lang), exact=True).count() == 1
    page.locator(uploader).screenshot(path=str(SHOTS / f"chrome-{lang}-uploader.png"))
    # a file dragged over the drop zone
    drag = page.evaluate_handle("() => { const d = new DataTransfer();"
                                " d.items.add(new File(['x'], 'a.csv', {type: 'text/csv'})); return d; }")
    page.dispatch_event(uploader, "dragenter", {"dataTransfer": drag})
    page.wait_for_timeout(500)
    assert_speaks(seen(page, uploader), lang, [t("chrome.upload_drop", lang)], ["Drag and drop"], "dragging")
    page.dispatch_event(uploader, "dragleave", {"dataTransfer": drag})

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(ROOT / "tests" / "corpus" / "gbk_title_total.csv"))
    page.get_by_text(t("upload.valid", lang, rows=5)).wait_for(timeout=60_000)
    settle(page)
    assert "gbk_title_total.csv" in seen(page, '[data-testid="stFileChip"]')
    assert page.locator('[data-testid="stMainMenu"]').count() == 0  # its items are Streamlit's English
    screenshot(page, SHOTS / f"chrome-{lang}-upload-checked-full.png")
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_table_page_speaks_the_page_language(server: str, browser: object, lang: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/projects{QUERY[lang]}")
    settle(page)

    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    grid.hover()
    search = page.locator('[data-testid="stElementToolbar"] button[aria-label="Search"]').first
    search.hover()
    page.locator('[data-testid="stTooltipContent"]').wait_for(timeout=10_000)
    assert_speaks(seen(page, '[data-testid="stTooltipContent"]'), lang, [t("chrome.tip_search", lang)],
                  ["Search"], "toolbar tip")
    search.click()
    page.wait_for_timeout(500)
    assert_speaks(seen(page, '[data-testid="stDataFrameResizable"] label'), lang, [t("chrome.search_label", lang)],
                  ["Type to search"], "table search")
    page.keyboard.press("Escape")
    page.mouse.move(1, 1)

    box = page.get_by_label(t("projects.search", lang))
    box.click()
    page.keyboard.type("x")
    page.locator('[data-testid="InputInstructions"]').wait_for(timeout=10_000)
    assert_speaks(seen(page, '[data-testid="InputInstructions"]'), lang, [t("chrome.press_enter", lang)],
                  ["Press Enter"], "text box hint")
    page.keyboard.press("Backspace")

    sectors = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    sectors.locator("input").first.click()
    dropdown = '[data-testid="stMultiSelectDropdown"]'
    page.locator(dropdown).wait_for(timeout=10_000)
    assert_speaks(seen(page, f"{dropdown} [data-key=__select_all__]"), lang, [t("chrome.select_all", lang)],
                  ["Select all"], "select all")
    page.keyboard.type("zzqx")
    page.wait_for_timeout(500)
    assert_speaks(seen(page, dropdown), lang, [t("chrome.no_results", lang)], ["No results"], "no results")
    page.screenshot(path=str(SHOTS / f"chrome-{lang}-projects-no-results.png"))
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")

    # a chart's mode bar: Plotly's own tips through its locale, Streamlit's full-screen button through CSS
    page.goto(f"{server}/sectors{QUERY[lang]}")
    settle(page)
    chart = page.locator(".stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    chart.hover()
    titles = page.locator(".stPlotlyChart .modebar-btn").evaluate_all(
        "bs => bs.map(b => getComputedStyle(b, '::after').content.replace(/^\"|\"$/g, ''))")
    expected = {t("chrome.plotly_zoom", lang), t("chrome.plotly_download_png", lang), t("chrome.tip_fullscreen", lang)}
    assert expected <= set(titles), titles
    if lang == "zh":
        assert not {"Zoom", "Pan", "Autoscale", "Fullscreen", "Download plot as a PNG"} & set(titles), titles
    else:
        assert not any(CJK.search(x) for x in titles), titles
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_empty_date_box_speaks_the_page_language_and_takes_a_date(server: str, browser: object,
                                                                     lang: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/{QUERY[lang]}")
    settle(page)
    page.locator("summary", has_text=t("summary.asof_title", lang)).first.click()
    year = page.locator('[data-testid="stDateInputField"] [role=spinbutton][data-type=year]').first
    year.wait_for(timeout=10_000)
    field = '[data-testid="stDateInputField"]'
    assert_speaks(seen(page, field), lang, [t(f"chrome.date_{p}", lang) for p in ("year", "month", "day")],
                  ["yyyy", "mm", "dd"], "empty date box")
    page.locator(field).first.screenshot(path=str(SHOTS / f"chrome-{lang}-date.png"))
    year.click()
    page.keyboard.type("2024")
    page.wait_for_timeout(300)
    # a typed part is drawn as typed: the swap applies to the empty parts only
    assert year.inner_text() == "2024"
    assert year.evaluate("e => getComputedStyle(e).webkitTextFillColor") != "rgba(0, 0, 0, 0)"
    page.close()


# (page language, browser language): the calendar's words follow the page, whatever the browser speaks
CALENDAR_CASES = [("zh", "en-US"), ("zh", "en-GB"), ("en", "zh-CN"), ("zh", "zh-CN")]
CALENDAR_SEEN = """() => {
  const c = document.querySelector('[data-testid=stDateInputCalendar]');
  const drawn = (el, which) => { const cs = getComputedStyle(el, which);
    return cs.content && cs.content !== 'none' ? cs.content.replace(/^"|"$/g, '') : null; };
  const own = el => parseFloat(getComputedStyle(el).fontSize) > 0 ? el.childNodes[0].textContent.trim() : null;
  const month = c.querySelector('header button[aria-haspopup=listbox]');
  const firstDays = [...c.querySelectorAll('tbody tr:first-child td [aria-label]')]
    .map(e => e.getAttribute('aria-label'));
  return {heads: [...c.querySelectorAll('thead th')].map(th => own(th) ?? drawn(th, '::after')),
          month: own(month) ?? drawn(month, '::before'), grid: c.querySelector('table').getAttribute('aria-label'),
          firstDays};
}"""


def _open_calendar(server: str, browser: object, lang: str, locale: str) -> object:
    """A new page of the summary in ``lang``, in a browser set to ``locale``, with the as-of calendar open."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale=locale)
    page.goto(f"{server}/{QUERY[lang]}")
    settle(page)
    page.locator("summary", has_text=t("summary.asof_title", lang)).first.click()
    page.locator('[data-testid="stDateInput"] button').last.click()
    page.locator('[data-testid="stDateInputCalendar"] thead th').first.wait_for(timeout=10_000)
    return page


@pytest.mark.parametrize(("lang", "locale"), CALENDAR_CASES)
def test_the_date_calendar_speaks_the_page_language_not_the_browsers(server: str, browser: object, lang: str,
                                                                     locale: str) -> None:
    """The as-of date box's calendar is React Aria's, drawn in the browser's language: on the Chinese page
    in an English browser it read 'December' over 'S M T W T F S' (and Chinese on the English page in a
    Chinese browser). Each weekday heading and the month read in the page's language, in the column of the
    weekday the grid's days carry (Sunday first in en-US, Monday first in en-GB and zh-CN)."""
    page = _open_calendar(server, browser, lang, locale)
    got = page.evaluate(CALENDAR_SEEN)
    days = t("chrome.calendar_weekdays", lang).split()
    english = [d for d, _ in chrome.WEEKDAY_NAMES]
    order = [next(i for i, name in enumerate(english) if name in label or chrome.WEEKDAY_NAMES[i][1] in label)
             for label in got["firstDays"]]
    assert got["heads"] == [days[i] for i in order], got
    month = next(m for m, name in enumerate(chrome.MONTH_NAMES, start=1)
                 if f", {name} " in got["grid"] or f"年{m}月" in got["grid"])
    assert got["month"] == t("chrome.calendar_months", lang).split()[month - 1], got
    page.screenshot(path=str(SHOTS / f"chrome-{lang}-{locale}-calendar.png"))
    page.close()


PICKER_SEEN = """() => [...document.querySelectorAll('[data-testid=stDateInputHeaderPickerPopover] [role=option]')]
  .map(o => [o.dataset.key, getComputedStyle(o, '::after').content.replace(/^"|"$/g, ''),
             parseFloat(getComputedStyle(o).fontSize)])"""
BUTTONS_SEEN = """() => [...document.querySelectorAll('[data-testid=stDateInputCalendar] header button[aria-haspopup]')]
  .map(b => getComputedStyle(b, '::before').content.replace(/^"|"$/g, ''))"""


@pytest.mark.parametrize(("lang", "locale"), [("zh", "en-US"), ("en", "zh-CN")])
def test_the_calendars_month_and_year_lists_speak_the_page_language(server: str, browser: object, lang: str,
                                                                    locale: str) -> None:
    """The calendar's month and year drop-downs listed 'January … December' on the Chinese page in an English
    browser, and '一月 … 十二月', '2026年' on the English page in a Chinese one. Each option and both buttons
    read in the page's language; an option is still picked by a click."""
    page = _open_calendar(server, browser, lang, locale)
    months = t("chrome.calendar_months", lang).split()
    buttons = page.locator("[data-testid=stDateInputCalendar] header button[aria-haspopup=listbox]")
    month, year = page.evaluate(BUTTONS_SEEN)
    assert month in months and year == t("chrome.calendar_year", lang, year=year.rstrip("年")), (month, year)
    buttons.first.click()
    page.wait_for_timeout(500)
    options = page.evaluate(PICKER_SEEN)
    assert [(key, text) for key, text, _ in options] == [(str(m), months[m - 1]) for m in range(1, 13)], options
    assert all(size == 0 for _, _, size in options)  # their own words are drawn at size 0
    page.screenshot(path=str(SHOTS / f"chrome-{lang}-{locale}-calendar-months.png"))
    page.locator('[data-testid=stDateInputHeaderPickerPopover] [role=option][data-key="11"]').click()
    page.wait_for_timeout(500)
    assert page.evaluate(BUTTONS_SEEN)[0] == months[10]
    buttons.last.click()
    page.wait_for_timeout(500)
    options = page.evaluate(PICKER_SEEN)
    assert options and all(text == t("chrome.calendar_year", lang, year=key) for key, text, _ in options), options
    seen_text = " ".join(text for _, text, _ in options)
    assert ("年" in seen_text) == (lang == "zh")
    page.close()


def column_menu(page: object) -> object:
    """Open the first table's column menu on its first column (the header's menu opens on a click)."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    page.mouse.move(box["x"] + 60, box["y"] + 18)
    page.mouse.click(box["x"] + 60, box["y"] + 18)
    menu = page.locator("[data-testid=stDataFrameColumnMenu]")
    menu.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    return menu


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_column_menu_speaks_the_page_language(server: str, browser: object, lang: str) -> None:
    """A table column's header menu said 'Sort ascending', 'Pin column', 'Hide column' (and its Statistics
    submenu 'Values', 'Empty', …) on the Chinese page. Our words are written in as it opens; Pin and Unpin
    each read as themselves, and the items still work."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/projects{QUERY[lang]}")
    settle(page)
    # the script's own element takes no room in the page
    assert page.locator("[data-sei-chrome]").count() == 1
    assert page.evaluate("() => getComputedStyle(document.querySelector('[data-sei-chrome]')"
                         ".closest('[data-testid=stElementContainer]')).display") == "none"
    menu = column_menu(page)
    words = [t(f"chrome.{key}", lang) for key in ("menu_sort_asc", "menu_sort_desc", "menu_statistics",
                                                    "menu_autosize", "menu_pin", "menu_hide")]
    text = menu.inner_text()
    assert_speaks(text, lang, words, ["Sort ascending", "Sort descending", "Statistics", "Autosize", "Pin column",
                                      "Hide column"], "column menu")
    assert menu.locator(f'[aria-label="{t("chrome.menu_copy_name", lang)}"]').count() == 1
    page.screenshot(path=str(SHOTS / f"chrome-{lang}-column-menu.png"))
    menu.locator("[role=menuitem]", has_text=t("chrome.menu_statistics", lang)).hover()
    stats = page.locator("[data-testid=stDataFrameStatisticsMenu]")
    stats.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    assert_speaks(stats.inner_text(), lang, [t("chrome.stat_values", lang), t("chrome.stat_empty", lang)],
                  ["Values", "Empty", "Distinct"], "statistics")
    menu.locator("[role=menuitem]", has_text=t("chrome.menu_pin", lang)).click()
    page.wait_for_timeout(500)
    menu = column_menu(page)
    assert_speaks(menu.inner_text(), lang, [t("chrome.menu_unpin", lang)], ["Unpin column", "Pin column"],
                  "pinned column's menu")
    menu.locator("[role=menuitem]", has_text=t("chrome.menu_unpin", lang)).click()
    page.close()
