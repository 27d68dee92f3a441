"""The pages as their users meet them (session 33's review15): page switches that the browser's Back and
Forward follow with their filters (the menu's links carry them), region-group links with ASCII keys, the
summary's growth period found once, and the review list of the upload page. Each checked with AppTest on the
demo store (the Back button itself: tests/test_e2e_browser.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from dashboard import report, taxonomy
from dashboard.filters import Filters
from tests.apptest_helpers import open_page

# --- 1. the menu's links carry the filters ---------------------------------------------------------------------


def sidebar_links(at: object) -> dict[str, dict[str, list[str]]]:
    """The page menu's links: {page url: their query parameters}."""
    out = {}
    for e in at.get("page_link"):  # type: ignore[attr-defined]
        if e.proto.page.startswith("http"):
            continue
        out[e.proto.page] = parse_qs(e.proto.query_string)
    return out


def test_the_menu_links_carry_the_filters(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's own menu carried only bound widgets' URL values to the next page, so the sidebar wrote the
    filters into its address again: two history entries per switch, and Back went to the same page without
    its filters (then the filters came back). The menu's links carry the filters: one entry, filters in it."""
    at = open_page(demo_db, monkeypatch, "sectors")
    at.multiselect(key="sector").set_value(["new_energy"]).run()
    at.multiselect(key="group").set_value(["东部"]).run()
    assert not at.exception
    links = sidebar_links(at)
    assert {"", "sectors", "regions", "upload"} <= set(links), links
    assert links["regions"] == {"sector": ["new_energy"], "group": ["east"]}
    at.multiselect(key="sector").set_value([]).run()
    assert sidebar_links(at)["regions"] == {"group": ["east"]}


def test_the_menu_leaves_out_the_pages_a_role_may_not_use(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard.auth.permissions import allows, page_perm
    from dashboard.views import PAGES
    at = open_page(demo_db, monkeypatch)
    shown = [p.lstrip("/") for p in sidebar_links(at)]
    assert shown == ["" if slug == "summary" else slug for slug, _, _ in PAGES if allows("admin", page_perm(slug))]


# --- 2. region groups: ASCII keys in links ---------------------------------------------------------------------

def test_region_group_keys_are_ascii_unique_and_from_the_taxonomy() -> None:
    keys = [g.key for g in taxonomy.region_groups()]
    assert keys == ["east", "central", "west", "northeast"]
    assert all(k.isascii() and k.isidentifier() for k in keys) and len(set(keys)) == len(keys)


@pytest.mark.parametrize(("link", "shown"), [("east", "东部"), ("东部", "东部"), ("East", "东部"),
                                             ("northeast", "东北"), ("东北", "东北")])
def test_a_group_link_opens_with_its_group_and_is_written_ascii(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 link: str, shown: str) -> None:
    """A group link read ?group=东部 (percent-encoded in the address): it carries the taxonomy's ASCII key now;
    a link with the Chinese value (or the English label) still opens with its group."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest_helpers import APP
    monkeypatch.setenv("SEI_DB", str(demo_db))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params["group"] = link
    at.run()
    assert not at.exception
    assert at.session_state["filters"].region_groups == (shown,)
    key = next(g.key for g in taxonomy.region_groups() if g.slug == shown)
    assert at.query_params["group"] in ([key], key)


def test_choosing_a_group_writes_its_ascii_key(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "regions", lang="en")
    at.multiselect(key="group").set_value(["西部", "东北"]).run()
    assert not at.exception
    assert at.query_params["group"] == ["west", "northeast"]
    assert at.session_state["filters"].region_groups == ("西部", "东北")


# --- 3. the summary's growth period, found once ----------------------------------------------------------------

def test_the_summary_finds_its_growth_period_once(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``SummaryData.growth_years`` was a property: the KPI's year, its change, the highlights and the meeting
    copy each found the period again from the flows."""
    from dashboard import store
    from dashboard.report import summary
    calls = []
    rule = summary.growth_years
    monkeypatch.setattr(summary, "growth_years", lambda *a, **k: calls.append(1) or rule(*a, **k))
    con = store.connect(demo_db, read_only=True)
    try:
        data = report.load_summary(lambda fn, f, **kw: fn(con, f, **kw), Filters(), 2025, dt.date(2026, 12, 3))
        assert data.growth_years == (2024, 2025)
        assert data.year == 2025 and data.growth() is not None and data.growth_text("zh")
        report.highlights(data, "zh")
    finally:
        con.close()
    assert len(calls) == 1
