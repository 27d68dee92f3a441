"""Which row is the header, and which column is which field.

Headers are matched after normalising (whitespace, full-width brackets, the unit in brackets
removed): exact aliases first, then ordered patterns, so 年度计划投资 is never read as 总投资 and
累计完成投资 is never read as either. A header that matches nothing is *unmapped*: reported, and
its cells kept with the batch.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from .. import taxonomy
from .raw import CONTROL_RE
from .values import Unit, halfwidth, unit_in

# Canonical fields a column can map to (the names `--map HEADER=field` accepts).
FIELDS = (
    "seq", "name", "place", "province", "city", "district", "total_investment", "annual_plan",
    "stage", "years", "start_year", "end_year", "owner", "ownership", "sector", "cluster", "content",
    "unit", "currency",
)
FUNDING_PREFIX = "funding:"
IGNORE = "ignore"   # `--map HEADER=ignore`: keep the column as an unmapped extra value

# (field, pattern) in order; the first pattern that matches a normalised header decides.
_RULES: list[tuple[str | None, str]] = [
    ("seq", r"^(序号|编号|序|no\.?|#|number|item|s/?n)$"),
    # A column saying, row by row, what unit or currency the amounts are in.
    ("unit", r"^(金额|计量|货币|资金|投资额|金额计量)?单位$|^(amount |money |currency |investment )?units?$|"
             r"^unit of (amount|account|measure)"),
    ("currency", r"^(币种|货币|币别|货币种类|币制|结算货币|投资币种|currency|ccy)$"),
    # What a year is planned or expected to take (2023年预计完成投资, 年内计划完成投资): the annual plan.
    ("annual_plan", r"^((19|20)\d{2}年度?|年度|年内|全年|今年|本年|当年)(预计|计划)完成(投资)?$"),
    # Amounts already spent are not what the list plans: keep them as extra columns.
    (None, r"累计|已完成|完成投资|已投资|开工以来|截至|completed invest|invested to date|spent"),
    ("annual_plan", r"年度|当年|本年|今年|年计划|\d{4}年(度)?(计划)?(投资|计划)|annual|this year|"
                    r"\d{4}\s*(plan|planned)|planned.*\d{4}|year(ly)? plan"),
    # One per funding channel, in the taxonomy's order, before 总投资 (whose patterns are broader).
    *((FUNDING_PREFIX + s.slug, s.header_pattern) for s in taxonomy.funding_sources()),
    ("total_investment", r"总投资|投资总额|总额|计划投资|拟投资|匡算投资|投资估算|估算投资|投资额|投资规模|"
                         r"投资金额|^投资$|total.*invest|invest.*total|^investment|investment amount|"
                         r"amount"),
    ("name", r"^(项目)?名称$|项目名称|^项目$|project ?name|^project$|^name$|^name of project|^title$"),
    ("owner", r"项目单位|建设单位|业主|项目法人|实施主体|投资主体|实施单位|承建单位|申报单位|投资方|"
              r"企业名称|签约单位|签约企业|签约方|owner|developer|company|enterprise|sponsor|investor"),
    ("ownership", r"企业性质|所有制|经济类型|单位性质|ownership"),
    ("content", r"建设内容|建设规模|主要内容|项目内容|项目概况|项目简介|简介|规模及内容|"
                r"content|description|scope|summary"),
    ("years", r"起止年限|建设年限|起止年份|建设起止|建设周期|建设期|起止时间|建设期限|年限|"
              r"period|duration|^years?$|timeline|schedule"),
    ("start_year", r"开工|开始|起始|\bstart|commence|\bbegin"),
    ("end_year", r"竣工|完工|建成|投产|结束|\bend\b|\bend ?(year|date)|completion|finish"),
    ("stage", r"建设性质|项目阶段|项目性质|建设状态|项目状态|进展阶段|阶段|性质|stage|status"),
    ("cluster", r"集群|基地|cluster"),
    ("sector", r"领域|行业|产业|板块|类型|类别|sector|industry|field|category"),
    ("province", r"^(所属|所在)?省(份|区|\(区、市\)|\(自治区、直辖市\))?$|^省市$|province"),
    ("city", r"^(所属|所在)?(城市|地市|市州|设区市|市|地级市)$|^city|prefecture"),
    ("district", r"区县|县区|^县|^区$|县\(市、区\)|^(所在|所属|建设)(区|县|县市|市县|旗)$|county|district"),
    ("place", r"建设地点|地点|所在地|所在地区|地区|区域|属地|地址|位置|项目地|^落户|"
              r"^(项目|拟)?选址(地点|位置|地址)?$|location|place|region|"
              r"area|address|site"),
]
_COMPILED = [(f, re.compile(p, re.I)) for f, p in _RULES]
_UNIT_BRACKETS = re.compile(r"[(\[][^()\[\]]*[)\]]")


def normalise_header(text: str) -> str:
    """A header as it is matched. Cached for short texts: every cell of the first rows is compared with
    every funding alias, so a sheet thousands of columns wide asked for it half a million times."""
    text = str(text)
    return _normalised(text) if len(text) <= 200 else _normalise(text)


@functools.lru_cache(maxsize=8192)
def _normalised(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    s = halfwidth(CONTROL_RE.sub("", str(text))).replace("【", "[").replace("】", "]")
    s = re.sub(r"\s+", " ", s).strip()
    s = _UNIT_BRACKETS.sub("", s).strip()
    s = re.sub(r"(单位|unit)\s*[:：]?\s*(万元|亿元|元|万美元|亿美元)$", "", s, flags=re.I)
    s = re.sub(r"[（(]?(万元|亿元|万美元|亿美元)[)）]?$", "", s) or s
    if re.search(r"[\u4e00-\u9fff]", s):
        s = s.replace(" ", "")
    return s.lower().strip(" :：*")


def field_of(header: str, funding_aliases: dict[str, str] | None = None) -> str | None:
    """The field a header names, or None."""
    h = normalise_header(header)
    if not h:
        return None
    for alias, slug in (funding_aliases or {}).items():
        if alias and normalise_header(alias) == h:
            return FUNDING_PREFIX + slug
    for name, pattern in _COMPILED:
        if pattern.search(h):
            return name
    return None


@dataclass
class Header:
    index: int                          # position of the (last) header row in the sheet's cells
    labels: list[str]                   # one label per column ('' becomes 'column N')
    fields: dict[int, str]              # column position -> field
    units: dict[int, Unit] = field(default_factory=dict)   # units stated in the header
    above: list[str] = field(default_factory=list)          # text of the rows above (title, notes)
    repeated: dict[int, int] = field(default_factory=dict)  # a column whose header repeats an earlier one's
    rows: int = 1                       # header rows: 2 when a group header sits over sub-headers


def _row_texts(cells: pd.DataFrame, i: int) -> list[str]:
    """A row's cells as header text: stripped, without control or invisible characters (项目\u200b名称)."""
    return [CONTROL_RE.sub("", str(v)).strip() for v in cells.iloc[i].tolist()]


# How far down a header is looked for: notes and instructions above the table (填报说明, one per row) ran to
# more than 30 rows in real forms, and such a file was refused as having no header.
HEADER_ROWS = 100


def find_header(cells: pd.DataFrame, funding_aliases: dict[str, str] | None = None,
                max_rows: int = HEADER_ROWS) -> Header | None:
    """The first row, among the first ``max_rows``, whose cells name a project name and another field."""
    best: tuple[int, int] | None = None
    for i in range(min(max_rows, len(cells))):
        texts = _row_texts(cells, i)
        filled = [t for t in texts if t]
        if len(filled) < 2:
            continue
        found = [field_of(t, funding_aliases) for t in filled]
        known = {f for f in found if f}
        # A name column and one more; or, without a name column, three known ones (so that the
        # import can say "no name column" rather than "no header").
        if len(known) < (2 if "name" in known else 3):
            continue
        score = len(known) + ("name" in known) * 10
        if best is None or score > best[1]:
            best = (i, score)
        if score >= 13:
            break
    if best is None:
        return None
    return make_header(cells, best[0], funding_aliases)


_NUMBER = re.compile(r"^[+-]?[\d.,\s%]+$")
_YEAR_LABEL = re.compile(r"^(19|20)\d{2}$")
_UNIT_NOTE = re.compile(r"^(单位|unit)\s*[:：]", re.I)


def _filled_right(row: list[str]) -> list[str]:
    """A group header row with each label carried right over the empty cells of its merged span."""
    out, last = [], ""
    for text in row:
        last = text or last
        out.append(last)
    return out


def _is_sub_header(top: list[str], sub: list[str], aliases: dict[str, str] | None) -> bool:
    """Whether ``sub`` (the row under the header found) holds sub-headers of merged group headers in ``top``:
    no numbers, a label under an empty (merged) cell of ``top``, a label that names a field or a unit,
    and nothing under the project-name column (merged down) but the name header itself."""
    filled = [p for p, t in enumerate(sub) if t]
    if len(filled) < 2 or any(_NUMBER.match(sub[p]) and not _YEAR_LABEL.match(sub[p]) for p in filled):
        return False
    name_pos = next((p for p, t in enumerate(top) if t and field_of(t, aliases) == "name"), None)
    if name_pos is not None and sub[name_pos] and field_of(sub[name_pos], aliases) != "name":
        return False
    under_merged = any(p < len(top) and not top[p] for p in filled)
    known = any(field_of(sub[p], aliases) or unit_in(sub[p]) for p in filled)
    return under_merged and known


# A cell that names a money unit and nothing else: （亿元）, 万元, 【单位：亿元】, (million yuan); no digits.
_UNIT_ONLY = re.compile(r"^[(（【\[]?\s*(?:单位\s*[:：]?|unit\s*[:：]?)?\s*[^\d()（）【】\[\]]{1,24}?\s*[)）】\]]?$",
                        re.I)


def _unit_row(row: list[str], header: list[str]) -> dict[int, Unit]:
    """The units of a row under the header that holds nothing but units under labelled columns (总投资 over
    （亿元）, as a header cell whose unit sits on its own line is often split into two rows), else {}."""
    units: dict[int, Unit] = {}
    for pos, text in enumerate(row):
        if not text:
            continue
        unit = unit_in(text) if _UNIT_ONLY.match(text) else None
        if unit is None or pos >= len(header) or not header[pos]:
            return {}
        units[pos] = unit
    return units


def _is_group_row(above: list[str], header: list[str]) -> bool:
    """Whether the row right above the header groups its columns (投资情况（亿元）over 总投资 and 年度计划),
    rather than being a title (one cell, at the left) or a unit note (单位：万元)."""
    filled = [p for p, t in enumerate(above) if t]
    if not filled or any(_UNIT_NOTE.match(above[p]) for p in filled):
        return False
    if len(filled) == 1 and filled[0] == 0:
        return False
    return all(p < len(header) and header[p] for p in filled)


def make_header(cells: pd.DataFrame, index: int, funding_aliases: dict[str, str] | None = None) -> Header:
    """The header at row ``index``, with its group header row above or its sub-header row below if it has one."""
    texts = _row_texts(cells, index)
    group: list[str] = []
    first = index               # the first header row
    if index + 1 < len(cells) and _is_sub_header(texts, _row_texts(cells, index + 1), funding_aliases):
        group, own = _filled_right(texts), texts
        texts = _row_texts(cells, index + 1)
        # A cell merged down over both rows ('项目名称') has no sub-header: it keeps its own label.
        texts = [t or (own[p] if p < len(own) else "") for p, t in enumerate(texts)]
        index += 1
    elif index > 0 and _is_group_row(_row_texts(cells, index - 1), texts):
        first = index - 1
        group = _filled_right(_row_texts(cells, first))
    labels, fields, units, seen, first_of, repeated = [], {}, {}, set(), {}, {}
    for pos, text in enumerate(texts):
        label = re.sub(r"\s+", " ", text) if text else ""
        over = group[pos] if pos < len(group) and group[pos] != label else ""
        shown = f"{over} / {label}" if over and label else label
        labels.append(shown)
        if not label:
            continue
        key = normalise_header(shown) or shown
        if key in first_of:  # the same header twice: the second column is ignored (and said so)
            repeated[pos] = first_of[key]
            continue
        first_of[key] = pos
        f = field_of(label, funding_aliases) or (field_of(over + label, funding_aliases) if over else None)
        if f and f not in seen:
            fields[pos] = f
            seen.add(f)
        unit = unit_in(label) or (unit_in(over) if over else None)
        if unit:
            units[pos] = unit
    below = _unit_row(_row_texts(cells, index + 1), texts) if index + 1 < len(cells) else {}
    if below:  # the units' own row: the body starts under it
        units = {**below, **units}
        index += 1
    # Unlabelled columns keep a name so their cells can be kept: 'column 7' (1-based, as in Excel).
    labels = [lab or f"column {pos + 1}" for pos, lab in enumerate(labels)]
    above = [" ".join(t for t in _row_texts(cells, i) if t) for i in range(first)]
    return Header(index, labels, fields, units, [a for a in above if a], repeated, 1 + bool(group) + bool(below))


def label_key(label: str) -> str:
    """How a `--map` header is compared with a file's: whitespace and bracket forms ignored."""
    return re.sub(r"\s+", "", halfwidth(label)).lower()
