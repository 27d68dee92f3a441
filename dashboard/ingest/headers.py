"""Which row is the header, and which column is which field.

Headers are matched after normalising (whitespace, full-width brackets, the unit in brackets
removed): exact aliases first, then ordered patterns, so 年度计划投资 is never read as 总投资 and
累计完成投资 is never read as either. A header that matches nothing is *unmapped*: reported, and
its cells kept with the batch.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from .. import taxonomy
from ..textchars import unify_radicals
from .raw import CONTROL_RE
from .traditional import simplify_text
from .values import MAX_UNIT_TEXT, Unit, halfwidth, unit_in

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
    # What a project earns or has spent is no amount the list plans (已取得项目收益 / 其中:2024年当年实现收益
    # was read as the year's plan, 预期收益 / 2024年起至项目全周期结束 as an end year); a bond's own attributes
    # in the disclosure tables every county publishes (债券类型: 专项债券, 债券规模: the whole issue) are no
    # project's. Before the annual plan's patterns, whose 当年 / 年度 these headers hold too.
    (None, r"收益|收入|营收|利润|产值|税收|已实现|revenue|income|profit|"
           r"^债券(类型|名称|编码|代码|简称|全称|规模|期限|利率)|资产类型"),
    # A rate or a share is no amount (年计划投资完成率: 78.9% was read as the year's plan, in 亿元).
    (None, r"率$|完成率|比例|占比|比重|增速|百分比|%|percent|ratio|\brate\b|\bshare\b"),
    # What a year is planned or expected to take (2023年预计完成投资, 年内计划完成投资): the annual plan.
    ("annual_plan", r"^((19|20)\d{2}年度?|年度|年内|全年|今年|本年|当年)(预计|计划)完成(投资)?$"),
    # Amounts already spent are not what the list plans: keep them as extra columns.
    (None, r"累计|已完成|完成投资|已投资|开工以来|截至|completed invest|invested to date|spent"),
    ("annual_plan", r"年度|当年|本年|今年|年计划|年投资计划|\d{4}年(度)?(计划)?(投资|计划)|annual|this year|"
                    r"\d{4}\s*(plan|planned)|planned.*\d{4}|year(ly)? plan"),
    # One per funding channel, in the taxonomy's order, before 总投资 (whose patterns are broader).
    *((FUNDING_PREFIX + s.slug, s.header_pattern) for s in taxonomy.funding_sources()),
    ("total_investment", r"总投资|投资总额|总额|计划投资|拟投资|匡算投资|投资估算|估算投资|投资额|投资规模|"
                         r"投资金额|^投资$|total.*invest|invest.*total|^investment|investment amount|"
                         r"amount"),
    # 工程名称; 香港's 工程计划说明 (a Finance Committee paper's project, 工程計劃 = project) and 台湾's 计画名称
    # (計畫名稱, read as 计划名称): the project's name in their lists, told to be mapped by hand before.
    ("name", r"^(项目)?名称$|项目名称|^项目$|^工程(计划)?(名称|说明)$|^计划名称$|project ?name|^project$|^name$|"
             r"^name of project|^title$"),
    ("owner", r"项目单位|建设单位|业主|项目法人|实施主体|投资主体|实施单位|承建单位|申报单位|投资方|"
              r"企业名称|签约单位|签约企业|签约方|owner|developer|company|enterprise|sponsor|investor"),
    ("ownership", r"企业性质|所有制|经济类型|单位性质|ownership"),
    # 基本情况: 兰州's notice wrote each project's summary, its 工程总投资 included, under it (unread, no amount).
    ("content", r"建设内容|建设规模|主要内容|项目内容|项目概况|工程概况|工程内容|^概况$|项目简介|简介|规模及内容|"
                r"基本情况|content|description|scope|summary"),
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
    s = unify_radicals(halfwidth(CONTROL_RE.sub("", str(text)))).replace("【", "[").replace("】", "]")
    s = re.sub(r"\s+", " ", s).strip()
    s = _UNIT_BRACKETS.sub("", s).strip()
    s = re.sub(r"(单位|unit)\s*[:：]?\s*(万元|亿元|元|万美元|亿美元)$", "", s, flags=re.I)
    s = re.sub(r"[（(]?(万元|亿元|万美元|亿美元)[)）]?$", "", s) or s
    if re.search(r"[\u4e00-\u9fff]", s):
        s = s.replace(" ", "")
    return s.lower().strip(" :：*")


# Characters past which a cell is no column header: the longest real one, three header rows joined
# (跟踪期情况(截至2023年末) / 已实现投资情况 / 其中:债券资金安排), is under 50.
MAX_LABEL = MAX_UNIT_TEXT


# A bond issue's amount in a bond disclosure (本次发行额, 债券发行金额, 本期发行规模): what one issue lends the project,
# not its total investment, and no channel by itself (a disclosure lists a project once per issue, 专项 or 一般).
# No field takes it; the import says so (importer: ``column_bond_issue_amount``) and how to map it.
_BOND_ISSUE_AMOUNT = re.compile(r"^(本次|本期|当期|此次)?(债券)?发行(金额|额|规模|额度)|^债券(发行)?(金额|额度)$|"
                                r"^(本次|本期)(债券)?(金额|额度|规模)$|bond issue (amount|size)|amount issued", re.I)


def is_bond_issue_amount(header: str) -> bool:
    """Whether a header names the amount a bond issue lends (本次发行额), which no field takes."""
    return bool(_BOND_ISSUE_AMOUNT.search(normalise_header(header)))


def field_of(header: str, funding_aliases: dict[str, str] | None = None) -> str | None:
    """The field a header names, or None."""
    return _rule_of(header, funding_aliases)[0]


def _rule_of(header: str, funding_aliases: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """(the field a header names, whether a rule decided it): (None, True) for a header a rule keeps out
    of every field (累计完成, 项目收益), (None, False) for one no rule knows. A cell longer than any header
    (:data:`MAX_LABEL`) names no field: the rules' patterns over a 50 MB one-line "header" ran for minutes."""
    if len(header) > MAX_LABEL:
        return None, False
    h = normalise_header(header)
    if not h:
        return None, False
    for alias, slug in (funding_aliases or {}).items():
        if alias and normalise_header(alias) == h:
            return FUNDING_PREFIX + slug, True
    for name, pattern in _COMPILED:
        if pattern.search(h):
            return name, True
    return None, False


def _kept_out(header: str, funding_aliases: dict[str, str] | None = None) -> bool:
    """Whether a rule keeps the header out of every field: a group header over sub-headers (已取得项目收益 over
    合计 | 其中:2024年当年实现收益) decides for them, whatever their own words."""
    f, ruled = _rule_of(header, funding_aliases)
    return f is None and ruled


@dataclass
class Header:
    index: int                          # position of the (last) header row in the sheet's cells
    labels: list[str]                   # one label per column ('' becomes 'column N')
    fields: dict[int, str]              # column position -> field
    units: dict[int, Unit] = field(default_factory=dict)   # units stated in the header
    above: list[str] = field(default_factory=list)          # text of the rows above (title, notes)
    repeated: dict[int, int] = field(default_factory=dict)  # a column whose header repeats an earlier one's
    rows: int = 1                       # header rows: group headers over sub-headers, units, column numbers
    long_labels: list[int] = field(default_factory=list)  # columns read by their label's first MAX_LABEL characters


def _row_texts(cells: pd.DataFrame, i: int) -> list[str]:
    """A row's cells as header text: stripped, without control or invisible characters (项目\u200b名称)."""
    return [CONTROL_RE.sub("", str(v)).strip() for v in cells.iloc[i].tolist()]


# How far down a header is looked for: notes and instructions above the table (填报说明, one per row) ran to
# more than 30 rows in real forms, and such a file was refused as having no header.
HEADER_ROWS = 100


def find_header(cells: pd.DataFrame, funding_aliases: dict[str, str] | None = None,
                max_rows: int = HEADER_ROWS, named: Collection[str] = (), lone_name: bool = False) -> Header | None:
    """The first row, among the first ``max_rows``, whose cells name a project name and another field.

    ``named``: the label keys (:func:`label_key`) a person maps to the name (``--map 备注=name``). A list
    whose names stand under another header (a county's bond disclosure prints them under 备注) has no
    项目名称 cell, so no header was found and the mapping was never applied: every row was refused.
    ``lone_name``: a row of labels with a name column and none other known (项目名称 | 审批文号 | 审批时间)
    is a header too; asked for only when no header is found otherwise, and the sheet is no form (营口's
    decisions were refused as having no header, and told to map a name column they had; what they lack is a
    place)."""
    best: tuple[int, int] | None = None
    for i in range(min(max_rows, len(cells))):
        texts = _row_texts(cells, i)
        filled = [t for t in texts if t]
        if len(filled) < 2:
            continue
        found = ["name" if named and label_key(t) in named else field_of(t, funding_aliases) for t in filled]
        known = {f for f in found if f}
        # A name column and one more; or, without a name column, three known ones (so that the
        # import can say "no name column" rather than "no header").
        if lone_name and known == {"name"} and len(filled) >= 3 \
                and all(len(t) <= MAX_LABEL and not is_number(t) for t in filled):  # a form's line has two
            known = {"name", ""}
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


# A column whose cells read as projects' names, or as the titles of their reports or of the decisions on them
# (…项目, …工程, …环境影响报告表的批复, …报告表审批): the column to map to the name when no header names one.
SHORT_LABEL = 20  # characters: a column's label, not a title or a sentence
_PROJECT_LIKE = re.compile(r"(?:项目|工程|批复|审批)[)）]?$|环境影响(?:评价)?(?:报告|登记)")


def name_column_hint(cells: pd.DataFrame, max_rows: int = HEADER_ROWS, below: int = 50) -> tuple[str, str] | None:
    """(label, an example cell) of the column a person would map to the name, for a sheet where no header
    was found: the first row of two or more labels with a column under it whose cells mostly read as projects
    (``_PROJECT_LIKE``). A decision table (文件名称 | 文号 | 日期: 贵州, 元谋) or a notice naming its projects in
    备注 (大姚) was told to map "such as 备注" whatever its columns were; None where no column reads so."""
    for i in range(min(max_rows, len(cells) - 1)):
        texts = _row_texts(cells, i)
        labels = [(c, t) for c, t in enumerate(texts) if t and len(t) <= SHORT_LABEL and not is_number(t)]
        if len(labels) < 2 or len(labels) < sum(1 for t in texts if t):
            continue
        best: tuple[int, str, str] | None = None
        for c, label in labels:
            column = [CONTROL_RE.sub("", str(v)).strip() for v in cells.iloc[i + 1:i + 1 + below, c].tolist()]
            filled = [v for v in column if v]
            like = [v for v in filled if _PROJECT_LIKE.search(v)]
            if like and 2 * len(like) >= len(filled) and (best is None or len(like) > best[0]):
                best = (len(like), label, like[0])
        if best is not None:
            return best[1], best[2]
    return None


def reads_as_prose(cells: pd.DataFrame, max_rows: int = HEADER_ROWS) -> bool:
    """Whether a sheet with no header is running text: at least half of its first lines are sentences (60
    characters or more, with a full stop), however a delimiter split them. A news item or a notice naming its
    projects in a sentence (忠县's 15 projects, 郑州经开区's four) was told to map a column to the name."""
    rows = [[t for t in _row_texts(cells, i) if t] for i in range(min(max_rows, len(cells)))]
    lines = [(sum(map(len, r)), " ".join(r)) for r in rows if r]  # (its characters, its cells spaced apart)
    sentences = sum(1 for n, t in lines if n >= 60 and _SENTENCE_END.search(t))
    return sentences > 0 and 2 * sentences >= len(lines)


# A sentence's end: a Chinese full stop, or an English one after a word (…of 530 million yuan.), not a decimal
# point (9.88) or an abbreviation inside a cell. English news items (河池's five signed projects, 永兴's four)
# were read as a table of sentence fragments, or told to map "such as 备注".
_SENTENCE_END = re.compile(r"。|[A-Za-z]{2}[.!?](?:\s|$)")


def field_column(cells: pd.DataFrame, funding_aliases: dict[str, str] | None = None, max_rows: int = 30,
                 max_columns: int = 3) -> tuple[int, list[str]] | None:
    """A sheet that lists a project down its rows (项目名称 | X, 建设地点 | Y: a form, or an approval notice
    copied from a web page): the column, among the first ``max_columns``, whose cells name a project name and
    another field with a value to their right, and those labels; None if none does. Looked at only when no
    header was found (the refusal said to map a column to the name, which does not help such a sheet)."""
    top = cells.head(max_rows)
    for col in list(top.columns)[:max_columns]:
        labels, fields = [], set()
        for i, text in enumerate(top[col].tolist()):
            label = CONTROL_RE.sub("", str(text)).strip()
            pair = _LABEL_VALUE.match(label)
            # a line of label:value whose value a delimiter split (建设内容及规模:…班级, 提供…学位): its label
            # (a form's labels are short: a cell longer than a label names no field there, as 香港's project
            # 西九龙雨水排放系统改善计划 ─ 第1、第2及第3阶段 was read as a stage label beside its recommendation)
            found = (field_of(label, funding_aliases)
                     if label and len(label) <= SHORT_LABEL and not is_number(label) and not pair else None)
            right = top.iloc[i, top.columns.get_loc(col) + 1:]
            if found and found != "seq" and (right.astype(str).str.strip() != "").any():
                labels.append(label)
                fields.add(found)
            elif pair and (found := field_of(pair[1], funding_aliases)) and found != "seq":
                # 项目名称:田家街道污水处理厂工程, one line each (盘锦大洼's notice)
                labels.append(pair[1])
                fields.add(found)
        if "name" in fields and len(fields) >= 2:
            return int(col), labels
    return None


# A form's line of a label and its value in one cell (项目名称：…, 建设地点:…): the label short, a value after it.
_LABEL_VALUE = re.compile(r"^([^:：]{2,12}?)\s*[:：]\s*(\S.*)$", re.S)


_NUMBER = re.compile(r"^[+-]?[\d.,\s%]+$")


def is_number(text: str) -> bool:
    """Whether a cell holds a number only (no header does)."""
    return bool(_NUMBER.match(text))
_YEAR_LABEL = re.compile(r"^(19|20)\d{2}$")
_UNIT_NOTE = re.compile(r"^(单位|unit)\s*[:：]", re.I)


def _filled_right(row: list[str], bounds: set[int] = frozenset()) -> list[str]:
    """A group header row with each label carried right over the empty cells of its merged span; a span
    ends where a row above starts another label (``bounds``)."""
    out, last = [], ""
    for pos, text in enumerate(row):
        if pos in bounds:
            last = ""
        last = text or last
        out.append(last)
    return out


# Words a sub-header under a group header is made of besides fields and units: 总投资 over 合计 | 其中:债券资金安排,
# 已取得项目收益 over 累计数 | 其中当年数.
_BREAKDOWN = re.compile(r"^(合计|小计|总计|其中|累计|当年|本年|上年|计划|实际|金额|数量)")
# Header rows under the one found, at most: group labels over sub-groups over sub-headers (the bond tables
# counties publish stack three: 跟踪期情况 / 已实现投资情况 / 合计), four rows in all.
MAX_SUB_ROWS = 3


def _is_sub_header(top: list[str], sub: list[str], aliases: dict[str, str] | None,
                   name_pos: int | None = None) -> bool:
    """Whether ``sub`` (the row under the header rows so far, the last of them ``top``) holds sub-headers of
    merged group headers: no numbers, nothing under the project-name column (merged down) but the name
    header itself, and labels of its own (not a merged cell's label carried down from ``top``) of which one
    sits under an empty (merged) cell of ``top``; either two or more with one naming a field, a unit or a
    breakdown (合计, 其中…), or a lone one heading a span of ``top`` (已实现投资情况 under 跟踪期情况, over
    合计 | 其中)."""
    filled = [p for p, t in enumerate(sub) if t]
    if len(filled) < 1 or any(_NUMBER.match(sub[p]) and not _YEAR_LABEL.match(sub[p]) for p in filled):
        return False
    if name_pos is None:
        name_pos = next((p for p, t in enumerate(top) if t and field_of(t, aliases) == "name"), None)
    if name_pos is not None and name_pos < len(sub) and sub[name_pos] and field_of(sub[name_pos], aliases) != "name":
        return False
    own = [p for p in filled if not (p < len(top) and sub[p] == top[p])]

    def empty(p: int) -> bool:
        return p >= len(top) or not top[p]

    if not own or not any(empty(p) or (p + 1 < len(top) and empty(p + 1)) for p in own):
        return False
    if len(filled) >= 2 and any(empty(p) for p in filled) and any(
            field_of(sub[p], aliases) or unit_in(sub[p]) or _BREAKDOWN.match(sub[p]) for p in filled):
        return True
    # A lone label over the first cell of a span, alone in its row: a sub-group (其他 labels carried down beside it).
    return len(own) == 1 and not empty(own[0]) and own[0] + 1 < len(top) and empty(own[0] + 1) \
        and not _UNIT_NOTE.match(sub[own[0]]) and not _NUMBER.match(sub[own[0]])


# A row of column numbers under the header (1 | 2 | 3…, (1) | (2), 甲 | 乙 | 1 | 2, ①②): the columns' numbers as
# forms print them, read as a project row it was refused (name empty; "(2)" a negative amount).
_COLUMN_NO = re.compile(r"^([(（]?\d{1,2}[)）]?|[甲乙丙丁戊己庚辛壬癸]|[\u2460-\u2473])$")


def _column_numbers(row: list[str]) -> bool:
    """Whether the row holds nothing but column numbers, rising from left to right (two at least)."""
    cells = [halfwidth(t).replace(" ", "") for t in row if t]
    if len(cells) < 2 or not all(_COLUMN_NO.match(t) for t in cells):
        return False
    numbers = [int(re.sub(r"\D", "", t)) if re.search(r"\d", t) else ord(t) - 0x245F
               for t in cells if re.search(r"\d", t) or "\u2460" <= t <= "\u2473"]
    return len(numbers) >= 2 and all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


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
    """The header at row ``index``, with the group header row above it and the sub-header rows below it
    that it has, a units row and a row of column numbers under them."""
    rows = [_row_texts(cells, index)]
    first = index               # the first header row
    name_pos = next((p for p, t in enumerate(rows[0]) if t and field_of(t, funding_aliases) == "name"), None)
    while len(rows) <= MAX_SUB_ROWS and index + 1 < len(cells) and _is_sub_header(
            rows[-1], _row_texts(cells, index + 1), funding_aliases, name_pos):
        rows.append(_row_texts(cells, index + 1))
        index += 1
    if len(rows) == 1 and index > 0 and _is_group_row(_row_texts(cells, index - 1), rows[0]):
        first = index - 1
        rows.insert(0, _row_texts(cells, first))
    texts = rows[-1]
    # Each group row's labels carried right over their merged spans, within the spans of the rows above.
    groups: list[list[str]] = []
    bounds: set[int] = set()
    for row in rows[:-1]:
        groups.append(_filled_right(row, bounds))
        bounds |= {p for p, t in enumerate(row) if t}
    # A cell merged down over the rows ('项目名称') has no sub-header: it keeps its own label.
    texts = [t or next((r[p] for r in reversed(rows[:-1]) if p < len(r) and r[p]), "") for p, t in enumerate(texts)]
    labels, fields, units, seen, first_of, repeated, long = [], {}, {}, set(), {}, {}, []
    for pos, text in enumerate(texts):
        label = re.sub(r"\s+", " ", text) if text else ""
        overs: list[str] = []
        for group in groups:
            g = re.sub(r"\s+", " ", group[pos]) if pos < len(group) else ""
            if g and g != label and g not in overs:
                overs.append(g)
        shown = " / ".join(overs + [label]) if overs and label else label
        labels.append(shown)
        if not label:
            continue
        key = normalise_header(shown) or shown
        if key in first_of:  # the same header twice: the second column is ignored (and said so)
            repeated[pos] = first_of[key]
            continue
        first_of[key] = pos
        if _kept_out(label, funding_aliases) or any(_kept_out(o, funding_aliases) for o in overs):
            f = None  # 已取得项目收益 / 其中:2024年当年实现收益; 债券基本信息 / 债券类型
        else:
            f = field_of(label, funding_aliases) or (field_of("".join(overs) + label, funding_aliases)
                                                     if overs else None)
        # A label longer than any header (a note pasted into it: 总投资（万元）（注：含…）, 600 characters) named no
        # field, and its column (the amounts) was left out unsaid. In a header row the other cells decided, it is
        # read by its start, and said.
        cut = label[:MAX_LABEL] if len(label) > MAX_LABEL else None
        if cut is not None and not f and not overs and field_of(cut, funding_aliases) not in (None, *seen):
            f = field_of(cut, funding_aliases)
            long.append(pos)
        if f and f not in seen:
            fields[pos] = f
            seen.add(f)
        unit = unit_in(cut if pos in long else label) or next((u for o in reversed(overs) if (u := unit_in(o))), None)
        if unit:
            units[pos] = unit
    below = _unit_row(_row_texts(cells, index + 1), texts) if index + 1 < len(cells) else {}
    if below:  # the units' own row: the body starts under it
        units = {**below, **units}
        index += 1
    numbered = index + 1 < len(cells) and _column_numbers(_row_texts(cells, index + 1))
    if numbered:  # the columns' numbers (1 | 2 | 3…): part of the header too
        index += 1
    translated = index + 1 < len(cells) and _translation_row(_row_texts(cells, index + 1), fields, funding_aliases,
                                                             texts)
    if translated:  # the header again in another language (项目名称 over Project name): part of the header
        index += 1
    # Unlabelled columns keep a name so their cells can be kept: 'column 7' (1-based, as in Excel).
    labels = [lab or f"column {pos + 1}" for pos, lab in enumerate(labels)]
    above = [" ".join(t for t in _row_texts(cells, i) if t) for i in range(first)]
    return Header(index, labels, fields, units, [a for a in above if a], repeated,
                  len(rows) + bool(below) + bool(numbered) + bool(translated), long)


def _translation_row(row: list[str], fields: dict[int, str], funding_aliases: dict[str, str] | None,
                     header: list[str]) -> bool:
    """Whether the row under the header is the header again in another language (Project name | Location |
    Total investment (10k yuan) under 项目名称 | 建设地点 | 总投资（万元）): at least two of its cells name the
    field of the header's column above them, none names another field and none is that label again; no cell
    holds a Chinese character. It was read as a project whose place was "Location" (the file refused)."""
    same = 0
    for pos, text in enumerate(row):
        if not text:
            continue
        if re.search(r"[\u3400-\u9fff]", text):  # a project's cells name fields too (…项目, …管委会): only a row
            return False                         # of another script's words is taken for the header's translation
        f = field_of(text, funding_aliases)
        if f is None:
            continue
        if fields.get(pos) != f or (pos < len(header) and re.sub(r"\s+", "", text) == re.sub(r"\s+", "", header[pos])):
            return False  # another field, or the header itself again (a repeat, said as one by the layout)
        same += 1
    return same >= 2


def label_key(label: str) -> str:
    """How a `--map` header is compared with a file's: whitespace, bracket forms and traditional characters
    ignored. A file in traditional characters is read as simplified (備註 is read 备注), so a steward who typed
    the header as the file shows it (``--map 備註=name``) was told no column has that name, or found no header."""
    return re.sub(r"\s+", "", halfwidth(simplify_text(label))).lower()
