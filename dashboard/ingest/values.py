"""Cell values into stored values: amounts into 万元, year ranges into start and end, stage words.

Every parser works on a pandas Series of strings and parses each *distinct* value once, so a
100,000-row column with a few thousand distinct values costs a few thousand regex calls. Problems
come back as codes (``importer.<code>`` message keys), never as text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Full-width digits and punctuation, and the odd dashes, as their ASCII forms.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－－＋％（）～：；　／",
    "0123456789.,--+%()~:; /",
)
MISSING = {"", "-", "--", "—", "——", "/", "／", "无", "暂无", "待定", "n/a", "na", "nan", "none", "null", "—/—"}


# What ends a company's name (某某科技有限公司, 某某集团, XX Co., Ltd.), in RE2's syntax (and Python's): a 建设单位
# where a place or a name should be.
COMPANY = (r"(有限(责任)?公司|股份公司|集团公司|公司$|集团$|"
           r"(?i:co\.?,?\s*ltd\.?|limited|inc\.?|corp\.?|corporation)\s*$)")
_COMPANY_RE = re.compile(COMPANY)


def company_like(text: str) -> bool:
    """Whether ``text`` reads as a company's name (ends so)."""
    return _COMPANY_RE.search(text.strip()) is not None


def halfwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------------------------------------- units

@dataclass(frozen=True)
class Unit:
    """How many 万元 one unit is, and whether it is US dollars (converted at the import's rate)."""

    wan: float
    usd: bool = False
    other: str = ""   # a currency neither CNY nor USD (港元, 欧元): no rate is known, so its amounts are refused


WAN = Unit(1.0)


def unit_label(unit: Unit) -> str:
    """A unit as a message writes it (亿元, 万元, 万美元), from how many 万 one unit is."""
    scale = {100_000_000.0: "万亿", 10_000.0: "亿", 1_000.0: "千万", 100.0: "百万", 10.0: "十万", 1.0: "万",
             0.1: "千", 0.0001: ""}.get(unit.wan, f"×{unit.wan:g}万")
    return scale + (unit.other or ("美元" if unit.usd else "元"))
# Longest first: a multiplier before 亿 or 万 (十亿元, 十万元) or before 元 itself (千元) is part of the unit,
# never left out (千元 read as 元 stored every amount 1,000 times too small, 十亿元 as 亿元 10 times).
_UNIT_WORDS: list[tuple[re.Pattern[str], Unit]] = [
    (re.compile(r"千亿美元"), Unit(10_000_000.0, True)),
    (re.compile(r"百亿美元"), Unit(1_000_000.0, True)),
    (re.compile(r"十亿美元"), Unit(100_000.0, True)),
    (re.compile(r"亿美元"), Unit(10_000.0, True)),
    (re.compile(r"千万美元"), Unit(1_000.0, True)),
    (re.compile(r"百万美元"), Unit(100.0, True)),
    (re.compile(r"十万美元"), Unit(10.0, True)),
    (re.compile(r"万美元"), Unit(1.0, True)),
    (re.compile(r"千美元"), Unit(0.1, True)),
    (re.compile(r"美元"), Unit(0.0001, True)),
    (re.compile(r"万亿元?"), Unit(100_000_000.0)),
    (re.compile(r"千亿元?"), Unit(10_000_000.0)),
    (re.compile(r"百亿元?"), Unit(1_000_000.0)),
    (re.compile(r"十亿元?"), Unit(100_000.0)),
    (re.compile(r"亿元?"), Unit(10_000.0)),
    (re.compile(r"千万元?"), Unit(1_000.0)),
    (re.compile(r"百万元?"), Unit(100.0)),
    (re.compile(r"十万元"), Unit(10.0)),
    (re.compile(r"万元?"), Unit(1.0)),
    (re.compile(r"千元"), Unit(0.1)),
    (re.compile(r"元"), Unit(0.0001)),
]
_EN_USD = re.compile(r"usd|us\$|\$|dollar", re.I)
_EN_UNITS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"100\s*million|100\s*mn|100m\b|hundred\s*million", re.I), 10_000.0),
    (re.compile(r"billion|\bbn\b|\bb\b", re.I), 100_000.0),
    (re.compile(r"10\s*[,'\u2019]?\s*000|10\s*k\b|ten\s*thousand", re.I), 1.0),
    (re.compile(r"million|\bmn\b|\bm\b|mio", re.I), 100.0),
    # RMB '000 / ’000 / 000s: the accountant's thousands (RMB '000 was read as yuan, 1,000 times too small).
    (re.compile(r"thousand|\bk\b|['\u2018\u2019]\s*000\b|\b000s\b", re.I), 0.1),
    (re.compile(r"\b(cny|rmb|yuan)\b", re.I), 0.0001),
]


# Characters past which a text names no unit or currency: a header, a note or an amount is far shorter, and
# the patterns run over a 50 MB one-line file took minutes.
MAX_UNIT_TEXT = 500


def unit_in(text: str) -> Unit | None:
    """The money unit a header or note names — （万元）, (亿元), (100 million CNY) — or None."""
    if len(text) > MAX_UNIT_TEXT:
        return None
    text = halfwidth(text)
    other = other_currency(text)
    if other:  # 万港元 / 亿日元 / EUR million: never read as 万元 (the 万 alone would say so)
        return Unit(1.0, False, other)
    for pattern, unit in _UNIT_WORDS:
        if pattern.search(text):
            return unit
    if re.search(r"cny|rmb|yuan|usd|us\$|dollar|million|billion|\bbn\b|10,?000", text, re.I):
        usd = bool(_EN_USD.search(text))
        for pattern, wan in _EN_UNITS:
            if pattern.search(text):
                return Unit(wan, usd)
    return None


# A per-row unit or currency cell (单位 / 币种 columns): the whole cell must name a money unit.
_USD_WORDS = re.compile(r"美元|美金|usd|us\$|\$|dollars?", re.I)
_CNY_WORDS = re.compile(r"人民币|rmb|cny|yuan|元|¥|￥", re.I)
_OTHER_CURRENCY = re.compile(r"欧元|港元|港币|日元|英镑|卢布|澳门元|澳元|新台币|台币|韩元|加元|新加坡元|瑞士法郎|法郎|"
                             r"卢比|泰铢|林吉特|越南盾|\beur\b|\bhkd\b|\bjpy\b|\bgbp\b|\baud\b|\bcad\b|"
                             r"\bsgd\b|\bchf\b|\bkrw\b|\btwd\b|\bmop\b|euros?\b|yen\b|€|£|hk\$", re.I)


def other_currency(text: str) -> str:
    """The currency other than CNY and USD a header, unit cell or amount names (港元, EUR), else ''."""
    text = str(text)
    if len(text) > MAX_UNIT_TEXT:
        return ""
    m = _OTHER_CURRENCY.search(halfwidth(text))
    return m.group(0) if m else ""
_MULTIPLIERS: dict[str, float] = {
    "": 1.0, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9,
    "百亿": 1e10, "千亿": 1e11, "万亿": 1e12,
    "k": 1e3, "thousand": 1e3, "thousands": 1e3, "10k": 1e4, "10thousand": 1e4, "tenthousand": 1e4,
    "10,000": 1e4, "10000": 1e4, "m": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "10m": 1e7, "10million": 1e7, "tenmillion": 1e7, "100m": 1e8, "100mn": 1e8, "100million": 1e8,
    "hundredmillion": 1e8, "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9,
}


def unit_cell(text: str) -> Unit | None:
    """The money unit one cell of a unit column names (亿元, 万美元, USD million, 元), else None."""
    s = re.sub(r"[\s()\[\]（）:：]|单位|unit", "", halfwidth(str(text)), flags=re.I).lower()
    if s and other_currency(str(text)):  # 万港元: a money unit, in a currency with no rate (the row is refused)
        return Unit(1.0, False, other_currency(str(text)))
    if not s:
        return None
    usd = bool(_USD_WORDS.search(s))
    s = _USD_WORDS.sub("", s) if usd else s
    cny = bool(_CNY_WORDS.search(s))
    s = _CNY_WORDS.sub("", s).strip(".-_/")
    multiplier = _MULTIPLIERS.get(s)
    if multiplier is None or (s == "" and not (usd or cny)):
        return None
    return Unit(multiplier / 1e4, usd)


def currency_cell(text: str) -> str | None:
    """'usd' or 'cny' for a currency cell (美元, USD, 人民币, RMB), '' if empty, None if another currency."""
    s = re.sub(r"\s", "", halfwidth(str(text))).lower()
    if s in MISSING:
        return ""
    if _OTHER_CURRENCY.search(s):
        return None
    if _USD_WORDS.fullmatch(s) or re.fullmatch(r"(美元|美金|usd|us\$|\$|dollars?|usdollars?)", s):
        return "usd"
    if re.fullmatch(r"(人民币|rmb|cny|yuan|元|¥|￥|人民币元|renminbi)", s):
        return "cny"
    return None


# -------------------------------------------------------------------------------------------- amounts

_NUM = r"(\d+(?:\.\d+)?)"
# The unit words a cell's amount may carry: those of the unit table, longest first as there.
_CN_UNIT = "(" + "|".join(pattern.pattern for pattern, _unit in _UNIT_WORDS) + ")?"
_RANGE_SEP = r"\s*(?:-|~|至|到|—|–|－|―)+\s*"
_AMOUNT = re.compile(_NUM + r"\s*(?:多|余)?\s*" + _CN_UNIT)
_RANGE = re.compile(_NUM + r"\s*" + _CN_UNIT + _RANGE_SEP + _NUM + r"\s*" + _CN_UNIT)
_LEAD = re.compile(r"^(?:项目)?(?:计划|预计|拟)?(?:总投资|投资总额|总投资额|投资)?(?:额)?"
                   r"(?:为|约合|大约|约|达|超过|超|逾|将近|接近|近|不低于|不少于|共|合计|大于|>|≥|＞)*")
_YI_WAN = re.compile(r"(\d+(?:\.\d+)?)亿元?零?(\d+(?:\.\d+)?)万元?(?:以上|左右|多|余)?")
_NUMBER_ONLY = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# Scale words of figures only (not of a unit column's cells): 5w is 5万 (a Chinese shorthand), 5MM 5 million.
_SHORTHAND = {"w": 1e4, "mm": 1e6}
_EN_CURRENCY_WORDS = re.compile(r"\b(?:usd|us|cny|rmb|yuan|dollars?)\b", re.I)
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


_DIGIT_RUN = re.compile(r"\d+(?:(?:[,，]|\s+)\d+)+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:，\d{3})+|\d{1,3}(?:\s\d{3})+")
_GROUPED_NUMBER = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"


def bad_grouping(text: str) -> bool:
    """Whether digits are separated by commas or spaces that are not thousands separators: ``1,2,3``
    or ``12 5`` (never read as 123 or 125), unlike ``1,250,000`` or ``1 250 000``."""
    return any(not _GROUPED.fullmatch(m.group()) for m in _DIGIT_RUN.finditer(text))


# Amounts written in Chinese numerals (三千万元, 一亿二千万元, 两亿元, 壹亿贰仟万元, 三点五亿元, 三至五亿元), read
# by the same unit rules as digits: 万 and 亿 make the amount one of 元 (in 万元 when stored), a bare numeral
# takes the column's unit. Only what is a well-formed numeral is read; 三三千, 三千五千, 1万5 stay refused.
_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
             "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1_000, "仟": 1_000}
_CN_BIG = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
_CN_NUMERAL = re.compile("[" + "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "]")
_CN_TOKEN = re.compile(r"(\d+(?:\.\d+)?)|(点)|([" + "".join(_CN_DIGIT) + "])|([" + "".join(_CN_SMALL)
                       + r"])|(万亿|亿|万)|([多余])|(.)")
_CN_TAIL = re.compile(r"(美元|美金|元)?(?:以上|左右|上下|\(.*\))*$")
_CN_RANGE = re.compile(r"^(.+?)" + _RANGE_SEP + r"(.+)$")
# 1.234,56: a European decimal comma (1234.56), or thousands grouped by a point — refused, never guessed
# (amount_decimal_comma); (1,234): an accounting negative, and an investment is never negative.
_DECIMAL_COMMA = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$|^\d+,\d{1,2}$")
_ACCOUNTING_NEGATIVE = re.compile(r"^\(\s*\d[\d,.]*\s*\)\s*(?:万元|万|亿元|亿|元)?$")


def chinese_number(body: str) -> tuple[float, bool] | None:
    """(value, whether 万 or 亿 took part) of a numeral such as 三千万, 一亿二千万, 十二, 三点五亿, 1亿5千万,
    一亿零五百万; None for anything else, or a numeral that is not well formed (two digits in a row, a
    multiplier not smaller than the one before it, a bare digit after a multiplier: 三三千, 三千五千, 1万5)."""
    result = section = 0.0
    number: float | None = None
    last_small = last_big = float("inf")
    prev = ""               # the kind of the token before: d(igit), z(ero), n(umber), s(mall), b(ig), p(oint)
    multiplied = big = False
    tokens = list(_CN_TOKEN.finditer(body))
    i = 0
    while i < len(tokens):
        arabic, point, digit, small, big_word, more, other = tokens[i].groups()
        if other is not None:
            return None
        if more is not None:            # 三千多万: "more than", read as the number (as 2000多万元 is)
            if prev not in ("s", "b"):
                return None
        elif point is not None:         # 三点五, 十二点五: the digits after 点 are the fraction
            fraction = ""
            while i + 1 < len(tokens) and tokens[i + 1].group(3) is not None:
                i += 1
                fraction += str(_CN_DIGIT[tokens[i].group(3)])
            leading_zero = prev == "z" and number is None and section == 0 and result == 0  # 零点五亿
            if not fraction or (prev not in ("d", "s", "n") and not leading_zero):
                return None
            number = section + (number or 0.0) + float("0." + fraction)
            section, prev = 0.0, "p"
        elif arabic is not None or digit is not None:
            value = float(arabic) if arabic is not None else float(_CN_DIGIT[digit])
            if digit is not None and value == 0:
                prev = "z"
            elif prev in ("d", "n", "p") or (digit is not None and prev == "z" and number is not None):
                return None             # 三三千, 3三
            else:
                number, prev = value, "d" if digit is not None else "n"
        elif small is not None:
            m = _CN_SMALL[small]
            if m >= last_small or prev == "p" or (number is not None and number != int(number)):
                return None
            section += (number if number is not None else 1.0) * m
            number, last_small, prev, multiplied = None, m, "s", True
        else:
            m = _CN_BIG[big_word]
            if m >= last_big or prev in ("", "z") or (number is None and section == 0):
                return None
            result += (section + (number or 0.0)) * m
            section, number, last_small, last_big = 0.0, None, float("inf"), m
            prev, multiplied, big = "b", True, True
        i += 1
    if number is not None and multiplied and prev != "p":
        # a bare digit after a multiplier (1万5, 三千五): a colloquial shorthand, refused; after 零 it is units
        before = [t for t in tokens if t.group(6) is None]
        if len(before) < 2 or before[-2].group(3) not in ("〇", "零"):
            return None
    if number is None and section == 0 and result == 0:
        return None
    return result + section + (number or 0.0), big


def _chinese_amount(s: str, default: Unit, usd_rate: float) -> Amount | None:
    """A cell (its lead words and 人民币 removed) whose amount is written in Chinese numerals, in 万元;
    None when it holds no Chinese numeral (another reader's, or nobody's)."""
    if not _CN_NUMERAL.search(s):
        return None
    if re.search(r"\d[〇○]|[〇○]\d", s):  # 15〇〇〇〇: a numeral zero among digits (OCR), never 15 read as a numeral
        return Amount(None, "amount_unparsable", True)
    if s.startswith("-"):
        return Amount(None, "amount_negative", True)
    rng = _CN_RANGE.match(s)
    parts = [rng.group(1), rng.group(2)] if rng else [s]
    read = []
    for part in parts:
        tail = _CN_TAIL.search(part)
        currency = tail.group(1) if tail else None
        body = part[:tail.start()] if tail else part
        number = chinese_number(body)
        if number is None:
            return Amount(None, "amount_unparsable", True)
        read.append((number[0], number[1], currency))
    if rng:  # 三至五亿元: the lower bound, in the unit of the upper one when the lower states none
        (low, low_big, low_cur), (_high, high_big, high_cur) = read
        currency = low_cur or high_cur
        if not low_big and high_big:
            low = low * (1e8 if "亿" in parts[1] else 1e4)
            low_big = True
        value, big, code = low, low_big, "amount_range"
    else:
        (value, big, currency), code = read[0], "amount_words"
    usd = currency in ("美元", "美金") or (currency is None and default.usd)
    # A number of 元 (or of dollars) once 万, 亿 or 元 is written; a bare numeral takes the column's unit.
    wan = value / 1e4 if big or currency is not None else value * default.wan
    if usd:
        return Amount(wan * usd_rate, "amount_usd")
    return Amount(wan, code)


# A share written as a percentage or per mille (30%, ３０％, 30 %, 30‰, 百分之三十, 30 percent): no amount.
_SHARE = re.compile(r"\d\s*(?:%|‰|percent\b|pct\b)|百分之|千分之", re.I)
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_DATE_CELL = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*(?:0?[1-9]|1[0-2])\s*[-/.月]\s*(?:0?[1-9]|[12]\d|3[01])\s*日?"
                        r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


# A figure a reposting site (or the publisher) hid: *, ***, ×××, XX, (略), 略, or stars among digits (1**万元),
# with a unit or 约 around it. The cell holds no amount, and says so: stored as none, said by row (amount_masked),
# not "not an amount" (it is one, hidden) nor silently empty (a free text's 总投资*元).
MASK = r"(?:[(（]\s*略\s*[)）]|略|\d*[*＊]+[\d*＊]*|[×xX✕╳]{2,}|#{2,}|[○〇]{2,})"
_MASKED_AMOUNT = re.compile(r"^(?:约|人民币)?" + MASK + r"\s*(?:多|余)?\s*(?:万|亿|千万)?(?:美元|美金|元)?$")


def masked_amount(text: str) -> bool:
    """Whether an amount cell (or the figure a text names) is hidden by a mask (*, ×××, (略))."""
    return _MASKED_AMOUNT.match(halfwidth(str(text)).strip().replace(" ", "")) is not None


# A negative written as accounts and clerks write it: △500 / ▲500 (the Chinese accounts' mark of a decrease),
# 负500 / 负五百万, 500- (a trailing minus, as SAP and some ledgers print it). It was "not an amount"; an
# investment is never negative, so it is refused as one (amount_negative), as -500 and (500) are.
_NEGATIVE_MARK = re.compile(r"^(?:[△▲]|负)\s*(?P<lead>.+)$|^(?P<trail>\d[\d,.]*\s*(?:万元|万|亿元|亿|元)?)\s*-$")
# An amount with no figure (上亿元, 数亿元, 几千万, 数十亿元, 上千万): "some hundreds of millions", not a number.
# 过亿, 超亿元, 亿元以上, 千万元以上: "above a hundred million", a bound with no figure either.
_VAGUE_AMOUNT = re.compile(r"^(?:约|预计|计划)?(?:(?:上|数|几|若干|好几)(?:十|百|千)?(?:万|亿)(?:多)?(?:元|美元)?"
                           r"(?:以上|左右)?|(?:过|超|超过|逾)(?:千万|亿|百亿)(?:元|美元)?|(?:千万|亿|百亿)(?:元|美元)?以上)$")
# Thousands grouped by an apostrophe (Swiss: 1'500'000) or an underscore (1_500_000, as code writes them):
# "not an amount" before; read as the grouped figure, said by row (amount_apostrophe_grouping).
_OTHER_GROUPS = re.compile(r"^(\d{1,3}(?:['’_]\d{3})+(?:\.\d+)?)\s*(万元|亿元|元|万|亿)?$")
# A note in brackets after the figure (150000（其中中央资金5000）, 80000(含土地款)): the figure is read, the note
# said by row (amount_note), as it was dropped unsaid.
AMOUNT_NOTE = re.compile(r"^[^(（]*\d[^(（]*[(（]\s*(?P<note>[^)）]+?)\s*[)）]\s*$")


# Digits with a space after every one (1 5 0 0 0 0, as a PDF copy spaces every character, names too): not
# thousands groups; "the commas or spaces are no thousands separators" said nothing of what they are. Four digits
# at least, one space between each: the figure they make, read and said by row (amount_spaced_out).
_SPACED_DIGITS = re.compile(r"\d(?: \d){3,}(?:\.\d(?: \d)*)?(?:\s*(?:万元|亿元|元|万|亿))?")
# A sentence's full stop after a figure (150000。, a cell copied from a text): the figure, said (amount_full_stop).
_FULL_STOP = re.compile(r"(\d[\d,.]*\s*(?:万元|亿元|元|万|亿)?)\s*[。｡]+")
# The ideographic full stop between digits (1。5): a decimal point typed with a Chinese input method, or a
# sentence's end between two figures; refused, saying which (amount_ideographic_point).
_IDEOGRAPHIC_POINT = re.compile(r"\d+[。｡]\d+\s*(?:万元|亿元|元|万|亿)?")


def negative_mark(text: str) -> bool:
    """Whether an amount cell is a negative figure written △500, ▲500, 负500 or 500-."""
    m = _NEGATIVE_MARK.match(text)
    if m is None:
        return False
    lead = m.group("lead")
    return lead is None or bool(re.match(r"\d", lead)) or chinese_number(re.sub(r"(万元|亿元|元)$", "", lead)) \
        is not None


# The measure word 个 between a figure and 亿 / 万 (1.5个亿, 一个亿, 两个多亿): spoken Chinese, no unit of its own.
_MEASURE_WORD = re.compile(r"(?<=[0-9一二两三四五六七八九十百千])个(?=多?(?:亿|万))")


_MORE_AFTER_UNIT = re.compile(r"(?<=\d)(亿|万|千万)(?:多|余)(元)")
_PER_YEAR = re.compile(r"\d\s*(?:亿|万|千)?(?:元|美元)?\s*(?:/|每|／)\s*(?:年|年度)$|(?:每年|年均)\d")
_CHEQUE_WORDS = re.compile(r"(?<=元)整$|(?<=^人民币)[:：]|(?i:(?<=^rmb)|(?<=^cny))[:：]")


# An arithmetic expression typed into an amount cell (100000+50000, 80000/60000, 2×3000万): Excel computes it only
# after an =, so the cell holds the sum written out. A sum of figures is the total they add up to (read, said with
# the sum); any other operation is no one amount (refused, said as an expression, not as "not an amount").
_TERM = r"\d+(?:\.\d+)?(?:亿元|亿|万元|万|元)?"
_EXPRESSION = re.compile(rf"{_TERM}(?:[+*/×÷xX]{_TERM})+")
_EXPRESSION_TERM = re.compile(r"([+*/×÷xX]?)(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?")


def _expression(s: str, default: Unit, usd_rate: float) -> Amount:
    terms = _EXPRESSION_TERM.findall(s)
    if any(op not in ("", "+") for op, _n, _u in terms):
        return Amount(None, "amount_expression", True)
    total = sum(float(n) * _unit_for(u, default).wan for _op, n, u in terms)
    if default.usd and not any(u for _op, _n, u in terms):
        return Amount(total * usd_rate, "amount_usd")
    return Amount(total, "amount_expression_sum")


def parse_amount(text: str, default: Unit, usd_rate: float) -> Amount:
    """One cell into 万元. ``default`` is the column's unit (from its header, a unit line, or 万元)."""
    raw = halfwidth(str(text)).strip().replace("\u2212", "-")  # the minus sign (−300) is a hyphen-minus
    if raw[:1] in "'‘’" and _NUMBER_ONLY.match(raw[1:].replace(",", "")):
        # Excel's mark for a number typed as text ('150000), kept by a CSV export: the number it marks
        raw = raw[1:]
    if _DATE_CELL.match(raw):  # a date (Excel turns 3-5 into 5 March): no amount, and never the range 2026-3
        return Amount(None, "amount_date", True)
    # 30%, 占30%, 30‰, 百分之三十: a share, never an amount (it was "not an amount"); in a note beside a figure
    # (1500（其中自筹30%）) the figure is read.
    unbracketed = _BRACKETED.sub("", raw)
    if _SHARE.search(unbracketed if re.search(r"\d|[" + _CN_START + "]", unbracketed) else raw):
        return Amount(None, "amount_share", True)
    if _DECIMAL_COMMA.match(raw):
        return Amount(None, "amount_decimal_comma", True)
    if _ACCOUNTING_NEGATIVE.match(raw):
        return Amount(None, "amount_negative", True)
    spaced = _SPACED_DIGITS.fullmatch(raw)
    if spaced:  # 1 5 0 0 0 0: a PDF copy's space after every character, the figure joined up, said
        inner = parse_amount(re.sub(r"\s", "", raw), default, usd_rate)
        return inner if inner.error or inner.code else Amount(inner.wan, "amount_spaced_out")
    if bad_grouping(raw):
        return Amount(None, "amount_grouping", True)
    stop = _FULL_STOP.fullmatch(raw)
    if stop:  # 150000。: the sentence's full stop after a figure, read without it, said
        inner = parse_amount(stop.group(1), default, usd_rate)
        return inner if inner.error or inner.code else Amount(inner.wan, "amount_full_stop")
    if _IDEOGRAPHIC_POINT.fullmatch(raw):  # 1。5: a Chinese input method's 。 typed for a decimal point (or not)
        return Amount(None, "amount_ideographic_point", True)
    s = re.sub(r"[\s,，]", "", raw)
    # a cheque's way (人民币：捌仟万元整): the colon after 人民币 and the 整 (exactly) after 元 say nothing of the
    # figure (the row was refused as "not an amount")
    s = _CHEQUE_WORDS.sub("", s)
    if "个" in s:  # 1.5个亿, 一个亿, 两个多亿: as the amount is said aloud (was "not an amount")
        s = _MEASURE_WORD.sub("", s)
    if "多" in s or "余" in s:  # 15亿余元, 1500万多元: "more than" after the unit, read as 15余亿元 is
        s = _MORE_AFTER_UNIT.sub(r"\1\2", s)
    if _PER_YEAR.search(s):  # 150000万元/年: a figure per year (a revenue, a yearly plan), no total investment
        return Amount(None, "amount_per_year", True)
    if s.lower() in MISSING:
        return Amount(None)
    if masked_amount(s):
        return Amount(None, "amount_masked")
    if negative_mark(s):
        return Amount(None, "amount_negative", True)
    if _VAGUE_AMOUNT.match(s):
        return Amount(None, "amount_vague", True)
    grouped = _OTHER_GROUPS.match(s)
    if grouped:
        unit = _unit_for(grouped.group(2), default)
        value = float(re.sub(r"['’_]", "", grouped.group(1))) * unit.wan
        return Amount(value * usd_rate, "amount_usd") if unit.usd else Amount(value, "amount_apostrophe_grouping")
    if other_currency(re.sub(r"[（(][^）)]*[）)]", "", s)):  # 5000万港元: no rate, never 5000万元 (a note in
        return Amount(None, "amount_currency", True)           # brackets, 5000（含欧元贷款）, is no unit)
    if _EXPRESSION.fullmatch(s):
        return _expression(s, default, usd_rate)
    if _NUMBER_ONLY.match(s):
        value = float(s)
        if value < 0:
            return Amount(None, "amount_negative", True)
        wan = value * default.wan
        if default.usd:
            return Amount(wan * usd_rate, "amount_usd")
        return Amount(wan)
    if _UPPER_BOUND.search(s) and (re.search(r"\d", s) or _CN_NUMERAL.search(s)):
        return Amount(None, "amount_upper_bound", True)
    s = _LEAD.sub("", s)
    s = re.sub(r"(人民币|rmb|cny|¥|￥)", "", s, flags=re.I)  # ¥1.5亿: the sign is the currency the unit names
    both = _YI_WAN.fullmatch(s)
    if both:  # 1亿2000万: two units in one amount, as it is read aloud
        return Amount(float(both.group(1)) * 10_000.0 + float(both.group(2)))
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
            if "(" in s[m.end():] and AMOUNT_NOTE.match(s):
                code = "amount_note"
        else:
            en = _EN_AMOUNT.match(re.sub(r"\s+", " ", raw.replace(",", "")).strip())
            if not en:
                return _chinese_amount(s, default, usd_rate) or Amount(None, "amount_unparsable", True)
            # A suffix written against the figure (US$5m, RMB 50m, 2bn) is the unit word it abbreviates:
            # read against the digit, \bm\b never matched, and US$5m was stored as 5万元, RMB 50m as 50元.
            named = unit_in(re.sub(r"(?<=\d)(?=[a-zA-Z])", " ", raw))
            # A dollar figure with no scale word (US$5, USD 5000, 5 USD) is in the column's scale: it was read
            # as 元 of that scale, the dollar dropped unsaid.
            dollars = Unit(default.wan, True) if _EN_USD.search(raw) and not default.other else None
            suffix = _EN_CURRENCY_WORDS.sub("", en.group(2)).replace(" ", "").rstrip(".").lower()
            if named is None and suffix:
                # A scale word without a currency (5m, 5M, 5 mn, 3.2bn, 800k): that many of the column's
                # currency's units (5m: 500万元, or 500万美元 in a dollar column), whatever scale its header
                # states, as 5亿 is. It was read as 5 of the column's unit (5万元). Any other word: no amount.
                multiplier = _MULTIPLIERS.get(suffix) or _SHORTHAND.get(suffix)
                if multiplier is None:
                    return Amount(None, "amount_unparsable", True)
                named = Unit(multiplier / 1e4, default.usd)
            unit = (dollars or default) if not en.group(2).strip() or named is None else named
            value = float(en.group(1)) * unit.wan
    if unit.usd:
        return Amount(value * usd_rate, code or "amount_usd")
    return Amount(value, code)


_SIMPLE = (r"^(?:约|超过|超|逾|近|达|总投资|计划总投资)?\s*(\d+(?:\.\d+)?)\s*(?:多|余)?\s*"
           r"(亿元|亿|千万元|千万|万元|万|元)?\s*(?:以上|左右)?$")
_SIMPLE_UNITS = {"亿元": 10_000.0, "亿": 10_000.0, "千万元": 1_000.0, "千万": 1_000.0, "万元": 1.0, "万": 1.0,
                 "元": 0.0001}


# The two patterns above for Arrow's regular expressions (RE2), used on a column of Arrow strings whose
# digits are all 0-9: RE2's \d and \s are ASCII only, so \s is spelled out as Python reads it (every
# character str.isspace() accepts; none lies above U+3000), and Python's $ also matches before a final
# line break. Arrow extracts named groups only.
SPACE_RE2 = "[" + "".join(f"\\x{{{c:x}}}" for c in range(0x3001) if chr(c).isspace()) + "]"
_OTHER_DIGIT_RE2 = r"[^\P{Nd}0-9]"  # a decimal digit other than 0-9, which Python's \d also reads


def _re2(pattern: str) -> str:
    groups = iter(range(1, 100))
    body = re.sub(r"\((?!\?)", lambda _m: f"(?P<g{next(groups)}>", pattern.removeprefix("^").removesuffix("$"))
    return r"\A" + body.replace(r"\d", "[0-9]").replace(r"\s", SPACE_RE2) + r"\n?\z"


_GROUPED_NUMBER_RE2 = _re2(_GROUPED_NUMBER).removesuffix(r"\n?\z") + r"\z"  # fullmatch: nothing after it
_SIMPLE_RE2 = _re2(_SIMPLE)


def _ascii_digits(cells: pd.Series) -> pa.Array | None:
    """The column as an Arrow array when it is one of Arrow strings with no digit other than 0-9 (then
    Arrow's regular expressions read it as Python's do), else None."""
    if not (isinstance(cells.dtype, pd.StringDtype) and cells.dtype.storage == "pyarrow"):
        return None
    arr = pa.array(cells)
    return None if pc.any(pc.match_substring_regex(arr, _OTHER_DIGIT_RE2)).as_py() else arr


def _fullmatch(cells: pd.Series, pattern: str, re2: str) -> pd.Series:
    arr = _ascii_digits(cells)
    if arr is None:
        return cells.str.fullmatch(pattern, na=False)
    return pd.Series(pc.fill_null(pc.match_substring_regex(arr, re2), False).to_numpy(zero_copy_only=False),
                     index=cells.index)


def _extract(cells: pd.Series, pattern: str, re2: str) -> pd.DataFrame:
    """``cells.str.extract(pattern)``: each group a column, missing where the cell does not match (and,
    by Arrow, empty where an optional group took no part: read alike below)."""
    arr = _ascii_digits(cells)
    if arr is None:
        return cells.str.extract(pattern)
    found = pc.extract_regex(arr, re2)
    return pd.DataFrame({i: pd.Series(pc.struct_field(found, [i]).to_pandas().array, index=cells.index)
                         for i in range(found.type.num_fields)})


# A cell Arrow reads as pandas does (checked digit for digit on a million such cells): up to 15 digits
# with at most one point inside; a cell with a Chinese character in it is no number to either.
_SHORT_DECIMAL_RE2 = r"\A[0-9]+(?:\.[0-9]+)?\z"
_HAN_RE2 = r"[\x{4e00}-\x{9fff}]"


def _numbers(cells: pd.Series) -> pd.Series:
    """``pd.to_numeric(cells, errors="coerce")`` as floats: for a column of Arrow strings, the short
    decimals (most amounts) cast by Arrow and the cells with a Chinese character (约5亿元) missing without
    a look; pandas parses the rest."""
    if not (isinstance(cells.dtype, pd.StringDtype) and cells.dtype.storage == "pyarrow") or cells.isna().any():
        return pd.to_numeric(cells, errors="coerce")
    arr = pa.array(cells)
    short = pc.and_(pc.match_substring_regex(arr, _SHORT_DECIMAL_RE2), pc.less_equal(pc.utf8_length(arr), 15))
    short_ = short.to_numpy(zero_copy_only=False)
    out = np.full(len(cells), np.nan)
    out[short_] = pc.cast(pc.filter(arr, short), pa.float64()).to_numpy(zero_copy_only=False)
    rest = ~short_ & ~pc.match_substring_regex(arr, _HAN_RE2).to_numpy(zero_copy_only=False)
    if rest.any():
        out[rest] = pd.to_numeric(cells[rest], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return pd.Series(out, index=cells.index)


# Dots grouping thousands (German, Italian, Spanish, Russian spreadsheets: 12.500.000): two or more groups can
# only be that; one (1.500) is a decimal unless a cell of its column has two groups. It was read as 1.5, and
# 12.500.000 as "not an amount". Read as thousands where unambiguous, said by row (amount_dot_grouping).
_DOT_GROUPS = r"^\d{1,3}(?:\.\d{3}){2,}(?:\s*(?:万元|亿元|元|万|亿))?$"
_DOT_GROUP = r"^\d{1,3}\.\d{3}(?:\s*(?:万元|亿元|元|万|亿))?$"
_DOT_GROUPS_RE2, _DOT_GROUP_RE2 = _re2(_DOT_GROUPS), _re2(_DOT_GROUP)


def parse_amounts(cells: pd.Series, default: Unit, usd_rate: float) -> tuple[np.ndarray, pd.Series]:
    """A column into (万元 as float with NaN for missing, problem code per row or None)."""
    cells = cells.fillna("").astype(str)
    stripped = cells.str.strip()
    dotted = _fullmatch(stripped, _DOT_GROUPS, _DOT_GROUPS_RE2)
    if dotted.any():  # 12.500.000 in the column: its 1.500 groups thousands too
        dotted |= _fullmatch(stripped, _DOT_GROUP, _DOT_GROUP_RE2)
        cells = cells.where(~dotted, stripped.str.replace(".", "", regex=False))
        stripped = cells.str.strip()
    # Commas only where they group thousands (1,250,000); 1,2,3 is left for parse_amount to refuse.
    grouped = _fullmatch(stripped, _GROUPED_NUMBER, _GROUPED_NUMBER_RE2)
    if grouped.any():
        stripped = stripped.where(~grouped, stripped.str.replace(",", "", regex=False))
    plain = _numbers(stripped)
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
    written = rest.copy()  # the cells that are no plain number (约5亿元): the only ones a bound can be in
    if rest.any():
        # The common written forms (约5亿元, 3000万, 2000多万元) in one vectorised pass.
        simple = _extract(cells[rest], _SIMPLE, _SIMPLE_RE2)
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
    if written.any():  # only cells that are no plain number (约5亿元): the rare rows, one regex pass over them
        idx = np.flatnonzero(written)
        idx = idx[~np.isnan(values[idx]) & codes.iloc[idx].isna().to_numpy()]
        sub = pa.array(cells.iloc[idx].astype(str).str.strip(), type=pa.string())
        for code, pattern in (("amount_approximate", _APPROXIMATE), ("amount_lower_bound", _LOWER_BOUND)):
            # Arrow's regex (RE2, in C++): a Python one over 60,000 written amounts cost the import seconds
            hit = pc.match_substring_regex(sub, pattern).to_numpy(zero_copy_only=False).astype(bool)
            codes.iloc[idx[hit]] = code
    if dotted.any():
        regrouped = dotted.to_numpy(dtype=bool) & codes.isna().to_numpy() & ~np.isnan(values)
        codes[regrouped] = "amount_dot_grouping"
    return values, codes


# A figure read from a lower bound (≥5000万元, 5000万元以上, 不低于, 超过1亿元, 5000余万元, 15亿余元: "more than")
# or an approximation (约2000万, 1亿元左右, 近5000万元) is stored as the figure, with a warning by row saying it is
# no exact amount; a bound that comes last in the cell wins (约5000万元以上 is a bound).
_APPROXIMATE = r"^(?:预计|计划|总投资)?(?:约合|约|大约|近|接近|将近)|(?:左右|上下)$"
_LOWER_BOUND = (r"^(?:预计|计划|总投资)?(?:约)?(?:超过|超|逾|不低于|不少于|大于|多于|高于|≥|≧|>|＞|>=)"
                r"|[0-9０-９]\s*(?:亿|万|千万)?(?:多|余)|(?:以上|\+|＋)$")
# An upper bound (5000万元以下, 不超过1亿元, <2亿元) says nothing of the amount but that it is below: refused.
_UPPER_BOUND = re.compile(r"^(?:不超过|不高于|不足|低于|少于|小于|未超过|≤|<|<=)|(?:以下|以内)$")


# ------------------------------------------------------------------------------------ amounts in free text

# A free-text cell (项目概况, 建设内容) naming the project's total investment: 项目总投资2882万元, 总投资约1.2亿元,
# 计划总投资3.5亿元. 总投资 is the project's total only when nothing but these words stands before it in its
# clause: 环保总投资, 其中一期总投资, 占总投资 and the like name another figure, and are never read.
TEXT_TOTAL_WORD = "总投资"
_TEXT_CLAUSE_END = re.compile(r"(?s).*[，,。；;：:、！!？?\s()（）\[\]【】“”\"'《》]")  # up to the last one
_TEXT_TOTAL_LEAD = re.compile(r"(?:本|该|此)?(?:建设)?(?:项目|工程)?(?:计划|估算|预计|拟|概算|预算|动态|静态)?|"
                              r"[^，,。；;：:、]*(?:项目|工程)(?:计划|估算|预计|拟)?")
# Words that make the 总投资 after them a part's or another figure's, even after a project's name (年产10万吨
# 融雪剂项目总投资 is the project's; 其中一期工程总投资, 配套升压站工程总投资 and 环保工程总投资 are not).
_TEXT_TOTAL_PART = re.compile(r"其中|占|环保|期|新增|累计|已|完成|年度|剩余|配套|部分|子项|单项|分项|含")
_CN_START = "〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾"
_CN_BODY = _CN_START + "百佰千仟万亿点"
# After 总投资: the link words (额, 为, 约为, 人民币, a colon), a bound or approximation (约, 超过, 不超过…), the
# figure with its unit (万元, 亿元, 元, 万美元; 万 or 亿 alone), and a bound after it (以上, 左右, 以下…).
_TEXT_TOTAL_AFTER = re.compile(
    r"额?(?:估算|概算|预计)?(?:为|是|共计|共|合计|计|:|人民币|\s)*"
    r"(?P<bound>约|大约|近|接近|将近|超过|超|逾|达到|达|不低于|不少于|不超过|不高于|不足|低于|少于)?"
    r"(?:为|是|:|人民币|\s)*"
    r"(?P<core>[0-9" + _CN_START + r"](?:[0-9]|\.(?=[0-9])|,(?=[0-9]{3}(?![0-9]))|[" + _CN_BODY + r"])*"
    r"\s*(?:多|余)?\s*(?:万|亿)?(?:美元|美金|元)?)"
    r"(?P<tail>以上|左右|上下|以下|以内)?")
_TEXT_UNIT = re.compile(r"[万亿元]")
# A hidden figure after 总投资 (项目总投资*元, 总投资为×××万元, 总投资（略）): the same link words, the mask, its unit.
_TEXT_TOTAL_MASKED = re.compile(r"额?(?:估算|概算|预计)?(?:为|是|约|共计|合计|:|人民币|\s)*"
                                r"(?P<core>" + MASK + r"\s*(?:万|亿)?(?:美元|美金|元)?)")
# A total whose figure a repost lost (项目总投资万元, 总投资为亿元): the link words and the unit, no figure before it.
_TEXT_TOTAL_LOST = re.compile(r"额?(?:估算|概算|预计)?(?:为|是|约|共计|合计|:|人民币|\s)*"
                              r"(?P<core>(?:万|亿)?(?:美元|美金|元))")
LOST_FIGURE = re.compile(r"^(?:万|亿)?(?:美元|美金|元)$")
_HAS_FULLWIDTH = re.compile("[" + re.escape("０１２３４５６７８９．，－＋％（）～：；　／") + "]")


def total_in_text(text: str) -> list[str]:
    """The amounts a free-text cell names as the project's total investment, each as written with its bound
    (约1.2亿元, 2882万元, 5000万元以上), in the order they appear; [] when it names none. Only a figure with
    its unit after 总投资 is one: 总投资的5% and a 总投资 another word qualifies (环保总投资, 其中一期总投资,
    占总投资) are not."""
    out = []
    start = text.find(TEXT_TOTAL_WORD)
    while start >= 0:
        # Only around the word is read (in half-width forms): a clause's lead words before it, a name and 项目
        # at most, and the link words and figure after it.
        window = max(0, start - 40)
        s = text[window:start + 60]
        s = halfwidth(s) if _HAS_FULLWIDTH.search(s) else s
        at = start - window
        last = _TEXT_CLAUSE_END.match(s, 0, at)
        clause = last.end() if last else 0
        after = _TEXT_TOTAL_AFTER.match(s, at + len(TEXT_TOTAL_WORD))
        lead = s[clause:at]
        own = _TEXT_TOTAL_LEAD.fullmatch(lead) and not _TEXT_TOTAL_PART.search(lead)
        hidden = None if after or not own else _TEXT_TOTAL_MASKED.match(s, at + len(TEXT_TOTAL_WORD))
        if after and own and _TEXT_UNIT.search(after.group("core")):
            bound = after.group("bound") or ""
            out.append(("" if bound in ("达", "达到") else bound) + re.sub(r"[,\s]", "", after.group("core"))
                       + (after.group("tail") or ""))
        elif hidden:  # 总投资*元: a total the text names and hides (said as such, not passed over)
            out.append(re.sub(r"\s", "", hidden.group("core")))
        elif own and not after:
            lost = _TEXT_TOTAL_LOST.match(s, at + len(TEXT_TOTAL_WORD))
            if lost:  # 项目总投资万元: the figure is gone (a repost dropped the digits); said, not passed over
                out.append(lost.group("core"))
        start = text.find(TEXT_TOTAL_WORD, start + len(TEXT_TOTAL_WORD))
    return out


# ---------------------------------------------------------------------------------------------- years

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# 2026/27 (a slash, as a season or fiscal year is written) too: its 27 is no month, and the end year was lost.
_SHORT_END = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年)?(?:" + _RANGE_SEP + r"|\s*/\s*)(\d{2})(?:年)?$")


# A full year, a slash and a number of two digits (2026/13, 2026/05): a month, a later year's end, or neither.
_SLASH_NUMBER = re.compile(r"^((?:19|20)\d{2})\s*年?\s*[/.]\s*(\d{2})\s*年?$")


# 202612 and 20261231 (a year-month or a date written without separators) are read as their year.
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[12]\d|3[01]))?(?!\d)")
_FIVE_YEAR_PLANS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_EPOCH = np.datetime64("1899-12-30")
# Two serial dates joined by a range mark or a slash (45292-46387, 45292/46387: a start and an end cell pasted
# together); five digits each, so 2024/2026 is no such pair.
_SERIAL_RANGE = re.compile(r"^(\d{5}(?:\.\d+)?)(?:" + _RANGE_SEP + r"|\s*/\s*)(\d{5}(?:\.\d+)?)$")
# Three or more full years chained by range marks (2024-2026-2028, 2024~2026~2028): no one start and end.
_YEAR_CHAIN = re.compile(r"^(?:19|20)\d{2}\s*年?(?:" + _RANGE_SEP + r"(?:19|20)\d{2}\s*年?){2,}$")


def _serial_year(serial: str) -> int:
    """The year of an Excel date serial number (46022: 2026)."""
    return int(str(_EXCEL_EPOCH + np.timedelta64(int(float(serial)), "D"))[:4])


def _years_of(text: str) -> tuple[float, float, int]:
    """(first year, last year, how many) in a cell such as 2023-2026, 2023年—2026年, 2023.3-2025.12,
    2026-12 (a year and month: 2026 only), 2024-26 (2024 to 2026), 202612, 2026-12-31, or an Excel
    date serial number (46022)."""
    s = halfwidth(text).strip()
    if _EXCEL_SERIAL.match(s) and 20_000 <= float(s) <= 80_000:
        year = _serial_year(s)
        return float(year), float(year), 1
    serials = _SERIAL_RANGE.match(s)
    if serials and all(20_000 <= float(g) <= 80_000 for g in serials.groups()):
        # 45292-46022: two dates of a range, each an Excel serial number (a start and an end cell pasted
        # together as numbers): the years they are. Left empty before, with "no year".
        return float(_serial_year(serials.group(1))), float(_serial_year(serials.group(2))), 2
    s = _COMPACT_DATE.sub(r"\1", s)
    found = _YEAR.findall(s)
    if not found:  # 十四五期间: the five-year plan's years
        plan = next((years for word, years in _FIVE_YEAR_PLANS.items() if word in s), None)
        if plan:
            return float(plan[0]), float(plan[1]), 2
    if len(found) == 1:
        short = _SHORT_END.search(s)
        if short:
            first = int(short.group(1))
            tail = int(short.group(2))
            end = first // 100 * 100 + tail
            # 2026-12 is December 2026 (a range cannot end before it starts); 2024-26 is 2024 to 2026.
            if end >= first:
                return float(first), float(end), 2
    if not found:
        return np.nan, np.nan, 0
    return float(found[0]), float(found[-1]), len(found)


# Two-digit years, read only in a year column and only when the whole cell is made of years: 24, '24, 24年,
# 24年3月, 24.3, 24-26年, 24.3-26.12, 24年3月—26年12月, and ranges with one full year (24-2026,
# 2024年3月-26年12月). A two-digit year beside a full one takes its century (as 2024-26 always has); alone,
# the century follows POSIX strptime's %y (as Python's does): 00-68 are 2000-2068, 69-99 are 1969-1999
# (these then meet the before-1990 check).
_QUOTES = "’‘'`´′"  # an apostrophe before a two-digit year: '24
_YEAR_PART = "[" + _QUOTES + r"]?((?:19|20)\d{2}|\d{2})(?:年(?:(\d{1,2})月份?)?|[./](\d{1,2})月?)?"
_YEAR_PARTS = re.compile(_YEAR_PART + r"(?:" + _RANGE_SEP + _YEAR_PART + r")?年?")
_SHORT_PIVOT = 69


def short_years_of(text: str) -> tuple[float, float, bool] | None:
    """(first year, last year, bare) for a cell of years of which one at least has two digits, else
    None; ``bare`` is a lone number with nothing that marks it as a year (24, 24年: in a period column
    that may be a duration). ``YY-ZZ`` is a range when ZZ is not before YY, else year and month (24-12:
    December 2024), as ``2026-12`` is read."""
    m = _YEAR_PARTS.fullmatch(halfwidth(text).strip())
    if m is None:
        return None
    y1, m1, m1b, y2, m2, m2b = m.groups()
    if len(y1) == 4 and (y2 is None or len(y2) == 4):
        return None                                   # full years only: not this reader's
    if any(month is not None and not 1 <= int(month) <= 12 for month in (m1, m1b, m2, m2b)):
        return None
    if y2 is None:
        bare = m1 is None and m1b is None and m.group(0)[0] not in _QUOTES
        first = _century(y1, None)
        return float(first), float(first), bare
    first, last = _century(y1, y2), _century(y2, y1)
    if last < first and len(y2) == 2 and int(y2) <= 12 and not any((m1, m1b, m2, m2b)):
        return float(first), float(first), False     # 24-12: a year and its month
    return float(first), float(last), False


def _century(year: str, beside: str | None) -> int:
    """A year's four digits: as written, else the century of the full year beside it, else POSIX's."""
    if len(year) == 4:
        return int(year)
    if beside is not None and len(beside) == 4:
        return int(beside) // 100 * 100 + int(year)
    return (1900 if int(year) >= _SHORT_PIVOT else 2000) + int(year)


# One year said to be when the work ends (2024年底完成一期主体建设, 2025年前建成投产, 2026年6月竣工): an end
# year, not a start; a cell that also says when work starts (2024年3月底开工) or names the preliminary stage
# (2023年前期工作, 2023年完成前期手续: the 前期 that comes before the works) is not.
_END_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?[^,，;；。]{0,6}?(?:底|末|前|完成|建成|竣工|完工|投产|交付|达产|投用)")
_START_WORD = re.compile(r"开工|开始|启动|动工|起|前期")
# One year after "until" (至2026年, 到2026, ~2026): the end, not the start.
_UNTIL_YEAR = re.compile(r"^\s*(?:至|到|截至|截止|直至|直到|止于|~|～|-|—|–)\s*(?:19|20)\d{2}(?!\d)")


_NUMERAL_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_NUMERAL_YEAR = re.compile(r"(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2}")


def numeral_years(text: str) -> str:
    """A year written digit by digit in Chinese numerals (二〇二四年, 二零二六) as digits (2024年), as official
    documents date themselves; every other text as it is (十四五 and 二季度 are no such year)."""
    if "〇" not in text and "○" not in text and "零" not in text and "一九" not in text:
        return text
    return _NUMERAL_YEAR.sub(lambda m: m.group().translate(_NUMERAL_DIGITS), text)


# A year typed into a cell formatted as a date (2024 shown as 1905-07-16: day 2,024 of Excel's 1900 calendar, or
# 1909-07-17 in the 1904 one): the reader hands on the date Excel shows, whose year (1905) was then refused as
# implausible and the year lost. Such a date, whose day number is a plausible year, is read as that year, said.
_YEAR_AS_DATE = re.compile(r"(1905|1909)-(\d\d)-(\d\d)(?:[ T]00:00(?::00)?)?")
_EPOCHS = {"1905": dt.date(1899, 12, 30), "1909": dt.date(1904, 1, 1)}


def _year_typed_in_date_cell(text: str) -> int | None:
    m = _YEAR_AS_DATE.fullmatch(text)
    if m is None:
        return None
    try:
        day = (dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) - _EPOCHS[m.group(1)]).days
    except ValueError:
        return None
    return day if 1990 <= day <= 2100 else None


# A year an OCR pass (or an input method) wrote with letters or a numeral for digits: four characters of digits and
# O, o, I, l, S, B, 〇, ○, at least one digit and one such letter, standing alone, that make a year 1900–2099 read
# as digits (2O24, 2〇24, l998, 2o25).
_OCR_YEAR = re.compile(r"(?<![A-Za-z0-9])[0-9OoIlSB〇○]{4}(?![A-Za-z0-9])")
_OCR_YEAR_DIGITS = str.maketrans("OoIlSB〇○", "00115800")


def ocr_year_digits(text: str) -> str | None:
    """The cell with its OCR-lettered years as digits (2O24-2O26 → 2024-2026), or None if it holds none."""
    if not re.search("[OoIlSB〇○]", text):
        return None
    found = False

    def digits(m: re.Match[str]) -> str:
        nonlocal found
        token = m.group()
        read = token.translate(_OCR_YEAR_DIGITS)
        if token != read and re.search(r"\d", token) and re.fullmatch(r"(?:19|20)\d\d", read):
            found = True
            return read
        return token

    out = _OCR_YEAR.sub(digits, halfwidth(text))
    return out if found else None


def parse_years(cells: pd.Series, *, period: bool = False) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """(first year, last year, code) per row; a non-empty cell without a year is 'year_unparsable'.

    A cell of two-digit years (24-26年, '24, 24-2026) is read by :func:`short_years_of` and coded
    'year_two_digit' (a warning saying how it was read: no silent guess); in a ``period`` column
    (建设年限, 建设周期), a lone 24 or 24年 may be a duration, so it is left empty and coded
    'year_two_digit_unclear'. One year said to be the end (2024年底完成, 2025年前建成) is coded 'year_end'."""
    cells = cells.fillna("").astype(str).str.strip()
    which, distinct = pd.factorize(cells)
    distinct = [numeral_years(u) for u in distinct]
    parsed = [_years_of(u) for u in distinct]
    code_of: list[str | None] = []
    for i, (u, p) in enumerate(zip(distinct, parsed, strict=True)):
        ocr = ocr_year_digits(u)
        if ocr is not None:
            # 2O24-2O26, 2〇24, l998: letters an OCR (or an input method) put for digits. Never read as digits, as in
            # an amount (15OOOO is refused: an O may be a letter, and a scan that misread one figure may misread
            # the next); the year is left empty as any unreadable year is, and said with the digits they may be.
            # 2O24-2026 was read as 2026 alone, unsaid.
            parsed[i] = (np.nan, np.nan, 0)
            code_of.append("year_ocr_letters")
            continue
        # Three years chained as a range (2024-2026-2028) give no start and end: it was stored as 2024-2028
        # unsaid. Left empty and said by row, as a cell without a year is.
        if p[2] >= 3 and _YEAR_CHAIN.match(halfwidth(u).strip()):
            parsed[i] = (np.nan, np.nan, 0)
            code_of.append("year_chain")
            continue
        slash = _SLASH_NUMBER.match(halfwidth(u).strip())
        if slash and p[2] == 1 and int(slash.group(2)) > 12 and int(slash.group(2)) <= int(slash.group(1)[2:]):
            # 2026/13: its 13 is no month and no later year (2026/27 is 2026–2027): the year before the slash is
            # read, and said (it was read as 2026 unsaid)
            code_of.append("year_slash_unclear")
            continue
        typed = _year_typed_in_date_cell(u)
        if typed is not None:
            parsed[i] = (float(typed), float(typed), 1)
            code_of.append("year_date_serial")
            continue
        # Full years read whole (2 of them, or one alone) need nothing more; one full year beside a
        # two-digit one (24-2026) lost the other, and a cell without a full year may hold two-digit ones.
        if p[2] >= 2 or u.lower() in MISSING:
            code_of.append(None)
            continue
        short = short_years_of(u)
        if short is None or (p[2] == 1 and short[:2] == p[:2]):   # 2026, 2026-12: as read
            ends = (p[2] == 1 and (_END_YEAR.search(u) is not None or _UNTIL_YEAR.match(u) is not None)
                    and _START_WORD.search(u) is None)
            code_of.append("year_unparsable" if p[2] == 0 else "year_end" if ends else None)
        elif short[2] and period:
            parsed[i] = (np.nan, np.nan, 0)
            code_of.append("year_two_digit_unclear")
        else:
            parsed[i] = (short[0], short[1], 2 if short[1] != short[0] else 1)
            code_of.append("year_two_digit")
    first = np.array([p[0] for p in parsed], dtype=float)[which]
    last = np.array([p[1] for p in parsed], dtype=float)[which]
    codes = pd.Series(np.array(code_of, dtype=object)[which], index=cells.index, dtype=object)
    return first, last, codes


def map_distinct(cells: pd.Series, fn: Callable[[str], object] | Mapping[str, object]) -> pd.Series:
    """``cells.map(fn)`` (same values, dtype, index and name), calling ``fn`` (or looking it up, a dict) once per
    distinct value."""
    which, distinct = pd.factorize(cells)
    if (which < 0).any():  # missing cells: let pandas decide what to do with them
        return cells.map(fn)
    mapped = pd.Series(distinct).map(fn)
    return pd.Series(mapped.array.take(which), index=cells.index, name=cells.name)


# --------------------------------------------------------------------------------------------- stages

def stage_key(text: str) -> str:
    return re.sub(r"[\s_\-/·]", "", halfwidth(str(text))).lower()


def stage_of(text: str, aliases: Mapping[str, str | None]) -> str | None:
    """The stage value of a cell or section heading: exact alias first, then the longest alias inside; None
    when none is there or the word found is one no stage holds (an alias to None: 缓建, 暂缓开工)."""
    word = stage_word(text, aliases)
    return None if word is None else aliases[word]


def stage_word(text: str, aliases: Mapping[str, str | None]) -> str | None:
    """The alias :func:`stage_of` reads a cell by (folded), or None."""
    key = stage_key(text)
    if not key:
        return None
    if key in aliases:
        return key
    # Inside a longer text (一、新开工项目, 竣工投产): Chinese aliases only, since English words such
    # as "new" occur inside unrelated phrases.
    for alias in sorted(aliases, key=len, reverse=True):
        if len(alias) >= 2 and _HAN.search(alias) and alias in key:
            return alias
    return None


_HAN = re.compile(r"[\u4e00-\u9fff]")
