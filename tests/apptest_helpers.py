"""Helpers the tests share: drive the real app script with Streamlit's AppTest on a real store file,
read what it drew, and ask the same store directly with SQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard import store

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str = "summary", *, lang: str = "zh",
              filters: dict[str, object] | None = None, timeout: float = 90) -> AppTest:
    """Run the app on ``db`` and show ``page`` (its url slug, e.g. 'sectors').

    ``filters`` sets sidebar widgets by key (``{"sector": ["new_energy"], "years": (2020, 2022)}``).
    In a browser these come from the URL (the sidebar reads its query parameters; ``at.query_params``
    does the same here, see test_review4); tests set the same keys through session state.
    """
    monkeypatch.setenv("SEI_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.session_state["lang"] = {"zh": "中文", "en": "English"}[lang]
    for key, value in (filters or {}).items():
        at.session_state[key] = value
    if page != "summary":
        # Open the page's own URL, as a link or a bookmark would, instead of drawing the summary first and
        # then switching: st.navigation names a page by the hash of its url_path.
        at._page_hash = calc_hash(page)
    at.run()
    if page != "summary" and at._finished_page_script_hash != calc_hash(page):
        raise AssertionError(f"asked for page {page!r}, the app drew {at._finished_page_script_hash!r}")
    return at


def upload_says(db: Path, monkeypatch: pytest.MonkeyPatch, file_name: str, data: bytes) -> list[str]:
    """Upload ``data`` as ``file_name`` on the upload page (zh) and return every text the page then shows:
    messages, Markdown, captions and tables; the run must end without an exception."""
    app = open_page(db, monkeypatch, "upload")
    app.file_uploader[0].set_value((file_name, data, "application/octet-stream")).run()
    assert not app.exception
    shown = [e.value for e in [*app.error, *app.warning, *app.info, *app.success, *app.markdown, *app.caption]]
    return shown + [frame.to_string() for frame in html_frames(app)]


def goto(at: AppTest, page: str) -> AppTest:
    """Select a callable page registered with st.navigation by its url slug (switch_page needs files)."""
    for page_hash, info in at._registered_pages.items():
        # callable pages have no script path; dashboard/views/*.py are modules, not page scripts
        url = info.get("url_pathname")
        if (url == page or (url == "" and page == "summary")) and not info.get("script_path"):
            at._page_hash = page_hash
            return at
    raise ValueError(f"no page {page!r}; registered: {[i.get('url_pathname') for i in at._registered_pages.values()]}")


def texts(at: AppTest) -> str:
    """Everything the page printed as text, for 'does it say X' assertions."""
    parts = [e.value for e in [*at.markdown, *at.title, *at.header, *at.subheader, *at.caption, *at.info,
                               *at.warning, *at.error, *at.success]]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


class _Table(HTMLParser):
    """The header cells, the rows (each cell's text) and the right-aligned columns of the HTML tables in a
    body (``ui.html_table``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, list]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"head": [], "rows": [], "scopes": [], "right": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td") and self.tables:
            self.cell = []
            if tag == "th":
                self.tables[-1]["scopes"].append(dict(attrs).get("scope"))
            elif len(self.tables[-1]["rows"]) == 2:  # the first body row names the alignment
                self.tables[-1]["right"].append(dict(attrs).get("class") == "num")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self.cell is not None and self.tables:
            text = "".join(self.cell).replace("\xa0", "")
            table = self.tables[-1]
            (table["head"] if tag == "th" else table["rows"][-1]).append(text)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_tables(at: AppTest) -> list[dict[str, list]]:
    """Every HTML table the page drew with ``st.html``: ``head`` (header texts), ``rows`` (each body row's
    cell texts, the header row's empty list first dropped), ``scopes`` of the header cells, ``right``
    (per column: its cells are right-aligned)."""
    found = []
    for element in at.get("html"):
        parser = _Table()
        parser.feed(element.proto.body)
        for table in parser.tables:
            table["rows"] = [row for row in table["rows"] if row]
            found.append(table)
    return found


def html_frames(at: AppTest) -> list[pd.DataFrame]:
    """Every HTML table the page drew (:func:`html_tables`) as a frame of its cells' texts, headed by its header
    cells: the upload page's problems and import history (``ui.text_table``), the summary's top projects."""
    return [pd.DataFrame(table["rows"], columns=table["head"], dtype=object) for table in html_tables(at)]


def one(path: Path, query: str, params: list | None = None) -> tuple:
    con = store.connect(path, read_only=True)
    try:
        return con.execute(query, params or []).fetchall()[0]
    finally:
        con.close()


def chart_titles(at) -> list[str]:
    """The titles of the Plotly charts the page drew."""
    return [json.loads(e.proto.spec)["layout"]["title"]["text"] for e in at.get("plotly_chart")]


def headline_sql(path: Path, where: str = "TRUE", cwhere: str = "TRUE") -> dict[str, object]:
    """The Summary's headline numbers straight from the tables (money in 亿元)."""
    n, inv = one(path, f"SELECT count(*), coalesce(sum(CAST(total_investment_wan AS DOUBLE)), 0) / 10000.0 "
                       f"FROM projects p WHERE {where}")
    as_of = one(path, "SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL")[0]
    done = one(path, f"SELECT sum(CAST(i.completed_wan AS DOUBLE)) / 10000.0 FROM project_investments i "
                     f"JOIN projects p USING (project_id) WHERE i.year = {as_of} AND {where}")[0]
    tiers = {t: one(path, f"SELECT count(*) FROM clusters c WHERE tier = ? AND status = 'designated' "
                          f"AND {cwhere}", [t])[0] for t in ("base", "cluster", "ecosystem")}
    return {"projects": n, "investment": inv, "as_of": as_of, "completed": done, "tiers": tiers}


def empty_combination(path: Path) -> tuple[str, str]:
    """A sector and a province with neither projects nor clusters in the demo store."""
    return one(path, """
        SELECT s.sector, r.code FROM (SELECT DISTINCT sector FROM projects WHERE sector IS NOT NULL) s,
             regions r
        WHERE r.level = 'province'
          AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.sector = s.sector AND p.province_code = r.code)
          AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.sector = s.sector AND c.province_code = r.code)
        ORDER BY 1, 2 LIMIT 1
    """)
def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    """Fill in the sign-in form the app shows while nobody is signed in, and submit it."""
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label in ("登录", "Sign in")).click()
    return at.run()


def pdf_info(pdf: bytes) -> str:
    """poppler's ``pdfinfo`` on ``pdf``. Skips where poppler-utils is not installed, except where
    ``SEI_REQUIRE_PDFINFO`` is set (``.ci/run`` installs it and sets that: a PDF check must not vanish)."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        if os.environ.get("SEI_REQUIRE_PDFINFO"):
            pytest.fail("pdfinfo (Debian's poppler-utils) is required here: .ci/run installs it")
        pytest.skip("needs poppler's pdfinfo (Debian's poppler-utils)")
    return subprocess.run([tool, "-"], input=pdf, capture_output=True, check=True).stdout.decode()
