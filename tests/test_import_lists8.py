"""An eighth round of real published lists (issue 12), from the provinces the corpus cited least: 河南
(卫东, 郑州经开区), 福建 (福州), 贵州 (省厅), 云南 (元谋, 大姚), 天津 (西青), 甘南 (合作), 湖南 (娄星), 包头, 武汉东湖,
重庆 (忠县), 四川 (中江) and a 发改委 list. Each is a corpus file transcribed from its page (sources in
``tests/corpus/make_corpus.py``, ``write_lists8``), imported through the command line with ``--json`` and
checked row by row against the published table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from importkit import import_json, problem_codes, refused_unchanged, stored_projects, stored_rows

from dashboard.ingest import headers as hd
from dashboard.ingest import layout, normalise

YUANMOU = "川铁建筑新材料(云南)有限公司年产50万根预应力混凝土枕生产线及配套设施项目"
FUZHOU = {  # 福州市生态环境局's decisions, read as simplified; the city from the title
    "福州市三远片区项目出让地周边配套道路工程": None,
    "万华化学(福建)有限公司异氰酸酯产业链配套36万吨/年硝酸项目": "new_materials",
    "福建福州晋安福飞110千伏变电站3号主变扩建工程": None,
    "福清牛宅110kV输变电工程": None,
    "复旦大学附属肿瘤医院福建医院项目二期 (福建省肿瘤医院滨海院区一期)": None,
    "福建康农医药科技有限责任公司年产生物新医药511.5吨、营养补充剂35吨项目": "biotech",
    "宏庆沥青搅拌站项目": None,
    "东南汽车城大道工程(榕泰酒店至大义小学段)": None,
}


@pytest.mark.parametrize(("name", "extra", "stored", "warnings"), [
    # 卫东 (平顶山): the total stands in 建设内容与规模 (总投资8200万元); 行业类别 is the national industry class,
    # no sector: said, and the name tagged (a coking plant's clean-production retrofit).
    ("lists8_weidong_eia.csv", (),
     {"中国平煤神马集团天宏焦化有限公司清洁生产技术改造项目": ("410000", "410400", Decimal("8200.00"), None, None,
                                                      "green_env")},
     [(6, "amount_from_text"), (6, "sector_unknown")]),
    ("lists8_fuzhou_decisions.csv", (),
     {n: ("350000", "350100", None, None, None, s) for n, s in FUZHOU.items()}, [(None, "place_from_title")]),
    # 合作 (甘南): the 公示日期 range is no construction period; the note under the table is skipped.
    ("lists8_hezuo_eia.csv", (),
     {"合作市答浪沟无主矿区土壤污染风险管控项目": ("620000", "623000", None, None, None, "green_env")},
     [(5, "row_skipped_note")]),
    # 娄星 (娄底): the attachment line under the table (附:…简本.doc。注:…) refused the file as a project with no place.
    ("lists8_louxing_park_acceptance.csv", (), {"娄星产业园区": ("430000", "431300", None, None, None, None)},
     [(5, "row_skipped_note")]),
    ("lists8_baotou_2018_acceptance.csv", (),
     {"社区卫生服务中心": ("150000", "150200", None, None, None, None),
      "包头博华医院": ("150000", "150200", None, None, None, None)}, []),
    # 中江 (德阳): the repost lost every digit (项目总投资万元: no amount), and the measures column's one cell, cut to
    # 一、施工, was read as the stage (under construction).
    ("lists8_zhongjiang_digits_lost.csv", (),
     {"成绵高速扩容项目配套砂石加工场建设项目": ("510000", "510600", None, None, None, None)},
     [(4, "amount_missing_in_text")]),  # 项目总投资万元: the digits lost, said (s31-leftovers11)
    # 元谋 (楚雄), mapped as the file shows its header (文件名稱, traditional): the name is the decision's title, the
    # place the signature's under the table, whose two lines (the bureau, the date) were projects with no name.
    ("lists8_yuanmou_decision.csv", ("--map", "文件名稱=name"),
     {YUANMOU: ("530000", "532300", None, None, None, None)},
     [(3, "name_decision_title"), (4, "row_skipped_note"), (4, "place_from_signature"), (5, "row_skipped_note")]),
])
def test_lists_stored_as_published(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, extra: tuple,
                                   stored: dict, warnings: list) -> None:
    code, out = import_json(empty_db, capsys, name, *extra)
    assert code == 0 and out["errors"] == [], out
    assert problem_codes(out["warnings"]) == warnings
    assert stored_projects(empty_db) == stored


def test_stages_and_owners(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import_json(empty_db, capsys, "lists8_zhongjiang_digits_lost.csv")
    assert stored_rows(empty_db, "SELECT stage, owner FROM projects") == [(None, "四川西南建兴建设工程有限公司")]


def test_a_signature_places_the_list(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = import_json(empty_db, capsys, "lists8_yuanmou_decision.csv", "--map", "文件名称=name", "--lang", "en")
    said = {w["code"]: w for w in out["warnings"]}
    assert said["place_from_signature"]["value"] == "楚雄彝族自治州生态环境局元谋分局"
    message = said["place_from_signature"]["message"]
    assert "楚雄彝族自治州" in message and "signature" in message
    assert f'read as "{YUANMOU}"' in said["name_decision_title"]["message"]


@pytest.mark.parametrize(("name", "extra", "errors", "warnings", "names"), [
    # 西青 (天津), a bid site's copy: the name and the site hidden by ****.
    ("lists8_xiqing_masked_eia.csv", (), [(4, "name_redacted"), (4, "place_redacted")], [(4, "owner_redacted")], []),
    # 贵州省厅's decisions mapped by hand: the names read out of the titles; no place anywhere.
    ("lists8_guizhou_decisions.csv", ("--map", "文件名称=name"), [(None, "no_place_column")],
     [(3, "name_decision_title"), (4, "name_decision_title"), (5, "name_decision_title"), (6, "name_decision_title")],
     ["贵州省六硐河甲江水电站~甲茶水电站220千伏线路工程",
      "贵阳长之琳发动机零部件制造有限公司X射线室内探伤应用搬迁项目",
      "金沙县电力构件生产项目220kV金官线#6~#12段迁改工程",
      "220千伏友山新材料科技(贵州)有限公司磷煤化工一体化项目供电线路工程"]),
    # 大姚: the name in 備註 (…建设项目环境影响报告表审批); its title is a sentence, no place read from it.
    ("lists8_dayao_decision.csv", ("--map", "備註=name"), [(None, "no_place_column")], [(3, "name_decision_title")],
     ["大姚县疾病预防控制中心实验室提升改造建设项目"]),
])
def test_rows_refused_with_their_reason(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, extra: tuple,
                                        errors: list, warnings: list, names: list) -> None:
    out = refused_unchanged(empty_db, capsys, name, *extra)
    assert problem_codes(out["errors"]) == errors
    assert problem_codes(out["warnings"]) == warnings
    said = [w["message"] for w in out["warnings"] if w["code"] == "name_decision_title"]
    assert len(said) == len(names) and all(f"按“{n}”读取" in m for n, m in zip(names, said, strict=True))


@pytest.mark.parametrize(("name", "error", "key_words"), [
    # decision tables: the message names the column to map (it said "such as 备注" whatever the columns were)
    ("lists8_guizhou_decisions.csv", "no_header", ("“文件名称”列", "--map 文件名称=name", "贵州省生态环境厅关于")),
    ("lists8_yuanmou_decision.csv", "no_header", ("“文件名称”列", "--map 文件名称=name")),
    ("lists8_dayao_decision.csv", "no_header", ("“备注”列", "--map 备注=name", "大姚县疾病预防控制中心")),
    # running text naming projects in a sentence: no column to map (it was told to map one)
    ("lists8_zhongxian_2019.txt", "no_header", ("成段的文字", "整理成表格")),
    ("lists8_west_2016_numbered.txt", "no_header", ("成段的文字",)),
    ("lists8_zhengzhou_jkq_names.txt", "no_header", ("成段的文字",)),
    # 武汉东湖's one project as label:value lines (项目总投资(万元):40000)
    ("lists8_donghu_form.txt", "transposed_table", ("字段名:值", "建设内容及规模、建设性质")),
])
def test_lists_refused_whole(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str, error: str,
                             key_words: tuple[str, ...]) -> None:
    out = refused_unchanged(empty_db, capsys, name)
    assert out["error"] == error
    for words in key_words:
        assert words in out["message"], out["message"]
    assert "如“备注”" not in out["message"]


@pytest.mark.parametrize(("name", "words"), [
    ("lists8_guizhou_decisions.csv", ("The column \"文件名称\"", "--map 文件名称=name")),
    ("lists8_zhongxian_2019.txt", ("running text", "one row per project")),
])
def test_new_refusals_in_english(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str,
                                 words: tuple[str, str]) -> None:
    out = refused_unchanged(empty_db, capsys, name, "--lang", "en")
    assert all(w in out["message"] for w in words), out["message"]


@pytest.mark.parametrize("name", ["lists5_west_ten_numbered.txt", "lists6_zhejiang_2016_names.txt",
                                  "lists7_miit_cities_2022.csv"])
def test_earlier_lists_keep_the_general_advice(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """Numbered short lines and a list of cities are neither running text nor a column of projects."""
    out = refused_unchanged(empty_db, capsys, name)
    assert out["error"] == "no_header" and "如“备注”" in out["message"]


@pytest.mark.parametrize(("typed", "label"), [("備註", "备注"), ("文件名稱", "文件名称"), (" 项目 名称 ", "项目名称"),
                                              ("（万元）", "(万元)")])
def test_map_keys_fold_as_headers_do(typed: str, label: str) -> None:
    assert hd.label_key(typed) == hd.label_key(label)


@pytest.mark.parametrize(("text", "subject"), [
    ("贵州省生态环境厅关于贵州省六硐河甲江水电站~甲茶水电站220千伏线路工程建设项目环境影响报告表的批复",
     ("贵州省六硐河甲江水电站~甲茶水电站220千伏线路工程", True)),
    ("关于《某某产业园项目环境影响报告书》的批复", ("某某产业园项目", True)),
    ("大姚县疾病预防控制中心实验室提升改造建设项目环境影响报告表审批",
     ("大姚县疾病预防控制中心实验室提升改造建设项目", True)),
    ("马滩110kV送变电工程环境影响报告表", ("马滩110kV送变电工程", False)),
    ("某项目环境影响报告书编制服务", None), ("环境影响报告书的批复", None), ("关于环境影响报告表的批复", None),
    ("关于同意某某产业园建设的批复", None),
])
def test_decision_titles(text: str, subject: tuple | None) -> None:
    assert normalise._report_subject(text) == subject


@pytest.mark.parametrize(("line", "note"), [
    ("楚雄彝族自治州生态环境局元谋分局", True), ("2021年5月7日", True), ("2021-05-07", True),
    ("某县人民政府办公室", True),
    ("附:娄星区产业园环境影响报告简本.doc", None), ("某某产业园项目", False), ("南京光电芯片项目", False),
    ("2021", False),
])
def test_signature_lines(line: str, note: bool | None) -> None:
    if note is None:
        assert layout._NOTE.match(line)
    else:
        assert bool(layout._SIGNATURE.match(line)) is note


def test_lines_under_a_table_signed_and_dated(empty_db: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The publisher and the date under a table are notes; a lone name-like text there is still refused."""
    path = tmp_path / "list.csv"
    path.write_text("序号,项目名称,建设地点\n1,甲项目,江苏省苏州市\n,,\n某市生态环境局\n2024年3月1日\n",
                    encoding="utf-8")
    code, out = import_json(empty_db, capsys, path, "--dry-run")
    assert code == 0 and problem_codes(out["warnings"]) == [(4, "row_skipped_note"), (5, "row_skipped_note")]
    path.write_text("序号,项目名称,建设地点\n1,甲项目,江苏省苏州市\n乙项目\n", encoding="utf-8")
    out = refused_unchanged(empty_db, capsys, path)
    assert problem_codes(out["errors"]) == [(3, "name_missing")]


@pytest.mark.parametrize(("cell", "stage"), [("一、施工", False), ("①新开工", False), ("(1)开工", False),
                                             ("续建", True), ("竣工", True), ("新开工", True)])
def test_numbered_points_are_no_stage_words(cell: str, stage: bool) -> None:
    from dashboard.ingest import vocab

    assert layout._is_stage_word(cell, vocab.stage_aliases()) is stage


def test_name_column_hint_and_prose() -> None:
    cells = pd.DataFrame([["审批决定"], ["序号"], ["1"]]).reindex(columns=[0, 1, 2], fill_value="")
    cells.iloc[1] = ["序号", "文件名称", "文号"]
    cells.iloc[2] = ["1", "关于某某项目环境影响报告书的批复", "某环审〔2024〕1号"]
    assert hd.name_column_hint(cells) == ("文件名称", "关于某某项目环境影响报告书的批复")
    assert hd.name_column_hint(pd.DataFrame([["序号", "市(州)"], ["1", "江苏省常州市"]])) is None
    prose = pd.DataFrame([["这15个项目分别是甲项目、乙项目、丙项目、丁项目、戊项目、己项目、庚项目、辛项目、"
                           "壬项目和癸项目,总投资约五十亿元,年度计划投资约十二亿元。"]])
    assert hd.reads_as_prose(prose) and not hd.reads_as_prose(pd.DataFrame([["1、甲项目;"], ["2、乙项目;"]]))
