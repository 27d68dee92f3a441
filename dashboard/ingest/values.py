"""Cell values into stored values: amounts into 万元, year ranges into start and end, stage words.

Every parser works on a pandas Series of strings and parses each *distinct* value once, so a
100,000-row column with a few thousand distinct values costs a few thousand regex calls. Problems
come back as codes (``importer.<code>`` message keys), never as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Full-width digits and punctuation, and the odd dashes, as their ASCII forms.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－－＋％（）～：；　／",
    "0123456789.,--+%()~:; /",
)
MISSING = {"", "-", "--", "—", "——", "/", "／", "无", "暂无", "待定", "n/a", "na", "nan", "none", "null", "—/—"}


def halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------------------------------------- units

@dataclass(frozen=True)
class Unit:
    """How many 万元 one unit is, and whether it is US dollars (converted at the import's rate)."""

    wan: float
    usd: bool = False


WAN = Unit(1.0)
_UNIT_WORDS: list[tuple[re.Pattern[str], Unit]] = [
    (re.compile(r"亿美元"), Unit(10_000.0, True)),
    (re.compile(r"千万美元"), Unit(1_000.0, True)),
    (re.compile(r"百万美元"), Unit(100.0, True)),
    (re.compile(r"万美元"), Unit(1.0, True)),
    (re.compile(r"美元"), Unit(0.0001, True)),
    (re.compile(r"万亿元?"), Unit(100_000_000.0)),
    (re.compile(r"亿元?"), Unit(10_000.0)),
    (re.compile(r"千万元?"), Unit(1_000.0)),
    (re.compile(r"百万元?"), Unit(100.0)),
    (re.compile(r"万元?"), Unit(1.0)),
    (re.compile(r"元"), Unit(0.0001)),
]
_EN_USD = re.compile(r"usd|us\$|\$|dollar", re.I)
_EN_UNITS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"100\s*million|100\s*mn|100m\b|hundred\s*million", re.I), 10_000.0),
    (re.compile(r"billion|\bbn\b|\bb\b", re.I), 100_000.0),
    (re.compile(r"10\s*,?\s*000|10\s*k\b|ten\s*thousand", re.I), 1.0),
    (re.compile(r"million|\bmn\b|\bm\b|mio", re.I), 100.0),
    (re.compile(r"thousand|\bk\b", re.I), 0.1),
    (re.compile(r"\b(cny|rmb|yuan)\b", re.I), 0.0001),
]


def unit_in(text: str) -> Unit | None:
    """The money unit a header or note names — （万元）, (亿元), (100 million CNY) — or None."""
    text = halfwidth(text)
    for pattern, unit in _UNIT_WORDS:
        if pattern.search(text):
            return unit
    if re.search(r"cny|rmb|yuan|usd|us\$|dollar|million|billion|\bbn\b|10,?000", text, re.I):
        usd = bool(_EN_USD.search(text))
        for pattern, wan in _EN_UNITS:
            if pattern.search(text):
                return Unit(wan, usd)
    return None


# -------------------------------------------------------------------------------------------- amounts

_NUM = r"(\d+(?:\.\d+)?)"
_CN_UNIT = r"(亿美元|千万美元|百万美元|万美元|美元|万亿元?|亿元?|千万元?|百万元?|万元?|元)?"
_RANGE_SEP = r"\s*(?:-|~|至|到|—|–|－|―)+\s*"
_AMOUNT = re.compile(_NUM + r"\s*(?:多|余)?\s*" + _CN_UNIT)
_RANGE = re.compile(_NUM + r"\s*" + _CN_UNIT + _RANGE_SEP + _NUM + r"\s*" + _CN_UNIT)
_LEAD = re.compile(r"^(?:项目)?(?:计划|预计|拟)?(?:总投资|投资总额|总投资额|投资)?(?:额)?"
                   r"(?:为|约|达|超过|超|逾|近|不低于|不少于|共|合计|大于|>|≥|＞)*")
_NUMBER_ONLY = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_EN_AMOUNT = re.compile(r"^(?:usd|us\$|\$|cny|rmb|¥|￥)?\s*" + _NUM + r"\s*([a-z. ]*)$", re.I)


@dataclass(frozen=True)
class Amount:
    wan: float | None
    code: str | None = None      # a problem code: error if the value is unusable, else a warning
    error: bool = False


def _unit_for(word: str | None, default: Unit) -> Unit:
    if not word:
        return default
    for pattern, unit in _UNIT_WORDS:
        if pattern.fullmatch(word):
            return unit
    return default


def parse_amount(text: str, default: Unit, usd_rate: float) -> Amount:
    """One cell into 万元. ``default`` is the column's unit (from its header, a unit line, or 万元)."""
    raw = halfwidth(str(text)).strip()
    s = re.sub(r"[\s,，]", "", raw)
    if s.lower() in MISSING:
        return Amount(None)
    if _NUMBER_ONLY.match(s):
        value = float(s)
        if value < 0:
            return Amount(None, "amount_negative", True)
        wan = value * default.wan
        if default.usd:
            return Amount(wan * usd_rate, "amount_usd")
        return Amount(wan)
    s = _LEAD.sub("", s)
    s = re.sub(r"(人民币|rmb|cny)", "", s, flags=re.I)
    if s.startswith("-") and _AMOUNT.match(s[1:]):
        return Amount(None, "amount_negative", True)
    code = None
    rng = _RANGE.match(s)
    if rng:
        low, low_unit, _high, high_unit = rng.groups()
        unit = _unit_for(low_unit or high_unit, default)
        value, code = float(low) * unit.wan, "amount_range"
    else:
        m = _AMOUNT.match(s)
        if m and (m.end() == len(s) or re.fullmatch(r"(以上|左右|上下|多|余|\+|\(.*\))*", s[m.end():])):
            unit = _unit_for(m.group(2), default)
            value = float(m.group(1)) * unit.wan
        else:
            en = _EN_AMOUNT.match(re.sub(r"\s+", " ", raw.replace(",", "")).strip())
            if not en:
                return Amount(None, "amount_unparsable", True)
            unit = unit_in(raw) or default
            if not en.group(2).strip() and not _EN_USD.search(raw):
                unit = default
            value = float(en.group(1)) * unit.wan
    if unit.usd:
        return Amount(value * usd_rate, code or "amount_usd")
    return Amount(value, code)


_SIMPLE = (r"^(?:约|超过|超|逾|近|达|总投资|计划总投资)?\s*(\d+(?:\.\d+)?)\s*(?:多|余)?\s*"
           r"(亿元|亿|千万元|千万|万元|万|元)?\s*(?:以上|左右)?$")
_SIMPLE_UNITS = {"亿元": 10_000.0, "亿": 10_000.0, "千万元": 1_000.0, "千万": 1_000.0, "万元": 1.0, "万": 1.0,
                 "元": 0.0001}


def parse_amounts(cells: pd.Series, default: Unit, usd_rate: float) -> tuple[np.ndarray, pd.Series]:
    """A column into (万元 as float with NaN for missing, problem code per row or None)."""
    cells = cells.fillna("").astype(str)
    plain = pd.to_numeric(cells.str.replace(",", "", regex=False).str.strip(), errors="coerce")
    values = np.array(plain.to_numpy(dtype=float, na_value=np.nan) * default.wan, dtype=float)
    if default.usd:
        values = values * usd_rate
    codes = pd.Series([None] * len(cells), index=cells.index, dtype=object)
    if default.usd:
        codes[plain.notna().to_numpy()] = "amount_usd"
    negative = (plain < 0).to_numpy()
    if negative.any():
        values[negative] = np.nan
        codes[negative] = "amount_negative"
    rest = plain.isna().to_numpy() & (cells != "").to_numpy(dtype=bool)
    if rest.any():
        # The common written forms (约5亿元, 3000万, 2000多万元) in one vectorised pass.
        simple = cells[rest].str.extract(_SIMPLE)
        hit = simple[0].notna().to_numpy(dtype=bool)
        if hit.any():
            factor = simple[1].fillna("").map(_SIMPLE_UNITS).fillna(default.wan).to_numpy(dtype=float)
            number = simple[0].astype(float).to_numpy(dtype=float)
            idx = np.flatnonzero(rest)[hit]
            values[idx] = (number * factor)[hit]
            if default.usd:  # a US-dollar column: 3000万 is 3000万美元
                values[idx] *= usd_rate
                codes.iloc[idx] = "amount_usd"
            rest[idx] = False
    if rest.any():
        parsed = {u: parse_amount(u, default, usd_rate) for u in pd.unique(cells[rest])}
        sub = cells[rest]
        values[rest] = [np.nan if parsed[v].wan is None else parsed[v].wan for v in sub]
        codes[rest] = [parsed[v].code for v in sub]
    return values, codes


# ---------------------------------------------------------------------------------------------- years

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SHORT_END = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年)?" + _RANGE_SEP + r"(\d{2})(?:年)?$")


def _years_of(text: str) -> tuple[float, float, int]:
    """(first year, last year, how many) in a cell such as 2023-2026, 2023年—2026年, 2023.3-2025.12."""
    s = halfwidth(text)
    found = _YEAR.findall(s)
    if len(found) == 1:
        short = _SHORT_END.search(s.strip())
        if short:
            century = int(short.group(1)) // 100 * 100
            return float(short.group(1)), float(century + int(short.group(2))), 2
    if not found:
        return np.nan, np.nan, 0
    return float(found[0]), float(found[-1]), len(found)


def parse_years(cells: pd.Series) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """(first year, last year, code) per row; a non-empty cell without a year is 'year_unparsable'."""
    cells = cells.fillna("").astype(str).str.strip()
    which, distinct = pd.factorize(cells)
    parsed = [_years_of(u) for u in distinct]
    first = np.array([p[0] for p in parsed], dtype=float)[which]
    last = np.array([p[1] for p in parsed], dtype=float)[which]
    bad = np.array([p[2] == 0 and u.lower() not in MISSING for u, p in zip(distinct, parsed, strict=True)],
                   dtype=bool)[which]
    codes = pd.Series(np.where(bad, "year_unparsable", None), index=cells.index, dtype=object)
    return first, last, codes


def map_distinct(cells: pd.Series, fn: Callable[[str], object]) -> pd.Series:
    """``cells.map(fn)`` (same values, dtype, index and name), calling ``fn`` once per distinct value."""
    which, distinct = pd.factorize(cells)
    if (which < 0).any():  # missing cells: let pandas decide what to do with them
        return cells.map(fn)
    mapped = pd.Series(distinct).map(fn)
    return pd.Series(mapped.array.take(which), index=cells.index, name=cells.name)


# --------------------------------------------------------------------------------------------- stages

def stage_key(text: str) -> str:
    return re.sub(r"[\s_\-/·]", "", halfwidth(str(text))).lower()


def stage_of(text: str, aliases: dict[str, str]) -> str | None:
    """The stage value of a cell or section heading: exact alias first, then the longest alias inside."""
    key = stage_key(text)
    if not key:
        return None
    if key in aliases:
        return aliases[key]
    # Inside a longer text (一、新开工项目, 竣工投产): Chinese aliases only, since English words such
    # as "new" occur inside unrelated phrases.
    for alias in sorted(aliases, key=len, reverse=True):
        if len(alias) >= 2 and _HAN.search(alias) and alias in key:
            return aliases[alias]
    return None


_HAN = re.compile(r"[\u4e00-\u9fff]")
