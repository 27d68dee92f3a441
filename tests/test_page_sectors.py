"""Sectors page: renders in both languages; a sector drills into its profile, sub-fields and projects,
whose numbers equal direct SQL; a filter that leaves nothing shows the empty state; the sector queries
are exact on a hand-built store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard import report, store
from dashboard.filters import Filters
from dashboard.queries import overview as oq
from tests.apptest_helpers import chart_titles, empty_combination, one, open_page, texts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "sectors", lang=lang)
    assert not at.exception, at.exception
    text = texts(at)
    assert chart_titles(at)[0] == ("八大产业领域对比" if lang == "zh" else "The eight sectors compared")
    assert not at.dataframe  # no sector picked: no project table yet, a hint instead
    assert ("点击上方条形" if lang == "zh" else "Click a bar above") in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sector_drills_into_profile_and_projects(demo_db: Path, demo_db_template: Path,
                                                 monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    at = open_page(demo_db, monkeypatch, "sectors", lang=lang, filters={"sector": ["new_energy"]})
    assert not at.exception, at.exception
    text = texts(at)
    assert ("新能源（指导意见第（五）条）" if lang == "zh" else "New energy (clause (V) of the guidance)") in text
    assert ("能源局" if lang == "zh" else "NEA") in text
    assert ("第6类" if lang == "zh" else "group 6") in text
    n, top = one(demo_db_template, "SELECT count(*), max(CAST(total_investment_wan AS DOUBLE)) / 10000.0 "
                                   "FROM projects WHERE sector = 'new_energy'")
    table = at.dataframe[0].value
    assert len(table) == min(n, 200)
    assert table.iloc[0, -1] == pytest.approx(top if lang == "zh" else top / 10, abs=0.01)


def test_subfield_filter_lists_its_projects(demo_db: Path, demo_db_template: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    sub = one(demo_db_template, "SELECT subfield FROM projects WHERE sector = 'biotech' GROUP BY 1 "
                                "ORDER BY count(*) DESC, 1 LIMIT 1")[0]
    at = open_page(demo_db, monkeypatch, "sectors", filters={"sector": ["biotech"], "subfield": [sub]})
    assert not at.exception, at.exception
    n = one(demo_db_template, "SELECT count(*) FROM projects WHERE sector = 'biotech' AND subfield = ?", [sub])[0]
    assert len(at.dataframe[0].value) == n


def test_empty_filter_shows_empty_state(demo_db: Path, demo_db_template: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sector, province = empty_combination(demo_db_template)
    at = open_page(demo_db, monkeypatch, "sectors", filters={"sector": [sector], "province": [province]})
    assert not at.exception, at.exception
    assert "没有数据" in texts(at)


@pytest.fixture
def tiny(empty_db: Path) -> duckdb.DuckDBPyConnection:
    con = store.connect(empty_db)
    con.execute("""INSERT INTO projects (project_id, name, sector, subfield, province_code, stage, start_year,
                                         end_year, total_investment_wan, batch_id) VALUES
        (1, 'A', 'new_energy', 'hydrogen', '320000', 'completed', 2022, 2023, 150000, 1),
        (2, 'B', 'new_energy', 'hydrogen', '440000', 'planned', 2023, 2026, 50000, 1),
        (3, 'C', 'new_energy', 'wind_solar_hybrid', '320000', 'completed', 2023, 2024, 100000, 1),
        (4, 'D', 'biotech', 'vaccines', '110000', 'completed', 2021, 2022, 20000, 1)""")
    con.execute("""INSERT INTO project_investments VALUES
        (1, 2022, 70000, 60000), (1, 2023, 80000, 90000), (3, 2022, 40000, 30000), (3, 2023, 60000, 45000),
        (4, 2022, 20000, 20000), (4, 2023, 20000, 10000)""")
    store.rollups.refresh(con)  # the raw inserts above bypass store.write, which rebuilds the rollups
    yield con.cursor()
    con.close()


def test_subfields_stages_and_growth_are_exact(tiny: duckdb.DuckDBPyConnection) -> None:
    subs = oq.subfield_totals(tiny, Filters(sectors=("new_energy",))).set_index("subfield")
    assert subs.loc["hydrogen", "investment_yi"] == 20.0 and subs.loc["hydrogen", "projects"] == 2
    assert subs.loc["wind_solar_hybrid", "investment_yi"] == 10.0
    stages = oq.stage_mix(tiny, Filters())
    assert stages[(stages["sector"] == "new_energy") & (stages["stage"] == "completed")]["projects"].item() == 2
    table = report.sector_table(oq.sector_totals(tiny, Filters()), oq.sector_year_flows(tiny, Filters()),
                                (2022, 2023)).set_index("sector")
    assert table.loc["new_energy", "completed_yi"] == pytest.approx(22.5)
    assert table.loc["new_energy", "growth"] == pytest.approx(13.5 / 9.0 - 1)   # 9 亿 → 13.5 亿
    assert table.loc["biotech", "growth"] == pytest.approx(-0.5)
    listed = oq.project_list(tiny, Filters(subfields=("hydrogen",)), limit=10)
    assert list(listed["name"]) == ["A", "B"]
