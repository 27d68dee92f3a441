"""Where things sit in a list: which sheet and header, which rows are projects and which are totals,
section headings, notes or a repeated header; the list's year and unit from its title and notes."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import headers as hd
from . import reading, values, vocab
from .plan import ImportPlan, Problem

# 汇总 alone is Excel's own label for a table's totals row (插入表格 → 汇总行, in the first column): a whole cell
# only, since 汇总 is no rare word inside a project's name (大数据汇总平台).
_TOTAL = re.compile(r"^.{0,10}?(合计|小计|总计|共计)|^(total|subtotal|sum|grand total)\b|^(汇总|总汇总|全部汇总)$",
                    re.I)
_SECTION = re.compile(
    r"^([一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|[IVX]+\s*[.、]|"
    r"第[一二三四五六七八九十\d]+(部分|类|批|章)|part\s+[ivx\d]+|section\s+\w+)", re.I)
_BRACKETED = re.compile(r"[（(【\[][^（()）【】\[\]]*[)）】\]]")
# A group's numeral alone in the 序号 column (一, （二）, III): its heading is in the name column.
_GROUP_SEQ = re.compile(r"^([一二三四五六七八九十]+|[（(][一二三四五六七八九十]+[)）]|[IVX]+)[、.．]?$")
# A name (blanks removed) that ends by counting projects — 集中开工项目（68个）, 签约项目共10项, 新开工10个项目:
# a group or a batch, never one project. Read alike by Python and by Arrow (RE2), on a name's last 16
# characters (the count is at the end).
_COUNTED_TEXT = (r"(?:[（(](?:共|计)?[0-9０-９]+[个项宗](?:项目)?[)）]|(?:共|计)[0-9０-９]+[个项宗](?:项目)?|"
                 r"[0-9０-９]+个项目)$")
_COUNTED = re.compile(_COUNTED_TEXT)
# A row's only text, its name cell empty, counting projects anywhere ("实力高新"重点项目155个（在建118个…）):
# a group heading without a numeral, merged across the columns left of the name (was refused: name empty).
_COUNTS_ANYWHERE = re.compile(r"[0-9０-９]+\s*[个项宗]")
# An unmapped column counting projects (项目个数, 项目数（个）, 个数): a row counting more than one is a group or a
# category (重大产业转型升级类 | 6 | 39亿元), numbered or not; its total was stored as a project's.
# (数量 alone is not read so: a list of purchases counts vehicles or machines in it.)
_COUNT_HEADER = re.compile(r"^(签约|开工|新开工|集中开工|竣工|投产|在建|续建|新建|落地|引进|储备|招商)?"
                           r"项目(个数|数量|数|总数)|^个数$|^(number|count|no\.?) of (signed |new )?projects$")
_CATEGORY_NAME = re.compile(r"(?:类|类项目|领域|板块|行业)\s*$")
_COUNT_CELL = r"^\s*([0-9]+)\s*[个项宗]?\s*$"
# "其中：…" — part of the row above (of which: 10亿元以上项目11个), never a project.
_PART_PREFIXES = ("其中", "内含", "含")  # a cheap str.startswith before the pattern
_PART = re.compile("^(" + "|".join(_PART_PREFIXES) + r")\s*[:：，,]|^其中")
# … and a printed list's page line (第 1 页 共 3 页, Page 2 of 5) or its as-of line (数据截至2024年6月30日).
_NOTE = re.compile(r"^(注|备注|说明|附注|附件?|(?:数据|资料|文章|信息)?来源|填报|制表|note|source)\s*[:：\d]"
                   r"|^(?:数据|统计|资料)?截[至止](?:日期|时间)?\s*[:：]?\s*\d"
                   r"|^(?:第\s*\d+\s*页|共\s*\d+\s*页|page\s*\d+(?:\s*(?:of|/)\s*\d+)?$)"
                   # a page number as a PDF prints it (- 1 -, — 2 —, 1/3), copied with the table's lines
                   r"|^[-—－–]+\s*\d{1,4}\s*[-—－–]+$|^\d{1,4}\s*/\s*\d{1,4}$"
                   # lines an OA system or a portal writes around an export (导出人：…, 导出时间：…, 共2条记录)
                   # and a notice's distribution line (抄送：…, 印发：…): each was stored as a project
                   r"|^(?:导出|打印|下载|生成|查询|筛选)(?:人|者|用户|时间|日期|条件)\s*[:：]"
                   r"|^(?:抄送|抄报|印发|分送|发送)\s*[:：]|^共\s*\d+\s*(?:条|项|个|行)(?:记录|数据|项目)?\s*$"
                   # a comment line an export tool writes (# exported 2024-06-30), never an Excel error value (#N/A)
                   r"|^#+(?!(?:NULL|DIV|VALUE|REF|NAME|NUM|N/A|GETTING|SPILL|CALC|FIELD|BLOCKED|CONNECT|BUSY|"
                   r"UNKNOWN|EXTERNAL|PYTHON|ERROR)\b)", re.I)
# The sign-off line under a table (填报单位：… 制表人：… 审核人：… 联系电话：…, a date), its labels spread over
# several cells: a note, not a project (its name cell empty, it refused the whole file).
_SIGNOFF = re.compile(r"^(填报|填表|制表|审核|审批|复核|负责|单位负责|主要负责|分管|经办|联系|报送|盖章|签字|签发)"
                      r"(单位|人|日期|时间|电话|领导|部门|科室|处室)?(（盖章）|\(盖章\))?\s*[:：]")
_NUMBERED = re.compile(r"^\s*\d+(\.0)?\s*$")
_WORDS = re.compile(r"[^\W\d_]")  # a letter or a character: a line of words, not a figure or a mark
_NOTE_LINE = re.compile(r"[:：]|^\d{1,2}\s*[.、．)）]|[。.]$")  # a label's colon, a numbered point, a sentence
# … or a notice's signature under its table: the publisher (楚雄彝族自治州生态环境局元谋分局, 某县人民政府办公室) or the
# date it was signed (2021年5月7日, 2021-05-07) alone on its line.
_PUBLISHER = r"^\S{2,40}(?:局|分局|厅|委|委员会|人民政府|政府|办公室|办公厅|管委会|管理委员会|中心)$"
_SIGNATURE = re.compile(_PUBLISHER + r"|^\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-./]\d{1,2}[-./]\d{1,2})$")
_PUBLISHER_RE = re.compile(_PUBLISHER)


def is_publisher(text: str) -> bool:
    """Whether a line under a table is the body that signed the notice (楚雄彝族自治州生态环境局元谋分局)."""
    return bool(_PUBLISHER_RE.match(re.sub(r"\s+", "", text or "")))
_SPACE = re.compile(r"\s+")


# A sheet that totals or pivots the others (汇总表, 合计, 统计, a pivot): never read beside the sheets it sums.
_SUMMARY_SHEET = re.compile(r"汇总|合计|总计|小计|总表|统计|透视|summary|total|pivot|overview", re.I)


def choose_sheets(raw: reading.RawFile, wanted: str | None, aliases: dict[str, str], plan: ImportPlan,
                  named: Collection[str] = ()) -> list[tuple[reading.Sheet, hd.Header | None]]:
    """The sheets to import, each with its header row (None: no header found; then the only one).

    With ``wanted``, that sheet alone (``plan.refused`` when there is no such sheet). Otherwise every
    visible sheet with a project table, in the workbook's order (one sheet per city or per batch): the
    caller reads them as one import when they share a layout. A hidden sheet is read only if no visible
    sheet holds a table, and then alone; a sheet named as a summary (汇总, 合计, 统计…) is left out when
    other sheets hold tables, and said. Sets ``plan.refused`` for a workbook with nothing in it. ``named``:
    the headers a person maps to the name (:func:`headers.find_header`)."""
    if wanted is not None:
        for s in raw.sheets:
            if s.name == wanted or s.name.strip() == wanted.strip():
                return [(s, hd.find_header(s.cells, aliases, named=named))]
        if wanted.isdigit() and 1 <= int(wanted) <= len(raw.sheets):
            s = raw.sheets[int(wanted) - 1]
            return [(s, hd.find_header(s.cells, aliases, named=named))]
        plan.refused = Problem("sheet_not_found", values={"sheet": wanted, "sheets": list(plan.sheets)})
        return []
    # (column by column, stopping at the first cell that is not empty: the whole grid compared took 10 ms a sheet)
    nonempty = [s for s in raw.sheets if not s.cells.empty
                and any((s.cells.iloc[:, j] != "").any() for j in range(s.cells.shape[1]))]
    if not nonempty:
        plan.refused = Problem("file_empty")
        return []
    # Visible sheets first: a hidden one (an old copy, a lookup list) is taken only if no visible sheet
    # has a project table, and then said.
    ordered = sorted(nonempty, key=lambda s: s.hidden)
    for i, s in enumerate(ordered):
        header = hd.find_header(s.cells, aliases, named=named)
        if header is None:
            continue
        if s.hidden:
            plan.warnings.append(Problem("sheet_hidden_used", None, None, None, "warning", {"sheet": s.name}))
            return [(s, header)]
        if any(h.hidden for h in nonempty):
            plan.warnings.append(Problem("sheet_hidden_skipped", None, None, None, "warning", {
                "sheet": s.name, "hidden": [h.name for h in nonempty if h.hidden]}))
        # The sheets before this one have no table (looked at above); those after it are looked at now.
        tables = [(s, header)] + [(later, h) for later in ordered[i + 1:] if not later.hidden
                                  and (h := hd.find_header(later.cells, aliases, named=named)) is not None]
        if len(tables) > 1:
            summary = [t for t, _h in tables if _SUMMARY_SHEET.search(t.name)]
            if len(summary) < len(tables):  # a workbook of summaries only is read as it was
                for t in summary:
                    plan.warnings.append(Problem("sheet_left_out_summary", None, None, None, "warning",
                                                 {"sheet": t.name}, sheet=t.name))
                tables = [(t, h) for t, h in tables if not _SUMMARY_SHEET.search(t.name)]
        if len(tables) > 1:
            read = {t.name for t, _h in tables}
            for t in nonempty:
                if not t.hidden and t.name not in read and not _SUMMARY_SHEET.search(t.name):
                    plan.warnings.append(Problem("sheet_left_out_no_table", None, None, None, "warning",
                                                 {"sheet": t.name}, sheet=t.name))
        return tables
    return [(next((s for s in nonempty if not s.hidden), nonempty[0]), None)]


def no_space(column: pd.Series) -> bool:
    """True when the column is of Arrow strings, none missing, and no cell holds a blank (``\\s``): then
    :func:`replace_space` of it is a copy of it, whatever the replacement. False: not known."""
    return bool(len(column) and isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"
                and not column.isna().any()
                and not pc.any(pc.match_substring_regex(pa.array(column), values.SPACE_RE2)).as_py())


def replace_space(column: pd.Series, repl: str) -> pd.Series:
    """``column.str.replace(r"\\s+", repl, regex=True)`` as one regex pass over the joined column
    (NUL, which ``\\s`` never matches, keeps the cells apart)."""
    if len(column) and isinstance(column.dtype, pd.StringDtype) and not column.isna().any():  # every cell a str
        if column.dtype.storage == "pyarrow" and not pc.any(
                pc.match_substring_regex(pa.array(column), values.SPACE_RE2)).as_py():
            return column.copy()  # nothing to replace (the usual case), seen without a Python str per cell
        values_ = column.tolist()
        joined = "\x00".join(values_)
        if joined.count("\x00") == len(values_) - 1:
            if _SPACE.search(joined) is None:  # nothing to replace (the usual case)
                return column.copy()
            return pd.Series(_SPACE.sub(repl, joined).split("\x00"), index=column.index, name=column.name,
                             dtype=column.dtype)
    return column.str.replace(r"\s+", repl, regex=True)


def _match(series: pd.Series, pattern: re.Pattern[str]) -> np.ndarray:
    return series.str.match(pattern, na=False).to_numpy(dtype=bool)


def _counted(names: pd.Series) -> np.ndarray:
    """``_COUNTED`` searched in each name: by Arrow on the names' last characters for a column of Arrow
    strings (a tenth of the time: this runs over every row of a list without a 序号 column)."""
    if isinstance(names.dtype, pd.StringDtype) and names.dtype.storage == "pyarrow" and not names.isna().any():
        tail = pc.utf8_slice_codeunits(pa.array(names), start=-16)
        return pc.fill_null(pc.match_substring_regex(tail, _COUNTED_TEXT), False).to_numpy(zero_copy_only=False)
    return names.str.contains(_COUNTED, na=False).to_numpy(dtype=bool)


_NUMBERED_RE2 = values._re2(_NUMBERED.pattern)


def _numbered(seq: pd.Series) -> np.ndarray:
    """``_match(seq, _NUMBERED)``: by Arrow's regular expressions for a column of Arrow strings whose
    digits are all 0-9 (as the amounts are read), else by Python's, a cell at a time."""
    arr = values._ascii_digits(seq)
    if arr is None:
        return _match(seq, _NUMBERED)
    return pc.fill_null(pc.match_substring_regex(arr, _NUMBERED_RE2), False).to_numpy(zero_copy_only=False)


def _first_texts(stripped: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """(cell is non-empty, per cell; each row's first non-empty cell, or its first cell if none)."""
    if stripped.isna().to_numpy().any():  # not from our readers: the general, slower way
        grid = stripped.to_numpy(dtype=object)
        nonempty = grid != ""
        return nonempty, pd.Series(grid[np.arange(len(grid)), nonempty.argmax(axis=1)], dtype=str)
    columns = [stripped.iloc[:, j] for j in range(stripped.shape[1])]
    nonempty = np.column_stack([(c != "").to_numpy(dtype=bool) for c in columns])
    first_pos = nonempty.argmax(axis=1)
    if all(isinstance(c.dtype, pd.StringDtype) and c.dtype.storage == "pyarrow" for c in columns):
        # Arrow picks each row's cell, no Python str per cell (half the time of the loop below)
        arrays = [c.array.__arrow_array__().combine_chunks() for c in columns]
        return nonempty, pd.Series(pd.array(pc.choose(pa.array(first_pos), *arrays), dtype="str"))
    first = columns[0].to_numpy(dtype=object).copy()
    for j in range(1, len(columns)):
        at = np.flatnonzero(first_pos == j)
        if len(at):
            first[at] = columns[j].iloc[at].to_numpy(dtype=object)
    return nonempty, pd.Series(first, dtype=str)


@dataclass
class Layout:
    """What each row below the header is (arrays run over those rows, in file order)."""

    project: np.ndarray         # a project row
    total: np.ndarray           # a 合计/小计 row
    section_id: np.ndarray      # the section heading a row sits under (its position + 1; 0 = none)
    stage: pd.Series            # the stage a row's section heading names, per project row
    sector: pd.Series           # the sector a row's section heading names, per project row
    skipped: list[Problem]      # note rows and repeated headers, as warnings
    # Per amount column, the unit a repeated header above each project row states (None: the header's), for
    # a list whose later part repeats the header in another unit (续建项目 in 亿元 under 新开工 in 万元).
    units_below: dict[int, list[values.Unit | None]] = field(default_factory=dict)


def _indented_parts(part: np.ndarray, indent: np.ndarray, unnumbered: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The rows right after a 其中 row (or after one of these) whose name is indented deeper than the name of the
    row the breakdown is of, unnumbered and nothing else (no total, note, heading): parts of that row too."""
    out = np.zeros(len(part), dtype=bool)
    for i in np.flatnonzero(part):
        above = i - 1
        while above >= 0 and (part[above] or out[above] or other[above]):
            above -= 1
        base = indent[above] if above >= 0 else 0
        j = i + 1
        while j < len(part) and unnumbered[j] and not other[j] and not part[j] and indent[j] > base:
            out[j] = True
            j += 1
    return out


def classify_rows(stripped: pd.DataFrame, rownum: np.ndarray, header: hd.Header, col_of: dict[str, int],
                  stage_aliases: dict[str, str | None], indent: np.ndarray | None = None) -> Layout:
    """Sort the rows under the header into projects, totals, section headings, notes and repeated headers.

    Published lists put a group's numeral (一, （二）) in the 序号 column and its heading in the name column,
    often with the group's subtotal beside it; a 合计 may sit in the name column right of a batch or place
    column; a group may be told only by its count (集中开工项目（68个）); "其中：" rows break a total down.
    None of these is a project: read as one, its subtotal was stored as a project's investment."""
    nonempty, first_text = _first_texts(stripped)
    filled = nonempty.sum(axis=1)
    n = len(stripped)
    name_pos = col_of["name"]
    names = stripped[name_pos]
    seq = stripped[col_of["seq"]] if "seq" in col_of else pd.Series("", index=stripped.index, dtype=str)
    head_text = replace_space(first_text, "")

    blank = filled == 0
    other = other_table(stripped, rownum, blank, header, col_of)
    if other is not None:  # another table further down: none of its rows is read as this one's
        blank = blank.copy()
        blank[other[0]:] = True
    numbered = _numbered(seq)
    # Only a row not numbered 1, 2, 3 can be anything but a project (most rows are numbered projects): the
    # name and 序号 cells are read there only. "_u" arrays run over those rows, whose positions are ``un``.
    un = np.flatnonzero(~blank & ~numbered)
    name_u = replace_space(names.iloc[un], "").set_axis(un)
    named_u = (name_u != "").to_numpy(dtype=bool)
    group_u = np.array(seq.iloc[un] != "", dtype=bool)
    group_u[group_u] = _match(replace_space(seq.iloc[un][group_u], ""), _GROUP_SEQ)
    if (group_u & named_u).any():  # a group numbered in the 序号 column is headed by its name cell
        head_text = head_text.copy()
        head_text.iloc[un[group_u & named_u]] = name_u[group_u & named_u].to_numpy()
    head_u = head_text.iloc[un].set_axis(un)
    total_u = np.array(head_u.str.len() <= 20, dtype=bool)
    total_u[total_u] = _match(head_u[total_u], _TOTAL)
    in_name = ~total_u & (name_u.str.len() <= 20).to_numpy(dtype=bool) & (name_u != head_u).to_numpy(dtype=bool)
    in_name[in_name] = _match(name_u[in_name], _TOTAL)
    total = _at(n, un, total_u | in_name)
    note = ~blank & ~total & (filled <= 2)
    note[note] = _match(head_text[note], _NOTE)
    signoff_u = ~note[un] & ~total[un] & (~named_u | np.array(name_u.str.contains("[:：]", na=False), dtype=bool))
    signoff_u[signoff_u] = _match(head_u[signoff_u], _SIGNOFF)
    if signoff_u.any():
        note |= _at(n, un, signoff_u)
    # Lines under the table: past the last row with a name, a row whose one text stands outside the name
    # column and reads as a note's line — a label and a colon, a numbered point, a sentence (公众反馈意见联系方式：…,
    # 2.根据……的内容。, 污染物治理措施见附件。) — is a note. Each was a project with no name, and refused the whole
    # file (a notice's lines under its one project); so was its signature, the publisher and the date on lines
    # of their own (元谋's 楚雄彝族自治州生态环境局元谋分局 | 2021年5月7日). A lone text reading as none is still
    # refused.
    named_at = np.flatnonzero((names != "").to_numpy(dtype=bool))
    if len(named_at) and named_at[-1] + 1 < n:
        tail = np.zeros(n, dtype=bool)
        tail[named_at[-1] + 1:] = True
        lone = tail & ~blank & ~note & ~total & (filled == 1)
        lone[lone] = ((head_text[lone].str.contains(_WORDS, na=False)
                       & head_text[lone].str.contains(_NOTE_LINE, na=False))
                      | head_text[lone].str.contains(_SIGNATURE, na=False)).to_numpy(dtype=bool)
        note |= lone
    # The header again above a later project (a notice prints it over each one), its cells as the header's
    # whatever their line breaks (项目\n名称: the header's label reads 项目 名称).
    label_key = re.sub(r"\s+", "", header.labels[name_pos])
    repeat = ~blank & ((names == header.labels[name_pos]).to_numpy(dtype=bool)
                       | _at(n, un, (name_u == label_key).to_numpy(dtype=bool)))
    # The title again over each printed page (a report pasted page by page, 苏州市2024年重点项目表 above each
    # repeated header): one text, the same as a line above the header. It was a project with no amount.
    above = {re.sub(r"\s+", "", t) for t in header.above if t}
    if above and repeat.any():
        title_again = ~blank & ~repeat & (filled == 1)
        title_again[title_again] = head_text[title_again].isin(above).to_numpy(dtype=bool)
        repeat |= title_again
    rest_u = ~total[un] & ~note[un] & ~repeat[un]
    part_u = rest_u.copy()
    part_u[part_u] = (head_u[part_u].str.startswith(_PART_PREFIXES) | name_u[part_u].str.startswith(_PART_PREFIXES)
                      ).to_numpy(dtype=bool)
    part_u[part_u] = _match(head_u[part_u], _PART) | _match(name_u[part_u], _PART)
    # A heading's text is the row's first text only when that text is the name cell's or the name cell is
    # empty: "第三批, 合肥市, 华晟…项目" is a project in batch 3, not a heading.
    heads_u = ~named_u | (nonempty[un].argmax(axis=1) == name_pos) | group_u | (name_u == head_u).to_numpy(dtype=bool)
    candidate_u = rest_u & ~part_u & heads_u & ((filled[un] <= 3) | group_u)
    section, section_stage, section_sector = _sections(head_text, _at(n, un, candidate_u), stage_aliases,
                                                       forced=_at(n, un, group_u))
    counted_u = rest_u & ~part_u & ~section[un]
    lone_u = counted_u & ~named_u & (filled[un] == 1)
    counted_u[counted_u] = _counted(name_u[counted_u])
    if lone_u.any():
        lone_u[lone_u] = head_u[lone_u].str.contains(_COUNTS_ANYWHERE, na=False).to_numpy(dtype=bool)
        counted_u |= lone_u
    counted = _at(n, un, counted_u)
    many = _counts_many(stripped, header, col_of)
    if many is not None:
        counted |= many & ~blank & ~total & ~note & ~repeat & ~section & ~_at(n, un, part_u)
    if counted.any():
        at_counted = np.flatnonzero(counted)
        name_u = name_u.reindex(np.union1d(un, at_counted))
        missing = name_u.isna().to_numpy()
        if missing.any():  # numbered rows (3 | 现代工业 | 7个 | 15.76): their names, read here only
            name_u[missing] = replace_space(names.iloc[name_u.index[missing]].astype(str), "").to_numpy()
        section2, stage2, sector2 = _sections(name_u, counted, stage_aliases, forced=counted)
        section |= section2
        section_stage = section_stage.where(~section2, stage2)
        section_sector = section_sector.where(~section2, sector2)
    part = _at(n, un, part_u)
    # A 其中 breakdown goes on in rows indented under it without the word (其中：一期工程 | 8亿, then "    二期工程" |
    # 7亿): each was stored as a project, its amount counted twice with the row above. ``indent``: the name cells'
    # leading blanks, where any cell has some.
    indented = _indented_parts(part, indent, _at(n, un, np.ones(len(un), dtype=bool)),
                               blank | total | note | repeat | section) if indent is not None and part.any() else None
    if indented is not None:
        part |= indented
    project = ~blank & ~total & ~note & ~repeat & ~part & ~section
    numerals_said: Problem | None = None
    if not project.any():
        # Numerals in the 序号 column with nothing numbered under them anywhere (一 | …有限公司年产…项目 | 3亿元,
        # 二 | …): they number the projects, as some lists do, and are no groups (every row was dropped).
        # Not when a name is a category's (重大产业转型升级类, 生态环保领域): a table of categories is no list.
        numeral = _at(n, un, group_u & named_u) & section & ~counted
        if numeral.any() and not names[numeral].str.contains(_CATEGORY_NAME, na=False).any():
            section &= ~numeral
            project |= numeral
            section_stage = section_stage.where(~pd.Series(numeral), None)
            section_sector = section_sector.where(~pd.Series(numeral), None)
            first = int(np.flatnonzero(numeral)[0])
            numerals_said = Problem("numerals_number_projects", None, header.labels[col_of["seq"]],
                                    str(seq.iat[first]), "warning", {"value": str(seq.iat[first])})
    # Every row below a section heading belongs to it, until the next heading.
    at = np.arange(1, n + 1)
    section_id = pd.Series(np.where(section, at, np.nan)).ffill().fillna(0).astype(int).to_numpy()
    # Told only by their count or as a part: said too, since such a row could be a bundled project.
    said = [("row_skipped_note" if note[i] else "row_skipped_header", i, head_text.iat[i])
            for i in np.flatnonzero(note | repeat)]
    # A group without a name (1 | 灵武市 | | 21 | 208.56) is told by its cells: its 序号 alone said "1".
    said += [("row_skipped_group" if counted[i] else "row_skipped_part_indented"
              if indented is not None and indented[i] else "row_skipped_part", i,
              name_u.at[i] or (" ".join(t for t in stripped.iloc[i].tolist() if t) if counted[i] else head_text.iat[i]))
             for i in np.flatnonzero(counted | part)]
    # The text is the message's {value} too (the messages showed "{value}" as it stood).
    skipped = [Problem(code, int(rownum[i]), None, text[:40], "warning", {"value": text[:40]})
               for code, i, text in said]
    if other is not None:
        start, at_header = other
        title = " ".join(t for t in stripped.iloc[start].tolist() if t)[:40]
        skipped.append(Problem("other_table_left_out", int(rownum[start]), None, title, "warning",
                               {"value": title, "row": int(rownum[start]), "header_row": int(rownum[at_header])}))
    units_below = _units_below(stripped, rownum, header, col_of, repeat, project, skipped) if repeat.any() else {}
    skipped.sort(key=lambda p: p.row or 0)
    if numerals_said is not None:
        skipped.insert(0, numerals_said)
    levels = _heading_levels(section, seq, head_text)
    return Layout(project, total, section_id,
                  _stage_by_level(section, section_stage, levels)[project].reset_index(drop=True),
                  section_sector.where(section).ffill()[project].reset_index(drop=True), skipped, units_below)


# A group's heading and its first project in one cell, on two lines (竣工项目[1项]⏎航空发动机零部件生产线:
# a page's merged cell, copied): the heading was kept in the name and its stage lost.
_HEADING_IN_NAME = re.compile(
    r"^(?P<head>[^\n]{1,14}?项目\s*[\[［(（【]\s*\d+\s*[项个][\]］)）】])\s*\n\s*(?P<name>\S.*)$", re.S)


def heading_in_name(stripped: pd.DataFrame, rownum: np.ndarray, lay: Layout, col_of: dict[str, int],
                    stage_aliases: dict[str, str]) -> list[Problem]:
    """Split such a cell: the heading's stage is the row's (when it names one), the line under it the name.
    Changes ``stripped`` and ``lay.stage`` in place; says each row."""
    names = stripped[col_of["name"]]
    at = np.flatnonzero(lay.project)
    said: list[Problem] = []
    two_lines = np.flatnonzero(names.iloc[at].str.contains("\n", regex=False, na=False).to_numpy(dtype=bool))
    for k in two_lines:   # the few cells of two lines only: a long list is not read row by row
        i = at[k]
        if (m := _HEADING_IN_NAME.match(names.iat[i])) is None:
            continue
        stage = values.stage_of(m["head"], stage_aliases)
        if stage is None:
            continue
        stripped.iat[i, col_of["name"]] = m["name"].strip()
        lay.stage.iat[k] = stage
        head = replace_space(pd.Series([m["head"]]), "").iat[0]
        said.append(Problem("heading_in_name", int(rownum[i]), None, head, "warning",
                            {"value": head, "name": m["name"].strip()[:40]}))
    return said


def _units_below(stripped: pd.DataFrame, rownum: np.ndarray, header: hd.Header, col_of: dict[str, int],
                 repeat: np.ndarray, project: np.ndarray, skipped: list[Problem]
                 ) -> dict[int, list[values.Unit | None]]:
    """The unit each repeated header states for each amount column, for the project rows under it (until the
    next one), where one states another unit than the header (总投资（亿元） under 总投资（万元）): those rows
    were read in the first header's unit, 10,000 times too small, and the change said nowhere."""
    at = np.flatnonzero(repeat)
    under = np.searchsorted(at, np.flatnonzero(project), side="right") - 1   # the repeat above each project row
    out: dict[int, list[values.Unit | None]] = {}
    for f, pos in col_of.items():
        money = f in ("total_investment", "annual_plan") or f.startswith(hd.FUNDING_PREFIX)
        if pos >= stripped.shape[1] or not money:
            continue
        own = header.units.get(pos)
        stated = [values.unit_in(str(stripped[pos].iat[i])) or own for i in at]
        if all(u == own for u in stated):
            continue
        out[pos] = [stated[k] if k >= 0 else None for k in under]
        for k, i in enumerate(at):
            if stated[k] != own:
                text = str(stripped[pos].iat[i])
                skipped.append(Problem("unit_changed_below", int(rownum[i]), header.labels[pos], text, "warning",
                                       {"value": text, "column": header.labels[pos]}))
    return out


# Where another table's header is looked for: the first rows after a blank row (its title, unit line and group
# headers, then the header), after the first blank rows of a sheet (a junk file's thousands are not read).
_OTHER_WINDOW = 6
_OTHER_GAPS = 200
_NAMEISH = re.compile(r"名称|项目|name|project|title", re.I)


def other_table(stripped: pd.DataFrame, rownum: np.ndarray, blank: np.ndarray, header: hd.Header,
                col_of: dict[str, int]) -> tuple[int, int] | None:
    """(the first row, the header row) of another table further down the sheet, if there is one: a header
    (a project-name column and another known one) a few rows after a blank row, whose columns are not this
    header's. Bond disclosures print two tables on one sheet (情况表, then 项目收入及对应资产情况表, its project
    name in another column): their rows were read as this table's projects, refused with "the name is
    empty" or, where the columns fell alike, stored with another table's figures. The same header again (a
    page break) is not another table: its row is skipped as a repeated header."""
    # After a blank row: one read as empty, or one a workbook reader left out (the row numbers jump).
    rows = np.asarray(rownum, dtype=np.int64)
    gaps = np.flatnonzero((blank[:-1] | (np.diff(rows) > 1)) & ~blank[1:]) + 1
    for start in gaps[:_OTHER_GAPS]:
        for i in range(int(start), min(int(start) + _OTHER_WINDOW, len(stripped))):
            if blank[i]:
                break
            texts = stripped.iloc[i].tolist()
            if sum(1 for t in texts if t) < 2 or not any(_NAMEISH.search(t) for t in texts if t):
                continue
            found = {p: hd.field_of(t) for p, t in enumerate(texts) if t}
            known = {f for f in found.values() if f}
            # A project-name header and another known one, or beside labels only (no number in the row).
            if "name" not in known or (len(known) < 2 and (len(found) < 3 or any(
                    hd.is_number(t) for t in texts if t))):
                continue
            if all(found.get(p, f) == f for f, p in col_of.items()):
                continue  # this header again (a cell left empty, as a merged one reads, is no change)
            return int(start), i
    return None


def _counts_many(stripped: pd.DataFrame, header: hd.Header, col_of: dict[str, int]) -> np.ndarray | None:
    """Per row, whether an unmapped column counting projects (项目个数) holds more than one; None without one."""
    mapped = set(col_of.values())
    cols = [j for j, label in enumerate(header.labels)
            if j not in mapped and j < stripped.shape[1] and _COUNT_HEADER.match(hd.normalise_header(label))]
    if not cols:
        return None
    many = np.zeros(len(stripped), dtype=bool)
    for j in cols:
        cells = stripped[j]
        filled = (cells != "").to_numpy(dtype=bool)
        if filled.any():
            count = pd.to_numeric(cells[filled].str.extract(_COUNT_CELL, expand=False), errors="coerce")
            many[np.flatnonzero(filled)] |= (count > 1).to_numpy(dtype=bool)
    return many


def _at(n: int, positions: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """A flag per row: ``flags`` at ``positions``, False elsewhere."""
    out = np.zeros(n, dtype=bool)
    out[positions[flags]] = True
    return out


# A heading's rank: 一、/ 一 / I. above （一）, above an unnumbered or count-told heading (新开工项目（12个）).
_LEVEL_TOP = re.compile(
    r"^([一二三四五六七八九十]+\s*[、.．]?|[IVX]+\s*[.、]?|第[一二三四五六七八九十\d]+(部分|类|批|章))(?![)）])", re.I)
_LEVEL_SUB = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def _heading_levels(section: np.ndarray, seq: pd.Series, head_text: pd.Series) -> pd.Series:
    """Each heading's rank (1 highest, 3 lowest), from its numeral in the 序号 column or before its text."""
    levels = pd.Series(np.nan, index=range(len(section)), dtype=float)
    for i in np.flatnonzero(section):
        numeral = replace_space(pd.Series([str(seq.iat[i])]), "").iat[0]
        text = numeral if _GROUP_SEQ.match(numeral) else str(head_text.iat[i])
        levels.iat[i] = 2 if _LEVEL_SUB.match(text) else 1 if _LEVEL_TOP.match(text) else 3
    return levels


def _stage_by_level(section: np.ndarray, stage: pd.Series, levels: pd.Series) -> pd.Series:
    """The stage each row is under: that of the nearest heading above naming one, unless a heading of the
    same or a higher rank came between (二、工业区管委会 after （一）竣工项目, or （二）加快建设项目 naming
    no stage the taxonomy knows): a list's next group is not the previous group's stage. Carried down
    before, the 加快建设 projects of a county's list were stored as completed."""
    at_heading = pd.Series([None] * len(section), dtype=object)
    open_: list[tuple[float, object]] = []   # (rank, stage) of the headings still open
    for i in np.flatnonzero(section):   # headings only: a long list has few
        rank = levels.iat[i]
        while open_ and open_[-1][0] >= rank:
            open_.pop()
        if stage.iat[i] is not None:
            open_.append((rank, stage.iat[i]))
        at_heading.iat[i] = next((s for _r, s in reversed(open_)), "")   # "": no stage, carried down too
    filled = at_heading.ffill()
    return filled.where(filled != "", None)


def _sections(head_text: pd.Series, candidate: np.ndarray, stage_aliases: dict[str, str],
              forced: np.ndarray | None = None) -> tuple[np.ndarray, pd.Series, pd.Series]:
    """(is a section heading, the stage it names, the sector it names) for each row; a ``forced`` row is a
    heading whatever its text. ``head_text`` is looked up by row position (its labels)."""
    n = len(candidate)
    section = np.zeros(n, dtype=bool)
    stages = pd.Series([None] * n, dtype=object)
    sectors = pd.Series([None] * n, dtype=object)
    at = np.flatnonzero(candidate)
    texts = head_text.loc[at]
    numbered = np.array(_match(texts, _SECTION), dtype=bool)
    if forced is not None:
        numbered |= forced[at]
    # An unnumbered heading is a short text about projects (新开工项目) naming a stage; a longer text (most
    # candidates, in a list of few columns and no 序号) is looked at no further.
    look = numbered | np.array((texts.str.len() <= 14) & texts.str.contains("项目", regex=False), dtype=bool)
    for i, text, is_numbered in zip(at[look], texts[look], numbered[look], strict=True):
        stage = values.stage_of(re.sub(_SECTION, "", text), stage_aliases)
        # Unnumbered, the stage must be the text's own words, not a bracket after a name: 苏州晶圆封装项目（续建）
        # in a list of three columns is a project whose stage is noted, and was taken for a heading (the
        # project, its amount with it, dropped unsaid, and its 续建 given to the rows below); 续建项目（12个）
        # stays a heading.
        if stage and not is_numbered and not values.stage_of(_BRACKETED.sub("", text), stage_aliases):
            stage = None
        if is_numbered or stage:
            section[i] = True
            stages.iat[i] = stage
            sectors.iat[i] = vocab.sector_from_name(re.sub(r"[（(].*$", "", re.sub(_SECTION, "", text)))
    return section, stages, sectors


def list_year(header: hd.Header, col_of: dict[str, int]) -> int | None:
    """The year of the annual plan (年度计划投资): the one its own header names (2023年预计完成投资 under a title
    of 2022, the year the list was drawn up), else the title's and notes'."""
    if "annual_plan" in col_of:
        m = re.search(r"((?:19|20)\d{2})", header.labels[col_of["annual_plan"]])
        if m:
            return int(m.group(1))
    m = re.search(r"((?:19|20)\d{2})\s*年", " ".join(header.above))
    return int(m.group(1)) if m else None


def note_unit(header: hd.Header) -> values.Unit | None:
    """The money unit a line above the header states (单位：万元), if any."""
    for line in header.above:
        m = re.search(r"(单位|unit)\s*[:：]\s*(.+)", values.halfwidth(line), re.I)
        if m:
            unit = values.unit_in(m.group(2))
            if unit:
                return unit
    return None


# A cell is a stage word when the taxonomy's stage vocabulary reads it (促开工, 续建, 如期投产: the word, or
# a few characters around it) and it is short: a longer text (计划于2025年开工建设) is a description.
_STAGE_CELL_MAX = 6
_SAMPLE = 200              # non-empty cells looked at first; a column that fails on them is read no further


def stage_columns(cells: pd.DataFrame, header: hd.Header, stage_aliases: dict[str, str],
                  fixed: set[int] = frozenset()) -> list[Problem]:
    """Let the cells decide what a sector or unmapped column is when they are stage words (a 类别 / 类型 /
    推进情况 column of 促开工, 续建, 如期投产): the stage, when no column is already the stage, else an extra
    column; a column of sector names stays the sector. Changes ``header.fields``; the problems say what
    was done. ``cells`` are the rows under the header; columns in ``fixed`` (mapped by hand) are left
    alone. Each column is judged on its first non-empty cells, and only a column that passes is counted
    whole, a distinct value at a time."""
    problems: list[Problem] = []
    stage_at = next((p for p, f in header.fields.items() if f == "stage"), None)
    if stage_at is not None and stage_at not in fixed and stage_at < cells.shape[1]:
        problems += _construction_kind(cells.iloc[:, stage_at], header, stage_at)
        stage_at = next((p for p, f in header.fields.items() if f == "stage"), None)
    for pos in range(len(header.labels)):
        mapped = header.fields.get(pos)
        if pos in fixed or pos in header.repeated or mapped not in (None, "sector") or pos >= cells.shape[1]:
            continue
        column = cells.iloc[:, pos]
        head = column.iloc[:_SAMPLE * 5]
        head = head[head != ""].iloc[:_SAMPLE]
        if head.empty or _stage_share(head.value_counts(), stage_aliases) < 0.5:
            continue
        counts = column[column != ""].value_counts()
        if _all_kinds(counts):  # 新建, 改扩建 only: the kind of construction, no stage
            continue
        share = _stage_share(counts, stage_aliases)
        named = sum(n for v, n in counts.items() if vocab.sector_from_name(str(v)))
        if share < 0.5 or share * counts.sum() <= named:
            continue
        label = header.labels[pos]
        examples = "、".join(str(v) for v in counts.index if _is_stage_word(v, stage_aliases))[:40]
        if stage_at is None:
            header.fields[pos] = "stage"
            stage_at = pos
            problems.append(Problem("column_read_as_stage", None, label, None, "warning",
                                    {"column": label, "examples": examples}))
        elif mapped is not None:
            del header.fields[pos]
            problems.append(Problem("column_stage_kept_extra", None, label, None, "warning",
                                    {"column": label, "examples": examples, "stage": header.labels[stage_at]}))
    return problems


def _construction_kind(column: pd.Series, header: hd.Header, pos: int) -> list[Problem]:
    """A stage column (建设性质, 性质) whose every cell is a kind of construction (新建, 改扩建, 技改: an
    environmental-impact notice's) is no stage: kept as an extra column, said, the stage left empty. One
    that also holds a real stage word (续建, 竣工) stays the stage."""
    counts = column[column != ""].value_counts()
    if not _all_kinds(counts):
        return []
    del header.fields[pos]
    label = header.labels[pos]
    return [Problem("column_construction_kind", None, label, None, "warning",
                    {"column": label, "examples": "、".join(str(v) for v in counts.index[:5])})]


def _all_kinds(counts: pd.Series) -> bool:
    """Whether the counted cells (a column's distinct values) are all kinds of construction."""
    kinds = vocab.construction_kinds()
    return not counts.empty and all(values.stage_key(v) in kinds for v in counts.index)


def _stage_share(counts: pd.Series, stage_aliases: dict[str, str]) -> float:
    """The share of the counted cells that are stage words."""
    total = counts.sum()
    staged = sum(n for v, n in counts.items() if _is_stage_word(v, stage_aliases))
    return staged / total if total else 0.0


# A numbered point's head (一、 1. （2） ①): a cell starting so is a line of a text (一、施工期…, an impact
# notice's measures cut short), never a stage value; a one-project notice's measures column was read as its stage.
_POINT_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．](?!\d)"
                         r"|[（(][一二三四五六七八九十\d]{1,2}[)）]|[\u2460-\u2473])")


def _is_stage_word(cell: object, stage_aliases: dict[str, str]) -> bool:
    return (len(values.stage_key(cell)) <= _STAGE_CELL_MAX and not _POINT_HEAD.match(str(cell))
            and values.stage_of(cell, stage_aliases) is not None)
