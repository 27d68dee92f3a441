"""A list with no total-investment column whose free text names each project's total (issue 12): 环评 notices
write it inside 项目概况 or 建设内容 (项目总投资2882万元，其中环保投资50万元). That figure is read by the amount
parser's rules and stored, said by row with the column; no other figure in the text (环保投资, 其中…, 占总投资,
年产值, 年销售收入, 注册资本, 占地) is ever read; a text naming two different totals, or one that is no amount,
stores none and says so; a column mapped to the amount always wins. Imported through the command line with
``--json`` into a real store."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from importkit import CORPUS, import_json, problem_codes

from dashboard import store
from dashboard.ingest import headers as hd
from dashboard.ingest import normalise, values


def _amounts(db: Path) -> dict[str, float | None]:
    """name -> stored total investment in 万元, in id order."""
    con = store.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT name, total_investment_wan FROM projects ORDER BY project_id").fetchall()
    finally:
        con.close()
    return {name: (None if wan is None else float(wan)) for name, wan in rows}


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


# ------------------------------------------------------------------------------------------- real lists

def test_pucheng_notice_stores_the_total_its_text_names(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """蒲城's notice has no amount column; its 项目概况 reads "…新增占地面积3867.5m2。项目总投资2882万元,环保投资47万元,
    其中环保投资约1.63%。": 2882万元 is stored, said for row 3 and the column; not 47 (环保投资), 1.63 or 3867.5."""
    published = (CORPUS / "lists6_pucheng_eia.csv").read_text(encoding="utf-8")
    assert "项目总投资2882万元,环保投资47万元" in published and "总投资" not in published.split("\n")[1]
    code, out = import_json(empty_db, capsys, "lists6_pucheng_eia.csv")
    assert code == 0 and out["errors"] == [], out
    assert "total_investment" not in out["mapping"].values()
    assert _amounts(empty_db) == {"蒲城排碱渠改造提升综合利用二期 8 万千瓦光伏发电项目(升压站)": 2882.0}
    assert problem_codes(out["warnings"]) == [(3, "amount_from_text")]
    warning = out["warnings"][0]
    assert warning["column"] == "项目概况" and warning["value"] == "2882万元"


@pytest.mark.parametrize(("lang", "words"), [("zh", ("项目概况", "2882万元", "没有总投资列")),
                                             ("en", ("项目概况", "2882万元", "no total-investment column"))])
def test_the_warning_is_said_in_both_languages(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                               words: tuple[str, ...]) -> None:
    code, out = import_json(empty_db, capsys, "lists6_pucheng_eia.csv", "--dry-run", "--lang", lang)
    assert code == 0
    message = next(w["message"] for w in out["warnings"] if w["code"] == "amount_from_text")
    assert all(word in message for word in words), message


@pytest.mark.parametrize("name", ["lists6_gaoyou_eia.csv", "lists4_yanan_eia.csv"])
def test_texts_naming_no_total_store_none(empty_db: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """高邮's 项目概况 (新建 1座110kV升压站。) and 延安's (占地面积6158m2 … 年生产商品混凝土约1.*m3) name no total:
    no amount, nothing said."""
    code, out = import_json(empty_db, capsys, name)
    assert code == 0, out
    assert set(_amounts(empty_db).values()) == {None}
    assert not any(w["code"].startswith("amount") for w in out["warnings"])


# ------------------------------------------------------------------------------------ the phrase finder

@pytest.mark.parametrize(("text", "found"), [
    ("项目总投资2882万元，其中环保投资50万元", ["2882万元"]),
    ("总投资约1.2亿元", ["约1.2亿元"]),
    ("计划总投资3.5亿元，建设厂房2万平方米", ["3.5亿元"]),
    ("本项目估算总投资为三千万元", ["三千万元"]),
    ("项目总投资：1,200万元", ["1200万元"]),
    ("总投资 3000 万元。", ["3000万元"]),
    ("总投资额约为8000万元左右", ["约8000万元左右"]),
    ("总投资2000多万元", ["2000多万元"]),
    ("总投资1亿2000万元", ["1亿2000万元"]),
    ("总投资500万美元", ["500万美元"]),
    ("年产10万吨融雪剂项目总投资500万元", ["500万元"]),
    ("动态总投资5.2亿元，静态总投资5.0亿元", ["5.2亿元", "5.0亿元"]),
    # other figures, never read
    ("环保投资50万元", []), ("环保总投资50万元", []), ("其中一期总投资5000万元", []),
    ("其中一期工程总投资5000万元", []), ("配套升压站工程总投资1000万元", []),
    ("环保投资47万元，占总投资1.63%", []), ("总投资的5%用于环保", []), ("项目总投资中环保投资30万元", []),
    ("年产值5亿元，年销售收入3亿元", []), ("注册资本1000万元，占地100亩", []),
    ("总投资2882", []), ("总投资额度另行确定", []), ("", []),
])
def test_total_in_text(text: str, found: list[str]) -> None:
    assert values.total_in_text(text) == found


# ------------------------------------------------------------------------------------ synthetic lists

ROWS = [
    ("万元项目", "项目总投资2882万元，其中环保投资50万元，占总投资1.73%。", 2882.0, ["amount_from_text"]),
    ("亿元项目", "计划总投资3.5亿元，建设厂房2万平方米。", 35000.0, ["amount_from_text"]),
    ("约数项目", "总投资约1.2亿元，年产值5亿元。", 12000.0, ["amount_from_text", "amount_approximate"]),
    ("下限项目", "项目总投资5000万元以上。", 5000.0, ["amount_from_text", "amount_lower_bound"]),
    ("汉字项目", "本项目估算总投资三千万元。", 3000.0, ["amount_from_text", "amount_words"]),
    ("美元项目", "总投资500万美元，注册资本200万美元。", 3550.0, ["amount_from_text", "amount_usd"]),
    ("两次同数项目", "总投资2000万元，新建厂房。项目总投资2000万元，其中环保投资20万元。", 2000.0,
     ["amount_from_text"]),
    ("其他数字项目", "环保投资50万元，年产值5亿元，年销售收入3亿元，注册资本1000万元，占地100亩。", None, []),
    ("部分项目", "其中一期总投资5000万元，环保投资占总投资的2%。", None, []),
    ("两个总投资项目", "动态总投资5.2亿元，静态总投资5.0亿元。", None, ["amount_text_ambiguous"]),
    ("上限项目", "总投资不超过5000万元。", None, ["amount_text_unread"]),
    ("零项目", "项目总投资0万元。", None, ["amount_text_unread"]),
]


@pytest.fixture
def text_list(tmp_path: Path) -> Path:
    return _write(tmp_path / "notice.csv", ["序号", "项目名称", "建设地点", "项目概况"],
                  [[str(i + 1), f"南京{name}", "南京市江宁区", text] for i, (name, text, _, _) in enumerate(ROWS)])


def test_each_row_stores_its_total_or_none(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                           text_list: Path) -> None:
    code, out = import_json(empty_db, capsys, text_list)
    assert code == 0 and out["errors"] == [], out
    assert _amounts(empty_db) == {f"南京{name}": wan for name, _text, wan, _codes in ROWS}
    said = [(r, c) for r, c in problem_codes(out["warnings"]) if c.startswith("amount")]
    assert said == [(i + 2, c) for i, (_n, _t, _w, codes) in enumerate(ROWS) for c in codes]
    by_row = {w["row"]: w for w in out["warnings"] if w["code"].startswith("amount_text")}
    assert by_row[11]["value"] == "5.2亿元；5.0亿元" and by_row[11]["column"] == "项目概况"
    assert by_row[12]["value"] == "不超过5000万元"
    rate = next(w for w in out["warnings"] if w["code"] == "amount_usd")
    assert "7.1" in rate["message"]


@pytest.mark.parametrize(("lang", "words"), [("zh", ("不止一个总投资", "未存金额"), ),
                                             ("en", ("more than one total investment", "no amount was stored"))])
def test_an_ambiguous_row_is_said_in_both_languages(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                                     text_list: Path, lang: str, words: tuple[str, str]) -> None:
    code, out = import_json(empty_db, capsys, text_list, "--dry-run", "--lang", lang)
    message = next(w["message"] for w in out["warnings"] if w["code"] == "amount_text_ambiguous")
    assert all(word in message for word in words) and "5.2亿元" in message


def test_a_mapped_amount_column_always_wins(empty_db: Path, capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    """With a 总投资 column the text is never read, not even where the column's cell is empty."""
    path = _write(tmp_path / "with_amount.csv", ["项目名称", "建设地点", "总投资（万元）", "项目概况"],
                  [["南京甲项目", "南京市江宁区", "1500", "项目总投资2882万元。"],
                   ["南京乙项目", "南京市江宁区", "", "项目总投资3.5亿元。"]])
    code, out = import_json(empty_db, capsys, path)
    assert code == 0, out
    assert _amounts(empty_db) == {"南京甲项目": 1500.0, "南京乙项目": None}
    assert not any(w["code"] in ("amount_from_text", "amount_text_ambiguous") for w in out["warnings"])


def test_other_content_headers_are_read(empty_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """工程概况 is a content header; a second content column (建设内容 beside 项目概况, left unmapped) is read
    too, and a different total in it makes the row ambiguous."""
    assert hd.field_of("工程概况") == "content" and hd.field_of("工程内容") == "content"
    path = _write(tmp_path / "two_texts.csv", ["项目名称", "建设地点", "工程概况", "建设内容"],
                  [["南京甲项目", "南京市江宁区", "新建厂房。", "总投资1.5亿元。"],
                   ["南京乙项目", "南京市江宁区", "总投资8000万元。", "总投资8000万元，建设产线。"],
                   ["南京丙项目", "南京市江宁区", "总投资8000万元。", "总投资9000万元。"]])
    code, out = import_json(empty_db, capsys, path)
    assert code == 0, out
    assert out["mapping"]["工程概况"] == "content" and "建设内容" not in out["mapping"]
    assert _amounts(empty_db) == {"南京甲项目": 15000.0, "南京乙项目": 8000.0, "南京丙项目": None}
    said = {(w["row"], w["code"], w["column"]) for w in out["warnings"] if w["code"].startswith("amount")}
    assert said == {(2, "amount_from_text", "建设内容"), (3, "amount_from_text", "工程概况"),
                    (4, "amount_text_ambiguous", "工程概况")}


# ------------------------------------------------------------------------------------------ the cost

def _body(columns: dict[str, list[str]], col_of: dict[str, int]) -> normalise.Body:
    cells = pd.DataFrame({i: pd.array(v, dtype="string[pyarrow]") for i, v in enumerate(columns.values())})
    return normalise.Body(cells, np.arange(2, len(cells) + 2), col_of, list(columns))


def test_nothing_is_done_without_a_text_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """No content column, or one where no text holds 总投资: the phrase finder is never called."""
    def refuse(_text: str) -> list[str]:
        raise AssertionError("total_in_text called")

    monkeypatch.setattr(values, "total_in_text", refuse)
    n = 100_000
    names = [f"项目{i}" for i in range(n)]
    without = _body({"项目名称": names, "建设地点": ["南京市"] * n}, {"name": 0, "place": 1})
    assert normalise.text_amounts(without, 7.1)[0] is None
    plain = _body({"项目名称": names, "项目概况": ["新建厂房"] * n}, {"name": 0, "content": 1})
    assert normalise.text_amounts(plain, 7.1)[0] is None


def test_distinct_texts_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = values.total_in_text

    def counted(text: str) -> list[str]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(values, "total_in_text", counted)
    n = 30_000
    texts = ["项目总投资2882万元。", "总投资约1.2亿元。", "新建厂房。"] * (n // 3)
    body = _body({"项目名称": [f"项目{i}" for i in range(n)], "项目概况": texts}, {"name": 0, "content": 1})
    wan, problems, _usd = normalise.text_amounts(body, 7.1)
    assert sorted(calls) == sorted(["项目总投资2882万元。", "总投资约1.2亿元。"])
    assert wan[:3].tolist()[:2] == [2882.0, 12000.0] and np.isnan(wan[2])
    assert int(np.isnan(wan).sum()) == n // 3
    # the first problems of each kind in full, the rest counted in one entry each
    assert sum(len(p.more_rows) if p.is_summary else 1 for p in problems if p.code == "amount_from_text") == 20_000
