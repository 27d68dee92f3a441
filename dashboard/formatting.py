"""Numbers as readers expect them: money in 亿元, large counts the Chinese way in Chinese."""

from __future__ import annotations

import math
import re

WAN_PER_YI = 10_000  # the store holds 万元; queries divide by this (queries.common.YI), imports use it too


def money(value_yi: float | None, lang: str = "zh", digits: int = 2) -> str:
    """A 亿元 amount (as queries return it): ``1,234.50亿元`` / ``CNY 123.45 bn``, '—' when unknown.

    Two decimals, as every table shows 亿元; ``digits=0`` for a bar's label. From 1万亿元 (CNY 1 tn)
    up, two decimals of 万亿元 / tn (one with ``digits=0``)."""
    if value_yi is None or (isinstance(value_yi, float) and math.isnan(value_yi)):
        return "—"
    value = float(value_yi)
    big = 2 if digits else 1
    if lang == "zh":
        if abs(value) >= 10_000:
            return f"{value / 10_000:,.{big}f}万亿元"
        return f"{value:,.{digits}f}亿元"
    # 1 亿元 = CNY 100 million = CNY 0.1 bn
    billions = value / 10
    if abs(billions) >= 1000:
        return f"CNY {billions / 1000:,.{big}f} tn"
    return f"CNY {billions:,.{digits}f} bn"


def count(value: float | int | None, lang: str = "zh") -> str:
    """Counts: 12.3万 in Chinese from 100,000 up, thousands separators in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    value = float(value)
    if lang == "zh":
        if abs(value) >= 1e8:
            return f"{value / 1e8:,.2f}亿"
        if abs(value) >= 1e5:
            return f"{value / 1e4:,.1f}万"
    return f"{value:,.0f}"


def percent(value: float | None, digits: int = 1, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    sign = "+" if signed and value > 0 else ""
    return f"{sign}{value * 100:.{digits}f}%"


def money_unit(lang: str = "zh") -> tuple[float, str]:
    """(factor from 亿元, unit label) for chart axes: 亿元 in Chinese, CNY bn in English.

    Queries return money in 亿元; a chart multiplies by the factor and titles the axis with the label.
    """
    return (1.0, "亿元") if lang == "zh" else (0.1, "CNY bn")


def join_list(items: object, lang: str = "zh") -> str:
    """A list as prose: 甲、乙、丙 in Chinese, 'a, b, c' in English."""
    return ("、" if lang == "zh" else ", ").join(str(i) for i in items)  # type: ignore[attr-defined]


def with_unit(text: str, unit: str, lang: str = "zh") -> str:
    """An axis or column title with its unit: 投资（亿元） / Investment (CNY bn)."""
    return f"{text}（{unit}）" if lang == "zh" else f"{text} ({unit})"


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_YEAR = re.compile(r"^(\d{4})\s*年(度)?$")  # a batch named by its year: 2022年
_BATCH = re.compile(r"^第\s*([〇一二三四五六七八九十]{1,3}|\d{1,3})\s*批(次)?$")


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 as a number (batches and rounds are counted this way), else None."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _DIGITS.get(tens, 0 if tens else 1) if len(tens) <= 1 else None
    o = _DIGITS.get(ones, 0 if not ones else -1) if len(ones) <= 1 else -1
    return None if t is None or o < 0 else t * 10 + o


def batch(text: object, lang: str = "zh") -> str:
    """A designation batch as the reader's language says it: 第二批 / "batch 2", 2022年 / "2022"; other text as given,
    '—' when there is none."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return "—"
    value = str(text).strip()
    if lang != "zh" and (m := _BATCH.match(value)) and (n := _chinese_number(m.group(1))) is not None:
        return f"batch {n}"
    if lang != "zh" and (m := _YEAR.match(value)):
        return m.group(1)
    return value
