"""Issue 12, s29-zones9: places that name a development zone, a park or a new area instead of a city
(卤阳湖开发区, 苏州工业园区, 两江新区, 杨凌示范区, 张江高科技园区...) were refused as unknown places or
read wrongly. They are read from ``data/development_zones.csv`` (GB/T 37028-2018, the national list of
economic function zones, and a few zones from other public pages; each with its province, its
prefecture-level city where a public page gives it, and its source) as the place the zone lies in, the
zone's name kept beside the project and said by row. A place spanning provinces (全国, 跨省, 多省) is
refused saying why; 全省 without a province named anywhere likewise; a company's name in the place
column is said to be one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from importkit import import_json, problem_codes, refused_unchanged, stored_projects

from dashboard import store
from dashboard.config import DATA_DIR
from dashboard.ingest.importer import ZONE_COLUMN

# place as written -> (province, city) stored; the city None where the zone spans cities (西咸新区: 西安 and
# 咸阳) or the source gives none (宁东能源化工基地), or the province has no city level (重庆)
ZONES = {
    "卤阳湖开发区": ("610000", "610500"),       # 卤阳湖现代产业开发区, 渭南
    "苏州工业园区": ("320000", "320500"),
    "天津滨海新区": ("120000", "120100"),       # a district of Tianjin: read as such, no zone said
    "两江新区": ("500000", None),
    "西咸新区": ("610000", None),
    "中新天津生态城": ("120000", "120100"),
    "宁东能源化工基地": ("640000", None),
    "漕河泾开发区": ("310000", "310100"),
    "杨凌示范区": ("610000", "610400"),         # 杨凌农业高新技术产业示范区, 咸阳
    "兰州新区": ("620000", "620100"),
    "赣江新区": ("360000", None),
    "张江高科技园区": ("310000", "310100"),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _extras(db: Path) -> dict[int, str]:
    con = store.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT source_row, value FROM batch_extra_values WHERE column_name = ?",
                           [ZONE_COLUMN]).fetchall()
    finally:
        con.close()
    return dict(rows)


@pytest.mark.parametrize(("lang", "said"), [("zh", ("卤阳湖开发区", "卤阳湖现代产业开发区", "渭南市（陕西省）")),
                                            ("en", ("卤阳湖开发区", "卤阳湖现代产业开发区", "Weinan (Shaanxi)"))])
def test_a_zone_alone_is_read_as_the_place_it_lies_in(empty_db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str], lang: str,
                                                      said: tuple[str, ...]) -> None:
    lines = ["项目名称,建设地点,总投资（万元）"] + [f"{place}项目,{place},1000" for place in ZONES]
    code, out = import_json(empty_db, capsys, _write(tmp_path, "zones.csv", "\n".join(lines) + "\n"), "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {f"{p}项目": v for p, v in ZONES.items()}
    # said by row where the zone decided the place: not Tianjin's district (row 4), nor where the zone's name
    # names its city (苏州工业园区, 中新天津生态城, 兰州新区: rows 3, 7, 11)
    assert problem_codes(out["warnings"]) == [(row, "place_zone") for row in (2, 5, 6, 8, 9, 10, 12, 13)]
    assert all(s in out["warnings"][0]["message"] for s in said), out["warnings"][0]
    # the zone's name kept beside the project, by row
    extras = _extras(empty_db)
    assert extras[2] == "卤阳湖现代产业开发区" and extras[3] == "苏州工业园区"
    assert extras[13] == "上海张江高新技术产业开发区"
    assert 4 not in extras and len(extras) == len(ZONES) - 1


def test_a_zone_after_a_province_or_city_in_each_layout(empty_db: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """省份 | 城市 | 区县 columns, and a province or city written before the zone in one cell: the same place. A
    city the text names stands against the zone's (西安市杨凌示范区: 杨凌 lies in 咸阳; kept as written, said)."""
    path = _write(tmp_path, "levels.csv", "项目名称,省份,城市,区县,总投资（万元）\n"
                                          "甲项目,陕西省,,卤阳湖开发区,1000\n"
                                          "乙项目,江苏省,苏州市,苏州工业园区,1000\n"
                                          "丙项目,上海市,,张江高科技园区,1000\n"
                                          "丁项目,重庆,,两江新区,1000\n"
                                          "戊项目,,渭南市卤阳湖开发区,,1000\n"
                                          "己项目,陕西,西安市,杨凌示范区,1000\n"
                                          "庚项目,江苏,,苏州工业园区星湖街,1000\n")
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["errors"] == [], out
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("610000", "610500"), "乙项目": ("320000", "320500"), "丙项目": ("310000", "310100"),
        "丁项目": ("500000", None), "戊项目": ("610000", "610500"), "己项目": ("610000", "610100"),
        "庚项目": ("320000", "320500")}
    # said where the zone decided the place or differs from the city named (西安市杨凌示范区); not where the text
    # names the zone's city (苏州市 + 苏州工业园区, 上海市 + 张江, 渭南市卤阳湖开发区, 苏州工业园区星湖街)
    assert problem_codes(out["warnings"]) == [(row, "place_zone") for row in (2, 5, 7)]


def test_a_zone_in_another_province_than_the_one_named_is_not_read(empty_db: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """江苏省 before 卤阳湖开发区 (Shaanxi's): the zone is not read against the province the row names."""
    path = _write(tmp_path, "other.csv", "项目名称,省份,建设地点,总投资（万元）\n甲项目,江苏省,卤阳湖开发区,1000\n")
    code, out = import_json(empty_db, capsys, path)
    assert code == 0 and out["errors"] == [], out
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {"甲项目": ("320000", None)}
    assert "place_zone" not in {w["code"] for w in out["warnings"]}


@pytest.mark.parametrize(("lang", "said"), [("zh", "一个项目只存一个省份"), ("en", "stored in one province")])
def test_a_place_across_provinces_is_refused_saying_why(empty_db: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str], lang: str,
                                                        said: str) -> None:
    """全国 / 跨省 / 多省: the store keeps one province a project (province_code NOT NULL, no multi-region
    marker), so the row is refused by row with the reason, not as an unknown place."""
    path = _write(tmp_path, "nation.csv", "项目名称,建设地点,总投资（万元）\n甲项目,全国,1000\n乙项目,跨省,1000\n"
                                          "丙项目,多省,1000\n丁项目,南京市,1000\n")
    out = refused_unchanged(empty_db, capsys, path, "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "place_nationwide"), (3, "place_nationwide"), (4, "place_nationwide")]
    assert all(said in e["message"] and e["value"] in e["message"] for e in out["errors"]), out["errors"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_whole_province_is_a_province_level_row(empty_db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """全省 / 省内各市 in a province's list: the province, no city, said by row."""
    path = _write(tmp_path, "wide.csv", "陕西省2025年重点项目\n项目名称,建设地点,总投资（万元）\n甲项目,全省,1000\n"
                                        "乙项目,省内各市,1000\n丙项目,西安市,1000\n")
    code, out = import_json(empty_db, capsys, path, "--lang", lang)
    assert code == 0 and out["errors"] == [], out
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": ("610000", None), "乙项目": ("610000", None), "丙项目": ("610000", "610100")}
    assert problem_codes(out["warnings"]) == [(3, "place_province_wide"), (4, "place_province_wide")]
    assert ("陕西省" if lang == "zh" else "Shaanxi") in out["warnings"][0]["message"]


@pytest.mark.parametrize(("lang", "said"), [("zh", "没有说明是哪个省"), ("en", "say which province")])
def test_the_whole_province_with_no_province_named_is_refused_saying_why(
        empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    path = _write(tmp_path, "wide_none.csv", "项目名称,建设地点,总投资（万元）\n甲项目,全省,1000\n乙项目,南京市,1000\n"
                                             "丙项目,杭州市,1000\n")
    out = refused_unchanged(empty_db, capsys, path, "--lang", lang)
    assert problem_codes(out["errors"]) == [(2, "place_province_wide_unknown")]
    assert said in out["errors"][0]["message"], out["errors"][0]


@pytest.mark.parametrize(("lang", "said"), [("zh", "看起来是公司名称"), ("en", "looks like a company")])
def test_a_company_in_the_place_column_is_said_to_be_one(empty_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str], lang: str,
                                                         said: str) -> None:
    """A company's name with no place in it: refused as a company, not "an unknown place"; one that names a
    city (苏州某某科技有限公司) is stored there, said to be a company's name to check."""
    path = _write(tmp_path, "company.csv", "项目名称,建设地点,总投资（万元）\n甲项目,某某新能源有限公司,1000\n"
                                           "乙项目,苏州某某科技有限公司,1000\n丙项目,Acme Energy Co., Ltd.,1000\n")
    path.write_text(path.read_text(encoding="utf-8").replace("Acme Energy Co., Ltd.", '"Acme Energy Co., Ltd."'),
                    encoding="utf-8")
    code, out = import_json(empty_db, capsys, path, "--lang", lang, "--dry-run")
    assert problem_codes(out["errors"]) == [(2, "place_company"), (4, "place_company")], out
    assert problem_codes(out["warnings"]) == [(3, "place_company_read")], out
    assert said in out["errors"][0]["message"] and said in out["warnings"][0]["message"]


def test_the_zone_table_holds_every_national_zone_with_its_source(empty_db: Path) -> None:
    """data/development_zones.csv: every zone with a province of the regions, a city (if any) of that province,
    a level, the basis of its city and a public page for both."""
    con = store.connect(empty_db, read_only=True)
    try:
        regions = {r[0]: r[1:] for r in con.execute("SELECT code, level, parent_code FROM regions").fetchall()}
    finally:
        con.close()
    with (DATA_DIR / "development_zones.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    national = [r for r in rows if r["level"] == "national"]
    assert len(national) >= 400 and len(rows) >= 2000
    assert sum(r["kind"] == "new_area" for r in rows) == 19
    for r in rows:
        assert regions[r["province_code"]][0] == "province" and r["level"] in ("national", "provincial"), r
        assert r["source"].startswith("http") and r["city_basis"] in ("list", "name", "municipality", "page", ""), r
        if r["city_code"]:
            assert regions[r["city_code"]] == ("city", r["province_code"]), r
            assert r["city_basis"], r
        else:
            assert r["city_basis"] in ("", "municipality"), r
        if r["city_basis"] == "page":
            assert r["city_source"].startswith("http"), r
    names = {r["name"] for r in rows}
    assert {"苏州工业园区", "重庆两江新区", "陕西西咸新区", "卤阳湖现代产业开发区", "宁东能源化工基地",
            "中新天津生态城"} <= names
