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


# --- 6. the review list: rows tagged from an industry class ----------------------------------------------------

GBK_LIST = ("浙江省2025年重点产业项目清单\n单位：万元\n序号,项目名称,建设地点,总投资,行业类别,开工年份\n"
            "1,乙公司技改项目,浙江省杭州市,32000,2720 化学药品制剂制造,2024\n"
            "2,宁波年产10GWh动力电池项目,浙江省宁波市,260000,C3841 锂离子电池制造,2024\n"
            "3,杭州城西道路改造工程,浙江省杭州市,15000,E4812 市政道路工程建筑,2024\n"
            ",合计,,307000,,\n").encode("gbk")


def test_the_review_list_says_a_sector_came_from_the_industry_class(demo_db: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A row tagged from its 行业类别 (confidence 0.45, below the review bound) was listed with the class under
    "匹配关键词" (GB/T 4754 2720 化学药品制剂制造), as if its name had matched it, and nothing said why to check it.
    The list says where each sector came from, and a caption says why a class needs a person's check."""
    at = open_page(demo_db, monkeypatch, "upload")
    at.file_uploader[0].set_value(("浙江省2025年项目.csv", GBK_LIST, "text/csv")).run()
    assert not at.exception
    said = "其中 1 个项目的领域是按“行业类别”列的国民经济行业分类（GB/T 4754）标注的"
    assert any(said in c.value for c in at.caption), [c.value for c in at.caption]
    [frame] = [d.value for d in at.dataframe if "sector_keywords" in d.value.columns]
    tagged = frame.set_index("name")["sector_keywords"]
    assert tagged["乙公司技改项目"] == "行业类别 2720 化学药品制剂制造（“行业类别”列，不是项目名称）"
    assert tagged["杭州城西道路改造工程"] == ""  # unclassified: nothing to name
    assert not any(str(v).startswith("GB/T") for v in tagged)


@pytest.mark.parametrize(("lang", "words", "cls", "said"), [
    ("zh", "名称中的词：储能", "行业类别 2720 化学药品制剂制造（“行业类别”列，不是项目名称）",
     "其中 2 个项目的领域是按“行业类别”列的国民经济行业分类（GB/T 4754）标注的"),
    ("en", "words in the name: 储能", "industry class 2720 化学药品制剂制造 (“行业类别” column, not the name)",
     "2 projects' sectors come from the national industry class (GB/T 4754) in the “行业类别” column"),
])
def test_what_a_review_row_was_tagged_from_reads_in_either_language(monkeypatch: pytest.MonkeyPatch, lang: str,
                                                                   words: str, cls: str, said: str) -> None:
    from dashboard.i18n import t
    from dashboard.views import upload
    monkeypatch.setattr(upload, "t", lambda key, **kw: t(key, lang, **kw))  # the page's language
    assert upload.basis("储能", "行业类别") == words
    assert upload.basis("GB/T 4754 2720 化学药品制剂制造", "行业类别") == cls
    assert upload.basis(None, "行业类别") == "" and upload.basis("", "行业类别") == ""
    assert said in t("upload.review_class_help", lang, count="2", column="行业类别")
