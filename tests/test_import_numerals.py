"""Issue 12 (s24-imports5): amounts written in Chinese numerals (三千万元, 一亿二千万元, 两亿元, 壹亿贰仟万元,
三点五亿元, 三至五亿元) were refused with their row and column; they are read by the same unit rules as
digits (万 and 亿 make it a number of 元; a bare numeral takes the header's unit), each with a warning saying
what it was read as. What is no well-formed number stays refused (三三千, 1万5), and so are 1.234,56 (a
European decimal comma for 1234.56: never guessed) and (1,234) (an accounting negative: an investment is
never negative), each with a message of its own. Corpus: ``make_corpus.CHINESE_NUMERALS``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import CORPUS, run_json, stored_projects

from dashboard.ingest import values

READ = {"南京集成电路封装项目": "3000.00", "杭州生物医药产业园项目": "12000.00", "苏州纳米材料项目": "20000.00",
        "无锡物联网产业园项目": "500.00", "常州储能电站项目": "3000.00", "宁波新材料项目": "5000.00",
        "温州智能装备项目": "12000.00", "嘉兴数据中心项目": "35000.00", "绍兴集成电路项目": "3000.00",
        "湖州新能源汽车项目": "30000.00", "金华光伏组件项目": "12000.00"}
REFUSED = [(4, "amount_too_large"), (14, "amount_unparsable"), (15, "amount_unparsable"),
           (16, "amount_decimal_comma"), (17, "amount_negative")]


def test_chinese_numerals_are_read_and_the_rest_refused(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "chinese_numerals.csv"), "--db", str(empty_db), "--json",
                         "--skip-invalid")
    assert code == 0 and out["rows_imported"] == 11, out
    # 1.2万亿元 is read (120,000,000 万元) and refused as above any one project's size, not as unreadable
    assert [(e["row"], e["code"]) for e in out["errors"]] == REFUSED
    assert "折合 12,000.00 亿元" in out["errors"][0]["message"]
    assert {n: v[2] for n, v in stored_projects(empty_db).items()} == {n: Decimal(v) for n, v in READ.items()}
    words = {w["row"]: w["message"] for w in out["warnings"] if w["code"] == "amount_words"}
    assert sorted(words) == [2, 3, 5, 6, 9, 10, 11] and "3,000.00 万元" in words[2]


@pytest.mark.parametrize(("lang", "decimal", "negative"), [
    ("zh", "像是小数点", "为负数"), ("en", "decimal comma", "is negative")])
def test_refusals_say_why(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str, decimal: str,
                          negative: str) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "chinese_numerals.csv"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", lang)
    by_row = {e["row"]: e["message"] for e in out["errors"]}
    assert code == 1 and decimal in by_row[16] and negative in by_row[17], by_row


@pytest.mark.parametrize(("text", "unit", "wan"), [
    ("三千万元", values.WAN, 3000.0), ("一亿二千万元", values.WAN, 12000.0), ("两亿元", values.WAN, 20000.0),
    ("五百万元", values.WAN, 500.0), ("十二亿", values.WAN, 120000.0), ("1亿5千万", values.WAN, 15000.0),
    ("十二点五亿", values.WAN, 125000.0), ("一亿零五百万", values.WAN, 10500.0), ("一千零五十万", values.WAN, 1050.0),
    ("三千多万元", values.WAN, 3000.0), ("计划投资两亿元", values.WAN, 20000.0),
    ("三千万元（含土地）", values.WAN, 3000.0),
    ("三千", values.Unit(10_000.0), 30_000_000.0),   # a bare numeral in an 亿元 column: 3000 亿元
    ("五千元", values.Unit(10_000.0), 0.5),           # 元 written: the column's unit does not apply
    ("五千万", values.Unit(1.0, True), 5000.0 * 7.0),  # a US-dollar column: 五千万 US dollars
    ("五千万美元", values.WAN, 5000.0 * 7.0),
])
def test_numerals_follow_the_unit_rules_of_digits(text: str, unit: values.Unit, wan: float) -> None:
    assert values.parse_amount(text, unit, 7.0).wan == pytest.approx(wan)


@pytest.mark.parametrize("text", ["三三千", "三千五千", "1万5", "三千五", "一亿二", "万", "亿元", "零", "二〇二四",
                                  "三千万元整改", "1.234,56", "12,5", "(1,234)", "（1,234）万元", "-五百万"])
def test_what_is_no_number_stays_refused(text: str) -> None:
    amount = values.parse_amount(text, values.WAN, 7.0)
    assert amount.wan is None and amount.error, amount
