"""Cell values into stored values: amounts, years, stages, places, header mapping."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.ingest import headers, places, values

WAN = values.WAN


@pytest.mark.parametrize(
    ("text", "wan", "code"),
    [
        ("1,250,000", 1_250_000, None),
        ("1.2亿", 12_000, None),
        ("3000万", 3_000, None),
        ("约5亿元", 50_000, None),
        ("超10亿元", 100_000, None),
        ("2000多万元", 2_000, None),
        ("总投资 3 亿元", 30_000, None),
        ("１２３４５", 12_345, None),
        ("30亿元至50亿元", 300_000, "amount_range"),
        ("1.5亿美元", 106_500, "amount_usd"),
        ("500万美元", 3_550, "amount_usd"),
        ("计划总投资约12.5亿元", 125_000, None),
        ("5亿元以上", 50_000, None),
        ("8000万元左右", 8_000, None),
        ("", None, None),
        ("—", None, None),
        ("待定", None, None),
        ("一大笔", None, "amount_unparsable"),
        ("-500", None, "amount_negative"),
    ],
)
def test_amounts_into_wan(text: str, wan: float | None, code: str | None) -> None:
    got = values.parse_amount(text, WAN, 7.1)
    assert got.wan == (pytest.approx(wan) if wan is not None else None)
    assert got.code == code


def test_amount_column_unit_applies_to_plain_numbers_only() -> None:
    yi = values.Unit(10_000.0)
    wan, codes = values.parse_amounts(pd.Series(["1.5", "3000万", "", "2亿"]), yi, 7.1)
    assert wan[0] == 15_000 and wan[1] == 3_000 and pd.isna(wan[2]) and wan[3] == 20_000
    assert codes.isna().all()


@pytest.mark.parametrize(
    ("header", "unit"),
    [("总投资（万元）", 1.0), ("总投资(亿元)", 10_000.0), ("Total investment (100 million CNY)", 10_000.0),
     ("Investment (CNY 10,000)", 1.0), ("Investment (USD million)", 100.0), ("总投资", None)],
)
def test_unit_in_header(header: str, unit: float | None) -> None:
    found = values.unit_in(header)
    assert (found.wan if found else None) == unit


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("2023-2026", 2023, 2026), ("2023年—2026年", 2023, 2026), ("2023.3-2025.12", 2023, 2025),
     ("2024年3月", 2024, None), ("2024-26", 2024, 2026), ("2022年至2025年", 2022, 2025)],
)
def test_year_ranges(text: str, start: int, end: int | None) -> None:
    first, last, codes = values.parse_years(pd.Series([text]))
    assert first[0] == start
    if end is None:
        assert last[0] == start  # one year: the caller leaves the end empty
    else:
        assert last[0] == end
    assert codes.iloc[0] is None


@pytest.mark.parametrize(
    ("text", "stage"),
    [("新建", "under_construction"), ("新开工", "under_construction"), ("续建", "under_construction"),
     ("在建", "under_construction"), ("竣工", "completed"), ("建成投产", "completed"), ("前期", "planned"),
     ("储备", "planned"), ("Under construction", "under_construction"), ("completed", "completed"),
     ("Planned", "planned"), ("一、新开工项目", "under_construction"), ("三、竣工项目", "completed"),
     ("new materials", None)],
)
def test_stage_words(text: str, stage: str | None) -> None:
    from dashboard.ingest.vocab import stage_aliases

    assert values.stage_of(text, stage_aliases()) == stage


@pytest.mark.parametrize(
    ("text", "province", "city"),
    [("江苏", "320000", None), ("江苏省", "320000", None), ("苏州", "320000", "320500"),
     ("苏州市工业园区", "320000", "320500"), ("Jiangsu", "320000", None), ("Inner Mongolia", "150000", None),
     ("南京市鼓楼区", "320000", "320100"), ("常州市金坛区", "320000", "320400"), ("上海", "310000", "310100"),
     ("Suzhou, Jiangsu", "320000", "320500"), ("江苏省/南京市", "320000", "320100"),
     ("内蒙古鄂尔多斯市", "150000", "150600"), ("位于苏州市的园区", "320000", "320500"),
     ("火星基地", None, None), ("鼓楼区", None, None)],
)
def test_places(place_index: places.PlaceIndex, text: str, province: str | None, city: str | None) -> None:
    got = place_index.resolve(text)
    assert got[:2] == (province, city)
    assert got[2] == (text == "鼓楼区")


def test_a_title_province_decides_a_shared_district_name(place_index: places.PlaceIndex) -> None:
    assert place_index.resolve("鼓楼区", "320000")[0] == "320000"


@pytest.mark.parametrize(
    ("header", "field"),
    [("项目名称", "name"), ("建设地点", "place"), ("所在地", "place"), ("省份", "province"), ("城市", "city"),
     ("总投资（万元）", "total_investment"), ("计划总投资", "total_investment"), ("投资总额(亿元)", "total_investment"),
     ("年度计划投资", "annual_plan"), ("2024年计划投资（万元）", "annual_plan"), ("累计完成投资", None),
     ("建设性质", "stage"), ("项目阶段", "stage"), ("建设起止年限", "years"), ("开工年份", "start_year"),
     ("竣工年份", "end_year"), ("开工时间", "start_year"), ("项目单位", "owner"), ("建设单位", "owner"),
     ("业主", "owner"), ("所属领域", "sector"), ("产业领域", "sector"), ("行业", "sector"), ("Sector", "sector"),
     ("所属集群", "cluster"), ("建设内容", "content"), ("建设内容及规模", "content"), ("序号", "seq"),
     ("Project name", "name"), ("Total investment (100 million CNY)", "total_investment"), ("备注", None),
     ("中央预算内投资", "funding:central_budget"), ("专项债", "funding:local_special_bonds"),
     ("银行贷款", "funding:bank_loans"), ("自筹", "funding:self_raised"), ("總投資（億元）", None)],
)
def test_header_mapping(header: str, field: str | None) -> None:
    # Traditional headers are converted while reading, not in the mapping: 總投資 is read as 总投资.
    assert headers.field_of(header) == field


def test_amount_columns_read_by_arrow_as_python_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A column of Arrow strings is matched by Arrow's regular expressions: the same amounts and codes as
    Python's (its \\s, its $ before a final line break, grouped thousands, optional units), and a column
    with a digit other than 0-9 is left to Python."""
    import numpy as np

    rng = np.random.default_rng(3)
    parts = ["约", "超过", "总投资", "5", "12", "0", "3.5", "1,250", ",000", " ", "\u3000", "\xa0", "\n", "\t", "\x85",
             "多", "余", "亿元", "亿", "万元", "万", "元", "千万", "以上", "左右", "-", "+", "美元", "abc", "1,2,3",
             "，", "."]
    cells = ["".join(rng.choice(parts, rng.integers(1, 6))) for _ in range(3000)]
    cells += ["5亿元\n", "约 5 亿元 以上", "1,250,000", "-1,250", "+1,250.5", "3000万\n", "", "5 \n"]
    units = (values.WAN, values.Unit(10_000.0, False), values.Unit(1.0, True))
    arrow = [values.parse_amounts(pd.Series(cells, dtype="str"), u, 7.1) for u in units]
    assert values._ascii_digits(pd.Series(cells, dtype="str")) is not None
    assert values._ascii_digits(pd.Series([*cells, "１２万元"], dtype="str")) is None
    monkeypatch.setattr(values, "_ascii_digits", lambda _cells: None)
    python = [values.parse_amounts(pd.Series(cells, dtype="str"), u, 7.1) for u in units]
    for (a_wan, a_codes), (p_wan, p_codes) in zip(arrow, python, strict=True):
        assert np.array_equal(a_wan, p_wan, equal_nan=True) and list(a_codes) == list(p_codes)
    assert np.isfinite(arrow[0][0]).sum() > 300


def test_space_folding_of_an_arrow_column_equals_the_regex_replace() -> None:
    """replace_space looks for Python's whitespace (\\u3000, \\x85, \\x1c … as well as ASCII) with Arrow first."""
    from dashboard.ingest import layout

    cases = (["光伏组件", "集成电路"], ["光伏\u3000组件", "a"], ["x\x85y", "z"], ["x\x1cy"], ["a\x00b", "c d"],
             ["\u2028"])
    for cells in cases:
        column = pd.Series(cells, dtype="str")
        for repl in ("", " "):
            expected = pd.Series(cells, dtype=object).str.replace(r"\s+", repl, regex=True).tolist()
            assert layout.replace_space(column, repl).tolist() == expected, (cells, repl)
