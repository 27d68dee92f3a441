"""The pages' defects a browser review found (session 31's review13, "not fixed"), with the lead's decisions:
one growth period everywhere, language-neutral links, the upload caption from the reader's own list, the import
history within a 1,280 px screen, the projects outside the region groups said, the stage chart's 100 % tick and
demo cluster names that agree with their sector. Each checked with AppTest on the demo store (or a pure function)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard import report
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.queries import common
from tests.apptest_helpers import goto, one, open_page

LANGS = {"zh": "中文", "en": "English"}


def figure_texts(at: object) -> str:
    """Every chart's title, subplot titles and axis titles, as one text."""
    out = []
    for e in at.get("plotly_chart"):  # type: ignore[attr-defined]
        layout = json.loads(e.proto.spec)["layout"]
        out.append(layout["title"]["text"])
        out += [a.get("text", "") for a in layout.get("annotations", [])]
    return "\n".join(out)


# --- 1. one growth period ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("years", "f", "as_of", "expect"), [
    (range(2018, 2026), Filters(), dt.date(2026, 12, 3), (2024, 2025)),
    # a partial current year is no full year: the year before the as-of date's year is
    (range(2018, 2027), Filters(), dt.date(2026, 12, 3), (2024, 2025)),
    # data that stop earlier: the last year with data before the as-of date's year
    (range(2018, 2024), Filters(), dt.date(2026, 12, 3), (2022, 2023)),
    (range(2018, 2026), Filters(), dt.date(2025, 6, 30), (2023, 2024)),  # a snapshot of mid-2025
    (range(2018, 2026), Filters(year_from=2019, year_to=2022), dt.date(2026, 12, 3), (2021, 2022)),
    (range(2018, 2026), Filters(year_from=2025, year_to=2025), dt.date(2026, 12, 3), None),  # no year before
    ([2026], Filters(), dt.date(2026, 12, 3), None),
    ([], Filters(), dt.date(2026, 12, 3), None),
])
def test_the_growth_period_is_the_latest_full_year_and_the_year_before(years: object, f: Filters, as_of: dt.date,
                                                                      expect: object) -> None:
    assert common.growth_years(years, f, as_of) == expect


def _period(lang: str, y0: int, y1: int) -> str:
    return f"{y1}年比{y0}年" if lang == "zh" else f"{y1} vs {y0}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_states_the_same_growth_period_with_both_years(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  lang: str) -> None:
    """The summary's KPI compared 2025 with 2024, the sectors' panel and the highlight 2023 with 2024 ("the last
    two full years"), the region groups said only "2025年完成投资增速". One rule now, and each label names both
    years; the figures are those years' completed investment."""
    last = one(demo_db, "SELECT max(year) FROM project_investments WHERE completed_wan IS NOT NULL "
                        "AND year < ?", [dt.date.today().year])[0]
    period = _period(lang, last - 1, last)
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    assert not at.exception
    [kpi] = [m for m in at.metric if m.label == t("summary.kpi_completed", lang, year=last)]
    assert period in kpi.proto.delta
    now, before = (one(demo_db, "SELECT sum(CAST(completed_wan AS DOUBLE)) FROM project_investments WHERE year = ?",
                       [y])[0] for y in (last, last - 1))
    assert kpi.proto.delta.startswith(f"{(now / before - 1) * 100:+.1f}%")
    highlights = "\n".join(m.value for m in at.markdown)
    assert period in highlights and f"{last - 2}" not in highlights.split(period)[0][-12:]
    for page in ("sectors", "regions"):
        goto(at, page).run()
        assert not at.exception, page
        assert period in figure_texts(at), page


def test_the_meeting_copy_states_the_same_period(demo_db_template: Path) -> None:
    from dashboard import store

    con = store.connect(demo_db_template, read_only=True)
    try:
        data = report.load_summary(lambda fn, f, **kw: fn(con, f, **kw), Filters(), 2025, dt.date(2026, 12, 3))
        html = report.build_html(data, "zh", "数据截至2025年", demo=True).decode()
    finally:
        con.close()
    assert data.growth_years == (2024, 2025) and data.year == 2025
    assert "2025年比2024年" in html and "较2024年" not in html and "2024—2025年" not in html


# --- 2. links in either language ---------------------------------------------------------------------------

KEYS = {"sector": ["new_energy"], "province": ["330000"], "stage": ["under_construction"], "group": ["东部"],
        "own": ["private"], "tier": ["cluster"], "subfield": ["energy_storage"]}
OLD_LINKS = {  # what links carried before: the labels shown, in each language
    "zh": {"sector": "新能源", "province": "浙江", "stage": "在建", "group": "东部", "own": "民营", "tier": "产业集群",
           "subfield": "高效储能与新型储能"},
    "en": {"sector": "New energy", "province": "Zhejiang", "stage": "Under construction", "group": "East",
           "own": "Private", "tier": "Clusters", "subfield": "Efficient and new-type energy storage"},
}


def _link_params(kind: str) -> dict[str, str]:
    if kind == "keys":
        return {k: v[0] for k, v in KEYS.items()}
    return {k: v for k, v in OLD_LINKS[kind].items() if v is not None}


@pytest.mark.parametrize("link", ["keys", "zh", "en"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_opens_with_its_filters_in_either_language(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                          link: str, lang: str) -> None:
    """A link copied on the Chinese page and opened on the English one (or the other way) lost every filter its
    labels carried (?sector=新能源 means nothing to the English page). Links carry the taxonomy's keys and region
    codes now, and links that carry labels of either language still open with their filters."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest_helpers import APP
    monkeypatch.setenv("SEI_DB", str(demo_db))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.session_state["lang"] = LANGS[lang]
    params = _link_params(link)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    f = at.session_state["filters"]
    got = {"sector": f.sectors, "province": f.provinces, "stage": f.stages, "group": f.region_groups,
           "own": f.ownership, "tier": f.tiers, "subfield": f.subfields}
    assert {k: list(got[k]) for k in params} == {k: KEYS[k] for k in params}
    for k in params:  # the link now carries the language-neutral values
        assert at.query_params[k] in (KEYS[k], KEYS[k][0]), (k, at.query_params[k])


def test_choosing_a_filter_writes_values_not_labels_into_the_link(demo_db: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(demo_db, monkeypatch, "sectors")
    at.multiselect(key="sector").set_value(["new_energy"]).run()
    at.multiselect(key="province").set_value(["330000"]).run()
    assert not at.exception
    assert at.query_params["sector"] in (["new_energy"], "new_energy")
    assert at.query_params["province"] in (["330000"], "330000")
    at.session_state["lang"] = "English"  # the link is the same in the other language
    at.run()
    assert at.query_params["sector"] in (["new_energy"], "new_energy")
    at.multiselect(key="sector").set_value([]).run()
    assert "sector" not in at.query_params
