"""One function per field: the project rows' cells in, the stored column(s) and the problems out.

Every function takes the :class:`Body` (the project rows as text, and where each field sits) and
returns its values together with a list of :class:`~.plan.Problem` in row order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import taxonomy
from ..formatting import WAN_PER_YI
from ..textchars import fold_name
from . import headers as hd
from . import places, values, vocab
from .layout import no_space, replace_space
from .plan import MAX_LISTED, Problem
from .raw import may_hold
from .traditional import TONE_MARKS

MAX_AMOUNT_WAN = 100_000_000        # 10,000 亿元: above this an amount is surely a unit error
Problems = list[Problem]


@dataclass
class Body:
    """The project rows of a sheet as stripped text; columns by position."""

    cells: pd.DataFrame
    rows: np.ndarray                 # each row's number in the file
    col_of: dict[str, int]           # field -> column position
    labels: list[str]                # column headers

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, f: str) -> bool:
        return f in self.col_of

    def column(self, f: str) -> pd.Series:
        return self.cells[self.col_of[f]]

    def text(self, f: str) -> pd.Series:
        """A free-text field, None where empty or absent."""
        if f not in self.col_of:
            return pd.Series([None] * len(self), dtype=object)
        return self.column(f).replace("", None)

    def problems(self, mask: np.ndarray, code: str, f: str | None, level: str = "error",
                 cell: pd.Series | None = None, **extra: object) -> Problems:
        """A problem for every row in ``mask``, naming the column and its value (``cell`` or the field's)."""
        col_label = self.labels[self.col_of[f]] if f in self.col_of else None
        return self.problems_at(mask, code, col_label, level,
                                cell if cell is not None else (self.column(f) if f in self.col_of else None), **extra)

    def problems_at(self, mask: np.ndarray, code: str, col_label: str | None, level: str = "error",
                    src: pd.Series | None = None, **extra: object) -> Problems:
        """Like :meth:`problems`, for a column given by its label. Only the first problems are made in full;
        the rest become one summary entry holding their rows (a file of junk stays cheap)."""
        at = np.flatnonzero(mask)
        out = []
        for i in at[:MAX_LISTED]:
            val = None if src is None else str(src.iat[i])
            vals = {"value": val, "column": col_label,
                    **{k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in extra.items()}}
            out.append(Problem(code, int(self.rows[i]), col_label, val, level, vals))
        if len(at) > MAX_LISTED:
            out.append(Problem(code, None, col_label, None, level, {},
                               np.asarray(self.rows[at[MAX_LISTED:]], dtype=np.int64)))
        return out


MAX_NAME = 200                      # characters; a longer "name" is a description or rows run together
# Above this a "name" is refused with its row, not stored with a warning. The longest of the 3,834 real
# project names in tests/data is 57 characters, and published lists' names seldom pass 100: 1,000 is five
# times the warning bound and far above any real name, even one with its content in brackets, so no
# real row is refused; what passes it is a pasted description, a whole document or a hostile cell (a
# 100,000-character "name"), which would otherwise be stored and carried into every page, chart label,
# search and download.
MAX_NAME_HARD = 1_000


# The marks a reposting site puts where it hid words — (略), a lone * or ### — (延安 | (略) 电气安塞化子坪镇 *
# 兆瓦风电项目): such a name is not the project's, and was stored as it stood. 2*660MW stays a name.
_REDACTED = re.compile(r"[(（]\s*略\s*[)）]|(?:^|\s)\*+(?:\s|$)|\*{3,}|#{3,}")
# A name a repost garbled: a ? beside a character, where one was lost in the site's conversion, or what is
# left of a pinyin gloss the site broke (燃?xì)忮仩t房 for 燃氣(qì)鍋爐房): not the project's name, and stored
# as it stood (西宁's notice). Bytes this tool could not decode are said for the file (bytes_replaced), and
# their rows kept. RE2's syntax (Arrow's regex, over the column).
_GARBLED = rf"[\x{{3400}}-\x{{9fff}}]\?|\?[\x{{3400}}-\x{{9fff}}]|[a-zü]*[{TONE_MARKS}][a-zü{TONE_MARKS}]*[)）]"
# An official document's number (内环审〔2026〕19号, 营行审[2023]52号): an issuer's short name, the year in brackets, a
# number. RE2's syntax.
_DOC_NUMBER = r"^\S{0,12}[〔\[（(【]\s*(?:19|20)\d{2}\s*[〕\]）)】]\s*第?\s*\d+\s*号$"
# A place with words a reposting site hid: (略), or a run of asterisks where a county or street stood (**县**街道办,
# ******区新塘镇). "Not a place this tool can resolve" sent the steward looking for a typo.
_PLACE_REDACTED = re.compile(r"[(（]\s*略\s*[)）]|[*＊]{2,}|[×✕╳]{2,}|^\s*(?:[*＊]|略)\s*$")


# Excel's error values, as a cell shows them: a formula whose cached result is an error (a sheet deleted
# under it, a division by zero), saved in .xlsx or .xls, or copied into a CSV as text. The cell holds no
# value; "not an amount" or "unknown place" would send the steward looking for a typo.
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
                          "#EXTERNAL!", "#PYTHON!", "#ERROR!"})
# Excel's logical values (a TRUE/FALSE cell, or a formula's =A1>0): never a name, a place, an amount or a year.
LOGICAL = frozenset({"TRUE", "FALSE", "True", "False", "true", "false"})
_LOGICAL_FIELDS = frozenset({"name", "province", "city", "district", "place", "total_investment", "annual_plan",
                             "years", "start_year", "end_year"})


def excel_values(body: Body) -> Problems:
    """An error for every mapped cell holding an Excel error value (#REF!, #N/A…), and every name, place,
    amount or year cell holding a logical value (TRUE, FALSE), each named as what it is. The caller drops
    the other problems of those cells (:func:`said_cells`): "not an amount" would send the steward looking
    for a typo."""
    problems: Problems = []
    for f, pos in sorted(body.col_of.items(), key=lambda kv: kv[1]):
        if f == "seq" or pos not in body.cells.columns:
            continue
        column = body.cells[pos]
        if may_hold(column, "#") and column.str.contains("#", regex=False, na=False).any():
            key = column.str.upper().str.replace(r"\s", "", regex=True)
            problems += body.problems_at(key.isin(EXCEL_ERRORS).to_numpy(dtype=bool), "cell_excel_error",
                                         body.labels[pos], "error", column)
        if f in _LOGICAL_FIELDS or f.startswith("annual_plan") or f.startswith("funding"):
            problems += body.problems_at(column.isin(LOGICAL).to_numpy(dtype=bool), "cell_logical",
                                         body.labels[pos], "error", column)
    return problems


def said_cells(problems: Problems) -> set[tuple[int, str | None]]:
    """(row, column) of the cells :func:`excel_values` told of."""
    return {(p.row, p.column) for p in problems if p.row is not None}


# An HTML character reference a table copied from a web page keeps as text (苏州&nbsp;晶圆&amp;封装项目): the
# names HTML 5 defines and numeric ones. Stored as written, a name was unlike its twin and showed "&amp;".
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def html_entities(body: Body) -> Problems:
    """HTML character references in any cell (&nbsp; &amp; &#8220;) read as the characters they stand for
    (a no-break space as a space), with a warning per cell. Only columns holding an ``&`` are looked at."""
    import html

    problems = rewrite_cells(body, _ENTITY, lambda v: re.sub(r"\s+", " ", html.unescape(v).replace("\u00a0", " "))
                             .strip(), "html_entity_decoded", "decoded", holding="&")
    return problems + _unknown_entities(body)


# A reference HTML does not declare (&b;, &foo;: a repost's broken markup, or an export's own): no character to
# read it as, so it is kept as written and said by cell (it was kept in a name unsaid).
_NAMED_REFERENCE = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,30};")


def _unknown_entities(body: Body) -> Problems:
    import html

    problems: Problems = []
    for pos in body.cells.columns:
        column = body.cells[pos]
        if not (may_hold(column, ["&"]) and column.str.contains("&", regex=False, na=False).any()):
            continue
        found = column.str.findall(_NAMED_REFERENCE)
        unknown = np.array([bool(refs) and any(html.unescape(r) == r for r in refs) if isinstance(refs, list)
                            else False for refs in found], dtype=bool)
        if unknown.any():
            label = body.labels[pos] if pos < len(body.labels) else f"column {pos + 1}"
            refs = np.array(["、".join(r for r in refs if html.unescape(r) == r) if isinstance(refs, list) else ""
                             for refs in found], dtype=object)
            problems += body.problems_at(unknown, "html_entity_unknown", label, "warning", column, entity=refs)
    return problems


def rewrite_cells(body: Body, found: re.Pattern[str], rewrite: Callable[[str], str], code: str, said_as: str,
                  holding: str | None = None) -> Problems:
    """Each cell matching ``found`` replaced in ``body`` by ``rewrite`` of it, said by cell (``code``, a warning,
    the new text under ``said_as``) where that changed it. ``holding``: a plain substring every such cell holds,
    looked for first (a column without it is not searched by the pattern)."""
    problems: Problems = []
    for pos in body.cells.columns:
        column = body.cells[pos]
        if holding is not None and not (may_hold(column, [holding])
                                        and column.str.contains(holding, regex=False, na=False).any()):
            continue
        has = column.str.contains(found, regex=True, na=False).to_numpy(dtype=bool)
        if not has.any():
            continue
        rewritten = column.copy()
        at = np.flatnonzero(has)
        rewritten.iloc[at] = [rewrite(v) for v in column.iloc[at]]
        changed = has & (rewritten != column).to_numpy(dtype=bool)
        if not changed.any():
            continue
        label = body.labels[pos] if pos < len(body.labels) else f"column {pos + 1}"
        problems += body.problems_at(changed, code, label, "warning", column,
                                     **{said_as: rewritten.to_numpy(dtype=object)})
        body.cells[pos] = rewritten
    return problems


# A footnote mark after a name or an amount (苏州晶圆封装项目1), 南京生物医药中心※, 项目[注1], 150000注, 80000*,
# 12000①): the note is the list's, not the project's. Kept, a name was unlike its twin and an amount "not an
# amount". A trailing "1)" counts only where no bracket opens before it; "（一期）" and "2号线" stay names.
_FOOTNOTE = re.compile(r"(?:\s*(?:[※＊*]+|[\u00b9\u00b2\u00b3\u2070-\u2079]+|[\u2460-\u2473\u2776-\u277f]|"
                       r"[\[［【（(]\s*注\s*[0-9]{0,2}\s*[\]］】）)]|注[0-9]{0,2}|[0-9]{1,2}[)）]))+$")
_AMOUNT_FIELDS = ("total_investment", "annual_plan")
# The last characters such a mark ends with.
_FOOTNOTE_LAST = frozenset("※＊*注)）]］】" + "\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207a)))
                           + "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x2776, 0x2780))))


def footnotes(body: Body) -> Problems:
    """Footnote marks at the end of a name or amount cell removed, with a warning per cell saying what went."""
    problems: Problems = []
    for f, pos in sorted(body.col_of.items(), key=lambda kv: kv[1]):
        if not (f == "name" or f in _AMOUNT_FIELDS or f.startswith("annual_plan")) or pos not in body.cells.columns:
            continue
        column = body.cells[pos]
        # the pattern only where a cell ends as a mark can (a handful), never on every row
        last = column.str.slice(-1).isin(_FOOTNOTE_LAST).to_numpy(dtype=bool)
        if not last.any():
            continue
        mark = np.full(len(column), "", dtype=object)
        rest = column.copy()
        keep = np.zeros(len(column), dtype=bool)
        for i in np.flatnonzero(last):
            text = column.iat[i]
            found = _FOOTNOTE.search(text)
            if found is None:
                continue
            m = mark[i] = found.group()
            head = text[:len(text) - len(m)]
            if f == "name" and re.fullmatch(r"\s*注[0-9]{0,2}", m):  # 关注, 灌注: a name may end so
                continue
            # an amount's mark follows a figure; a name's "1)" needs no open bracket before it, and a name that
            # is only marks is no footnote
            if not head.strip() or (f != "name" and not re.search(r"[0-9一-龥]$", head.strip())):
                continue
            opened = head.count("(") + head.count("（") - head.count(")") - head.count("）")
            if re.search(r"[0-9][)）]$", m) and opened > 0:
                continue
            if f == "name" and re.fullmatch(r"\s*\*+", m):  # a lone * after a name: a redaction mark's business
                continue
            keep[i] = True
            rest.iat[i] = head.strip()
        if not keep.any():
            continue
        label = body.labels[pos]
        problems += body.problems_at(keep, "footnote_stripped", label, "warning", column, mark=mark)
        body.cells[pos] = rest
    return problems


def merged_amounts(body: Body, merged: list[tuple[int, int, int]]) -> Problems:
    """An amount cell merged down over several projects' rows (one figure for 一期 and 二期) was given to every
    row, and so counted once per row: kept on its first row only, the others left empty, said by range."""
    problems: Problems = []
    for f, pos in sorted(body.col_of.items(), key=lambda kv: kv[1]):
        if not (f in _AMOUNT_FIELDS or f.startswith("annual_plan") or f.startswith("funding")):
            continue
        for col, top, bottom in merged:
            if col != pos:
                continue
            at = np.flatnonzero((body.rows >= top) & (body.rows <= bottom))
            if len(at) < 2:
                continue
            column = body.cells[pos]
            value = str(column.iat[at[0]])
            problems.append(Problem("amount_merged", int(body.rows[at[0]]), body.labels[pos], value, "warning",
                                    {"value": value, "column": body.labels[pos], "count": len(at),
                                     "rows": f"{int(body.rows[at[0]])}–{int(body.rows[at[-1]])}"}))
            column = column.copy()
            column.iloc[at[1:]] = ""
            body.cells[pos] = column
    return problems


# A name wrapped whole in quotes or title marks (“苏州晶圆封装项目”, 《…》, 「…」): the marks are the list's
# typography, not the name's; kept, the name was unlike its stored twin.
_WRAPPED = re.compile(r"^\s*(?:“([^“”]+)”|\"([^\"]+)\"|《([^《》]+)》|「([^「」]+)」|『([^『』]+)』)\s*$")


def quoted_names(body: Body) -> Problems:
    """Names wrapped whole in quotes or title marks, read without them and said by row."""
    if not body.has("name"):
        return []
    column = body.column("name")
    first = column.str.slice(0, 1).isin(("“", '"', "《", "「", "『")).to_numpy(dtype=bool)
    if not first.any():
        return []
    bare = column.copy()
    wrapped = np.zeros(len(column), dtype=bool)
    for i in np.flatnonzero(first):
        m = _WRAPPED.match(column.iat[i])
        if m:
            bare.iat[i] = next(g for g in m.groups() if g).strip()
            wrapped[i] = True
    if not wrapped.any():
        return []
    body.cells[body.col_of["name"]] = bare
    return body.problems(wrapped, "name_quoted", "name", level="warning", cell=column)


# The title of a project's environmental report where its name should be (马滩110kV送变电工程环境影响报告表,
# …综合利用项目环境影响报告书(报批稿)): 环评 notices list the documents they judge. Stored so, the project
# never met itself in another list; the report's words are left out, said by row.
_REPORT_TITLE = re.compile(r"^(.{4,}?)\s*(?:的)?环境影响(?:评价)?(?:报告[表书]|登记表)"
                           r"(?:\s*[(（][^()（）]{1,8}[)）])?$")
# … and the title of the decision on that report, as decision tables list them under 文件名称 (贵州省生态环境厅关于
# …线路工程建设项目环境影响报告表的批复, …项目环境影响报告表审批): the project is the report's subject; the
# issuing body before 关于 and the decision's words are no part of its name.
_DECISION_TITLE = re.compile(r"^(?:[^关]{0,40}?关于)?[《<〈]?(.{4,}?)\s*(?:的)?环境影响(?:评价)?(?:报告[表书]|登记表)"
                             r"[》>〉]?\s*(?:的)?(?:批复|批复意见|审批意见|审查意见|审批决定|审批)$")
# The form's own words after a project named 某某工程: 某某工程建设项目环境影响报告表 judges 某某工程.
_WORKS_FORM = re.compile(r"(?<=工程)建设项目$")


def _report_subject(text: str) -> tuple[str, bool] | None:
    """(the project a report's or a decision's title is about, whether it is a decision's), or None if the
    text is no such title."""
    m = _REPORT_TITLE.match(text)
    decision = m is None
    m = m or _DECISION_TITLE.match(text)
    return (_WORKS_FORM.sub("", m[1]), decision) if m else None


def report_titles(body: Body) -> Problems:
    """Names that are the title of the project's environmental report, read as the project's name."""
    if not body.has("name"):
        return []
    column = body.column("name")
    if not may_hold(column, ["环境影响"]):
        return []
    marked = column.str.contains("环境影响", regex=False, na=False).to_numpy(dtype=bool)
    if not marked.any():
        return []
    bare = column.copy()
    titled = np.zeros(len(column), dtype=bool)
    decided = np.zeros(len(column), dtype=bool)
    for i in np.flatnonzero(marked):
        subject = _report_subject(column.iat[i].strip())
        if subject:
            bare.iat[i], decided[i] = subject
            titled[i] = True
    if not titled.any():
        return []
    body.cells[body.col_of["name"]] = bare
    names = bare.to_numpy(dtype=object)
    return (body.problems(titled & ~decided, "name_report_title", "name", level="warning", cell=column, name=names)
            + body.problems(decided, "name_decision_title", "name", level="warning", cell=column, name=names))


def owners(body: Body) -> tuple[pd.Series, Problems]:
    """The owner column, None where a reposting site hid some of its words ((略), **: 中国铁 (略) 兰州工程建设指挥部,
    内 (略) was stored as the owner), said by row."""
    owner = body.text("owner")
    if not may_hold(body.column("owner") if body.has("owner") else owner, ["略", "**"]):
        return owner, []
    marked = np.flatnonzero(owner.str.contains("略", regex=False, na=False).to_numpy(dtype=bool)
                            | owner.str.contains("**", regex=False, na=False).to_numpy(dtype=bool))
    if not len(marked):
        return owner, []
    redacted = np.zeros(len(owner), dtype=bool)
    redacted[marked] = owner.iloc[marked].str.contains(_PLACE_REDACTED, na=False).to_numpy(dtype=bool)
    if not redacted.any():
        return owner, []
    found = body.problems(redacted, "owner_redacted", "owner", level="warning")
    return owner.where(~redacted, None), found

# A list's own numbering typed into the name cell (1.苏州…, 1、…, （一）…, (2)…, ①…, ★…): the list's, not the
# name's; kept, the name was unlike its stored twin. Not a figure that begins the name (1.5万吨…, 3.5G…, 2024年…,
# 1号线…): the mark must be followed by no digit, and a name must remain.
_NUMBERING = re.compile(r"^\s*(?:[0-9]{1,3}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*、"
                        r"|[（(]\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[\u2460-\u2473\u2776-\u277f\u2780-\u2793]|[★☆●○■□◆◇▲△►▶•·]+)\s*(?=[^\s0-9.．、])")
_NUMBERING_FIRST = frozenset("0123456789一二三四五六七八九十（(★☆●○■□◆◇▲△►▶•·"
                             + "".join(map(chr, [*range(0x2460, 0x2474), *range(0x2776, 0x2794)])))


def numbered_names(body: Body) -> Problems:
    """A list number or bullet typed before a name (1.苏州晶圆封装项目, （一）…, ★…) left out, said by row."""
    if not body.has("name"):
        return []
    column = body.column("name")
    first = column.str.lstrip().str.slice(0, 1).isin(_NUMBERING_FIRST).to_numpy(dtype=bool)
    if not first.any():
        return []
    bare = column.copy()
    numbered = np.zeros(len(column), dtype=bool)
    for i in np.flatnonzero(first):
        m = _NUMBERING.match(column.iat[i])
        if m:
            rest = column.iat[i][m.end():].strip()
            if re.search(r"[^\W\d_]", rest):  # a name remains (a letter or a character, not only figures)
                bare.iat[i] = rest
                numbered[i] = True
    if not numbered.any():
        return []
    body.cells[body.col_of["name"]] = bare
    return body.problems(numbered, "name_numbered", "name", level="warning", cell=column, name=bare.to_numpy())


# A line break inside a name cell between two characters of a script written without spaces (苏州晶圆⏎封装项目: a
# cell wrapped by hand, Alt+Enter): the name is one word run, read without the break (it was read as a space).
_WRAPPED_CJK = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])[ \t\u3000]*[\r\n\u2028\u2029\x85]+[\s]*"
                          r"(?=[\u3400-\u9fff\uf900-\ufaff（(])")
# A name with no letter, character or digit at all (🔥🔥🔥, ★★, ——): nothing names a project.
_NO_WORDS = r"^[^\p{L}\p{N}]+$"

_NUMERIC_NAME = r"^[0-9.,+\-\s%]+$"
# Four or more characters each followed by one space (苏 州 晶 圆 封 装 项 目), in RE2's syntax.
_SPACED_OUT = r"^[\x{3400}-\x{9fff}](?:[ \x{3000}][\x{3400}-\x{9fff}（）()0-9]){3,}$"


# A template's example or prompt left in the list (例：苏州某某项目, （示例）…, XX市XX产业园项目, 请填写项目名称): the
# steward filled the rows below and kept the template's own; each was stored as a project. In RE2's syntax.
_EXAMPLE_NAME = (r"^\s*[（(【\[<〈]?\s*(?:填报|填写|参考)?(?:示例|样例|范例|举例|例子|例)\s*[)）】\]>〉:：]"
                 r"|[xXＸｘ×]{2,}[\x{3400}-\x{9fff}]|[\x{3400}-\x{9fff}][xXＸｘ×]{2,}"
                 r"|^\s*请(?:填写|填入|输入|选择)")
_NAME_PLACEHOLDERS = frozenset({"none", "null", "nil", "nan", "n/a", "na", "undefined", "—", "－", "–", "/", "无",
                                "暂无", "待定", "空", "(空)", "（空）", "(blank)", "(空白)", "（空白）"})
_PLACEHOLDER_MAX = max(map(len, _NAME_PLACEHOLDERS))


def names(body: Body) -> tuple[pd.Series, pd.Series, Problems]:
    """(name with spaces folded, name without spaces as a duplicate key, problems): a name over
    ``MAX_NAME`` characters is a warning, over ``MAX_NAME_HARD`` an error (the row is refused), and so is a
    name with words hidden by a reposting site (``_REDACTED``)."""
    raw = body.column("name")
    broken = raw.str.contains("[\r\n\u2028\u2029\x85]", regex=True, na=False).to_numpy(dtype=bool)
    if broken.any():
        raw = raw.copy()
        at = np.flatnonzero(broken)
        raw.iloc[at] = [_WRAPPED_CJK.sub("", v) for v in raw.iloc[at]]
    blankless = no_space(raw)  # (then both replace_space below are copies: the column is searched once)
    name = (raw.copy() if blankless else replace_space(raw, " ")).str.strip()
    # A name copied from a PDF with a space between every character (苏 州 晶 圆 封 装 项 目): stored so, it read
    # unlike its twin; Chinese puts no space between characters.
    spaced = (pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _SPACED_OUT
                                       ).to_numpy(zero_copy_only=False).astype(bool)
              if may_hold(name, " \u3000") else np.zeros(len(name), dtype=bool))
    if spaced.any():
        spaced_from = name
        name = name.copy()
        at = np.flatnonzero(spaced)
        name.iloc[at] = name.iloc[at].str.replace("[ \u3000]", "", regex=True)
    length = name.str.len().to_numpy()
    refused = length > MAX_NAME_HARD
    shown = name.str.slice(0, 60) + "…"
    # the pattern only where one of its marks stands: a Python regex over every name cost 0.16 s per 100k rows
    marked = (np.flatnonzero(np.logical_or.reduce([name.str.contains(c, regex=False, na=False).to_numpy(dtype=bool)
                                                   for c in "略*#"]))
              if may_hold(name, "略*#") else np.zeros(0, dtype=np.int64))
    redacted = np.zeros(len(name), dtype=bool)
    redacted[marked] = name.iloc[marked].str.contains(_REDACTED, na=False).to_numpy(dtype=bool)
    # A name that is only a number (0: a formula's cached result pointing at an empty cell; 12: a 序号 in the
    # name column) names no project; it was stored as one. Arrow's regex, in C++, over the column.
    numeric = pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _NUMERIC_NAME
                                       ).to_numpy(zero_copy_only=False).astype(bool)
    # A placeholder where the name should be (None, null, nan, N/A: a script's or a database's empty value;
    # -, 无, 待定): no project's name, stored as one before.
    placeholder = np.zeros(len(name), dtype=bool)
    short = np.flatnonzero(length <= _PLACEHOLDER_MAX)  # (no placeholder is longer: most names are not looked at)
    placeholder[short] = name.iloc[short].str.lower().isin(_NAME_PLACEHOLDERS).to_numpy(dtype=bool)
    # A document number where the name should be (内环审〔2026〕19号): a decision table whose names are pictures
    # the copy lost, its 文号 moved left into the name column.
    # (each pattern only over a column holding a character it needs: a document number's 号, a garbled name's
    # ? or closing bracket)
    docno = (pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _DOC_NUMBER
                                      ).to_numpy(zero_copy_only=False).astype(bool)
             if may_hold(name, "号") else np.zeros(len(name), dtype=bool))
    garbled = (pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _GARBLED
                                        ).to_numpy(zero_copy_only=False).astype(bool)
               if may_hold(name, "?)）") else np.zeros(len(name), dtype=bool)) & ~redacted
    no_words = pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _NO_WORDS
                                        ).to_numpy(zero_copy_only=False).astype(bool) & ~placeholder & ~numeric
    no_words &= ~redacted & ~garbled & ~docno  # (### alone, mojibake, a 文号: said as such, one error per cell)
    example = (pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _EXAMPLE_NAME
                                        ).to_numpy(zero_copy_only=False).astype(bool)
               if may_hold(name, "例xXＸｘ×请") else np.zeros(len(name), dtype=bool)) & ~placeholder
    return name, raw.copy() if blankless else replace_space(raw, ""), (
        body.problems((name == "").to_numpy(), "name_missing", "name")
        + body.problems(placeholder, "name_placeholder", "name")
        + body.problems(no_words, "name_no_words", "name")
        + body.problems(numeric, "name_numeric", "name")
        + body.problems(redacted, "name_redacted", "name")
        + body.problems(example, "name_template_example", "name")
        + (body.problems(spaced, "name_spaced_out", "name", level="warning", cell=spaced_from,
                         name=name.to_numpy(dtype=object)) if spaced.any() else [])
        + body.problems(garbled, "name_garbled", "name")
        + body.problems(docno, "name_doc_number", "name")
        + body.problems(refused, "name_over_limit", "name", cell=shown, length=length, limit=f"{MAX_NAME_HARD:,}")
        + body.problems((length > MAX_NAME) & ~refused, "name_too_long", "name", level="warning", cell=shown,
                        length=length))


# A withdrawn mark after a name (乙项目（已撤销）, （已取消）, （取消）, (撤销), （已作废）, （终止）): the list says
# the project was withdrawn. It was imported under its marked name, unsaid, as a live project.
_WITHDRAWN = re.compile(r"\s*[(（【\[［]\s*(?:已|被)?(?:撤销|撤消|取消|作废|终止|撤回|删除)\s*[)）】\]］]\s*$")


def withdrawn(body: Body, name: pd.Series, key: pd.Series, stage: np.ndarray, aliases: dict[str, str | None]
              ) -> tuple[pd.Series, pd.Series, np.ndarray, Problems]:
    """Names marked as withdrawn (乙项目（已撤销）): imported as the taxonomy's cancelled stage (the stage 取消 names,
    as 停建 and 中止 are), the mark taken off the name so that it matches the project stored before, said by row.
    Where the taxonomy has no stage for 取消, the name and stage stay as they are and the row is still said."""
    if not may_hold(name, "销消取废止回除"):
        return name, key, stage, []
    marked = name.str.contains(_WITHDRAWN, na=False).to_numpy(dtype=bool)
    if not marked.any():
        return name, key, stage, []
    cancelled = aliases.get(values.stage_key("取消"))
    if cancelled is None:
        return name, key, stage, body.problems(marked, "name_withdrawn_kept", "name", level="warning")
    at = np.flatnonzero(marked)
    name, key = name.copy(), key.copy()
    shown = name.copy()
    name.iloc[at] = name.iloc[at].str.replace(_WITHDRAWN, "", regex=True)
    key.iloc[at] = key.iloc[at].str.replace(_WITHDRAWN, "", regex=True)
    stage = (np.array(stage, dtype=object, copy=True) if stage is not None
             else np.full(len(name), None, dtype=object))
    stage[at] = cancelled
    return name, key, stage, body.problems(marked, "name_withdrawn", "name", level="warning", cell=shown,
                                           name=name.to_numpy(dtype=object))


# A name that may be a place's (two to fifteen characters ending in a level: 天津市滨海新区), in RE2's syntax.
_PLACE_LIKE_NAME = r"^[\x{3400}-\x{9fff}]{2,15}[省市区县旗州盟]$"


def name_only_place(body: Body, name: pd.Series, index: places.PlaceIndex) -> Problems:
    """An error for every name that is a place and nothing else (天津市滨海新区): no project is named so.
    A row that lost a cell (a reposting site dropped its name) has its place in the name column and the
    owner's in the place column; stored, the place became a project placed by its owner's words."""
    like = pc.match_substring_regex(pa.array(name.fillna(""), type=pa.string()), _PLACE_LIKE_NAME
                                    ).to_numpy(zero_copy_only=False).astype(bool)
    only = np.zeros(len(name), dtype=bool)
    for i in np.flatnonzero(like):  # few names end in a level: the index is asked of those only
        only[i] = index.only_places(str(name.iat[i]))
    return body.problems(only, "name_is_place", "name")


def place(body: Body, index: places.PlaceIndex, hint: str | None, has_name: np.ndarray,
          title_place: tuple[str, str | None, str] | None = None, town: str | None = None
          ) -> tuple[np.ndarray | None, np.ndarray | None, Problems, np.ndarray | None]:
    """(province code, city code, problems, the development zone each row's place was read from or None)
    from the place columns, read together as one path; without any, the place the title starts with
    (``title_place``) for every row, said once; with them, that place for a row whose place is empty or
    unknown, said per row. ``town``: the town a title names instead of a place (the index has no towns): the
    refusal, or the rows' unknown places, say what to add."""
    parts = [body.column(f) for f in ("province", "city", "district", "place") if body.has(f)]
    coded = project_code_places(body, index)
    if not parts and coded is not None:
        # No place column, a project-code column: each row's place from its code, said by row; a row without a
        # code takes the title's place, or is refused as one with no place.
        province, city, said = coded
        problems = said(np.ones(len(body), dtype=bool))
        lacking = pd.isna(province) & has_name
        if title_place is not None:
            province, city = province.copy(), city.copy()
            province[lacking], city[lacking] = title_place[0], title_place[1]
            problems += body.problems_at(lacking, "place_title_used", None, "warning", None, place=title_place[2])
        else:
            problems += body.problems_at(lacking, "place_missing", None)
        return province, city, problems, None
    if not parts:
        if title_place is None:
            return None, None, [Problem("no_place_town", values={"town": town}) if town else Problem("no_place_column")
                                ], None
        province, city, text = title_place
        return (np.full(len(body), province, dtype=object), np.full(len(body), city, dtype=object),
                [Problem("place_from_title", None, None, text, "warning", {"value": text})], None)
    # The columns are the levels of one place: shown joined by "/", read joined by "·", a separator between
    # levels and not between the places of a list (江苏省 | 南京市 | 鼓楼区; a city column and an address
    # column naming a street after another city: no list).
    text, key = parts[0], parts[0]
    for part in parts[1:]:
        text, key = text.str.cat(part, sep="/"), key.str.cat(part, sep="·")
    text, key = text.str.strip("/"), key.str.strip("·")
    # The city the title names decides between same-named districts (鼓楼区 under 徐州市), if it is the
    # hint's province's.
    hint_city = title_place[1] if title_place is not None and title_place[0] == hint else None
    province, city, ambiguous, lost_city, other, several, former, zone = places.resolve_column(
        index, key, hint, hint_city)
    field = next(f for f in ("place", "city", "district", "province") if body.has(f))
    empty = (text == "").to_numpy()
    ambiguous = ambiguous.to_numpy(dtype=bool)
    unknown = ~empty & province.isna().to_numpy() & ~ambiguous
    province, city = province.to_numpy(), city.to_numpy()
    problems: Problems = []
    province, city, unknown, found, region = _regions(body, index, field, key, text, province, city, unknown)
    problems += found
    province, unknown, found = _province_wide(body, index, field, text, province, unknown, hint, title_place)
    problems += found
    unknown, found = _spanning(body, index, field, text, unknown)
    problems += found
    # A company's name where the place should be (某某科技有限公司): said as such, not as an unknown place.
    company = _company_like(text)
    # the pattern only on the places left unknown (a handful), never on every row
    redacted = np.zeros(len(unknown), dtype=bool)
    if unknown.any():
        where = np.flatnonzero(unknown)
        redacted[where] = text.iloc[where].str.contains(_PLACE_REDACTED, na=False).to_numpy(dtype=bool)
    if coded is not None:
        # A place cell left empty beside a national project code (2020-320505-39-03-…): the code's county, said.
        used = empty & pd.notna(coded[0])
        if used.any():
            province, city = province.copy(), city.copy()
            province[used], city[used] = coded[0][used], coded[1][used]
            problems += coded[2](used)
            empty = empty & ~used
    if title_place is not None:
        # A county's or city's list (its title starts with the place) names sites inside it the index
        # cannot know (经开区, 某某产业园, a town) or leaves them empty: the title's place, said per row; a place
        # a repost hid ((略), ***) is said as hidden, not as empty or unknown.
        told = (empty & has_name) | unknown
        province, city = province.copy(), city.copy()
        province[told], city[told] = title_place[0], title_place[1]
        problems += body.problems(told & ~company & ~redacted, "place_title_used", field, level="warning",
                                  cell=text, place=title_place[2])
        problems += body.problems(told & ~company & redacted, "place_title_used_redacted", field, level="warning",
                                  cell=text, place=title_place[2])
        redacted = redacted & ~told
        empty, unknown = empty & ~told, unknown & ~told
    problems += body.problems(unknown & company, "place_company", field, cell=text)
    problems += _named_warnings(body, company & ~unknown & ~empty & ~ambiguous, "place_company_read", field, text,
                                lambda i: _place_names(index, province[i], city[i]))
    unknown = unknown & ~company
    problems += body.problems(empty & has_name, "place_missing", field, cell=text)
    problems += _ambiguous(body, index, field, text, ~empty & ambiguous)
    redacted &= unknown
    # A place one character off a city's name (苏洲): refused as unknown, with the name it likely means.
    typo, likely = _likely_cities(index, text, unknown & ~redacted, None)
    problems += body.problems(unknown & ~redacted & ~typo, "place_unknown", field, cell=text)
    problems += body.problems(typo, "place_unknown_typo", field, cell=text, **likely)
    problems += body.problems(redacted, "place_redacted", field, cell=text)
    if town and (unknown.any() or (empty & has_name).any()):
        problems.append(Problem("place_town_title", None, None, None, "warning", {"town": town}))
    lost = lost_city.to_numpy(dtype=bool) & ~region
    # Only the province read of 江苏剩苏州市 or 江苏省苏洲市: the city they likely mean said (never stored on a guess).
    typo, likely = _likely_cities(index, text, lost, province)
    # A city of another province after the province (浙江省/苏州市, 浙江苏州): only the province was read, the city
    # said unknown ("an old name or a typo?") or not at all. One of the two is wrong: refused, naming both.
    clash, clash_names = _province_city_clash(index, text, province, city, ~empty & ~ambiguous & ~unknown)
    problems += body.problems(clash, "place_province_city_clash", field, cell=text, **clash_names)
    lost &= ~clash
    typo &= ~clash
    problems += body.problems(lost & ~typo, "place_city_unknown", field, level="warning", cell=text)
    problems += body.problems(typo, "place_city_typo", field, level="warning", cell=text, **likely)
    problems += _bracket_other(body, index, field, text, province, city)
    problems += _other_province(body, index, field, text, other, province, city)
    problems += _several_places(body, index, field, text, several, province, city)
    problems += _former_names(body, index, field, text, former)
    zones = zone.to_numpy()
    at = pd.notna(zones) & pd.notna(province)  # (a zone or None per row)
    # Said where the zone decided the place or differs from it (西安市杨凌示范区: 杨凌 lies in 咸阳): not where the
    # text names the zone's own city (南京市江北新区, 苏州工业园区, 兰州新区), whose zone is kept all the same.
    said = at.copy()
    for i in np.flatnonzero(at):
        stored = index.city_names.get(city[i], ("",))[0]
        said[i] = not stored or stored.removesuffix("市") not in text.iat[i] or zones[i].code != city[i]
    problems += _named_warnings(body, said, "place_zone", field, text, lambda i: {
        "zone": zones[i].name, **_place_names(index, province[i], city[i])})
    kept = np.full(len(zones), None, dtype=object)
    for i in np.flatnonzero(at):  # (few rows name a zone)
        kept[i] = zones[i].name
    return province, city, problems, kept


def _regions(body: Body, index: places.PlaceIndex, field: str, key: pd.Series, text: pd.Series, province: np.ndarray,
             city: np.ndarray, unknown: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, Problems, np.ndarray]:
    """Places that name a region (data/region_areas.csv): one lying in a province across its cities (苏锡常,
    珠三角) is that province with no city, said by row; one across provinces (长三角, 京津冀, 成渝) is refused by
    row, naming them (a project is stored in one province). Both were "unknown place". The last item: the rows
    that name a region."""
    none = np.zeros(len(body), dtype=bool)
    if not index.regions or not may_hold(key, {name[0] for name in index.regions}):
        return province, city, unknown, [], none
    named = values.map_distinct(key, lambda v: places.region_named(index, v)).to_numpy()
    at = pd.notna(named)
    if not at.any():
        return province, city, unknown, [], none
    one = at & np.array([isinstance(v, tuple) and len(v) == 1 for v in named], dtype=bool)
    many = at & ~one
    province, city = province.copy(), city.copy()
    province[one] = [v[0] for v in named[one]]
    city[one] = None
    province[many], city[many] = None, None
    home, home_en = np.full(len(body), "", dtype=object), np.full(len(body), "", dtype=object)
    for i in np.flatnonzero(at)[: MAX_LISTED * 2]:
        home[i] = "、".join(index.province_names.get(c, c) for c in named[i])
        home_en[i] = ", ".join(index.province_en.get(c, c) for c in named[i])
    said = (body.problems(one, "place_region_in_province", field, level="warning", cell=text, province=home,
                          province_en=home_en)
            + body.problems(many, "place_region_across", field, cell=text, provinces=home, provinces_en=home_en))
    return province, city, unknown & ~at, said, at


def _likely_cities(index: places.PlaceIndex, text: pd.Series, rows: np.ndarray, province: np.ndarray | None
                   ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The rows of ``rows`` whose place likely means a city (:func:`places.likely_cities`), and the names of the
    city or cities for a message (``likely``, ``likely_en``: 苏州市（江苏省）”或“株洲市（湖南省）)."""
    typo = np.zeros(len(text), dtype=bool)
    said = {"likely": np.full(len(text), "", dtype=object), "likely_en": np.full(len(text), "", dtype=object)}
    for i in np.flatnonzero(rows)[:MAX_LISTED]:
        codes = places.likely_cities(index, text.iat[i], province[i] if province is not None else None)
        if codes:
            typo[i] = True
            names = [_place_names(index, code[:2] + "0000", code) for code in codes]
            said["likely"][i] = "”或“".join(n["where"] for n in names)
            said["likely_en"][i] = " or ".join(n["where_en"] for n in names)
    return typo, said


def _bracket_other(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, province: np.ndarray,
                   city: np.ndarray) -> Problems:
    """A warning for every place whose bracket names another place than the one stored (苏州（宿州）: 宿州市 is
    Anhui's; 苏州 was kept unsaid)."""
    if not may_hold(text, "(（"):
        return []
    rows = np.flatnonzero(text.str.contains(r"[(（]", regex=True, na=False).to_numpy(dtype=bool) & pd.notna(province))
    told = np.zeros(len(text), dtype=bool)
    said = {k: np.full(len(text), "", dtype=object) for k in ("other", "other_en", "where", "where_en")}
    for i in rows[:MAX_LISTED]:
        code = places.bracket_other(index, text.iat[i], province[i], city[i])
        if code is None:
            continue
        told[i] = True
        other = _place_names(index, code[:2] + "0000", code if code in index.city_names else None)
        stored = _place_names(index, province[i], city[i])
        said["other"][i], said["other_en"][i] = other["where"], other["where_en"]
        said["where"][i], said["where_en"][i] = stored["where"], stored["where_en"]
    return body.problems(told, "place_bracket_other", field, level="warning", cell=text, **said)


_COMPANY = values.COMPANY


def _company_like(text: pd.Series) -> np.ndarray:
    """Per row, whether the place text reads as a company's name (a 建设单位 in the place column)."""
    return pc.match_substring_regex(pa.array(text.fillna(""), type=pa.string()), _COMPANY
                                    ).to_numpy(zero_copy_only=False).astype(bool)


def _spanning(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, unknown: np.ndarray
              ) -> tuple[np.ndarray, Problems]:
    """Unknown places that span provinces (全国, 跨省: refused, the store keeps one province a project) or that
    mean a whole province no title or other row names (全省 in a list of several provinces): each said by
    row with its reason rather than as an unknown place."""
    if not unknown.any():
        return unknown, []
    key = text.str.replace(r"\s+", "", regex=True)
    nationwide = unknown & key.isin(index.nationwide).to_numpy(dtype=bool)
    wide = unknown & key.isin(index.province_wide).to_numpy(dtype=bool)
    return unknown & ~nationwide & ~wide, (body.problems(nationwide, "place_nationwide", field, cell=text)
                                           + body.problems(wide, "place_province_wide_unknown", field, cell=text))


def _former_names(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, former: pd.Series
                  ) -> Problems:
    """A warning for every row whose place is a former prefecture-level name (data/region_former_names.csv):
    renamed or merged (襄樊市 → 襄阳市, 莱芜市 → 济南市) it was stored as its successor; split among
    several cities (巢湖市, 2011) as its province, the city left empty."""
    read = former.to_numpy()
    at = pd.notna(read)  # (a former name or None per row)
    if not at.any():
        return []
    problems: Problems = []
    for kind, code in (("split", "place_former_split"), ("uncoded", "place_city_uncoded"),
                       (None, "place_former_name")):
        mask = at & np.array([f is not None and (f.kind == kind if kind else f.kind not in ("split", "uncoded"))
                              for f in read], dtype=bool)
        if not mask.any():
            continue
        names = [_place_names(index, f.code[:2] + "0000", f.code if f.code in index.city_names else None)
                 if f is not None else {} for f in read]
        problems += body.problems(
            mask, code, field, level="warning", cell=text,
            former=np.array([f.name if f is not None else "" for f in read], dtype=object),
            year=np.array([f.year if f is not None else "" for f in read], dtype=object),
            where=np.array([n.get("where", "") for n in names], dtype=object),
            where_en=np.array([n.get("where_en", "") for n in names], dtype=object))
    return sorted(problems, key=lambda p: (p.row is None, p.row or 0))


def _province_wide(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, province: np.ndarray,
                   unknown: np.ndarray, hint: str | None, title_place: tuple[str, str | None, str] | None
                   ) -> tuple[np.ndarray, np.ndarray, Problems]:
    """A place written as the whole province or across its cities (全省, 省本级, 跨市: a provincial list's
    projects in no one city) is the list's province with no city (the store and its pages take a project
    without a city), said per row: the province the title names, else the one every placed row is in.
    Without one, the rows stay unknown."""
    if not index.province_wide or not unknown.any():
        return province, unknown, []
    key = text.str.replace(r"\s+", "", regex=True)
    wide = unknown & key.isin(index.province_wide).to_numpy(dtype=bool)
    if not wide.any():
        return province, unknown, []
    placed = {p for p in province[~unknown] if isinstance(p, str)}
    home = hint or (title_place[0] if title_place else None) or (placed.pop() if len(placed) == 1 else None)
    if home is None:
        return province, unknown, []
    province = province.copy()
    province[wide] = home
    return province, unknown & ~wide, body.problems(
        wide, "place_province_wide", field, level="warning", cell=text,
        province=index.province_names.get(home, ""), province_en=index.province_en.get(home, ""))


def _place_names(index: places.PlaceIndex, province: str | None, city: str | None) -> dict[str, str]:
    """A stored place's names for a message: its province (zh, en), the place itself (its city, else the
    province) and both as one (``where``: 苏州市（江苏省）, but 北京市 once)."""
    city_zh, city_en = index.city_names.get(city, ("", "")) if city else ("", "")
    province_zh, province_en = index.province_names.get(province, ""), index.province_en.get(province, "")
    place_zh, place_en = city_zh or province_zh, city_en or province_en
    return {"province": province_zh, "province_en": province_en, "place": place_zh, "place_en": place_en,
            "where": place_zh if place_zh == province_zh else f"{place_zh}（{province_zh}）",
            "where_en": place_en if place_en == province_en else f"{place_en} ({province_en})"}


# A national investment project's code (全国投资项目在线审批监管平台: 2020-320505-39-03-123456): the year, the county's
# GB/T 2260 code, the industry, the kind of approval and a serial number. Its six digits name where the project is.
_PROJECT_CODE = r"^\s*(?:19|20)[0-9]{2}-([0-9]{6})-[0-9]{2}-[0-9]{2}-[0-9]{6}\s*$"
_PROJECT_CODE_HEADER = re.compile(r"项目代码|项目编码|统一代码|统一项目代码|备案代码|备案号|赋码|project\s*code", re.I)


def project_code_places(body: Body, index: places.PlaceIndex
                        ) -> tuple[np.ndarray, np.ndarray, Callable[[np.ndarray], Problems]] | None:
    """(province, city, a warning by row) from a column of national project codes (its header 项目代码 or the
    like, or half its cells such codes), or None where the list has none. A county code the regions table does not
    hold (since merged) is read as its city, else its province."""
    mapped = set(body.col_of.values())
    for pos in body.cells.columns:
        if pos in mapped and body.col_of.get("seq") != pos:
            continue
        column = body.cells[pos]
        label = body.labels[pos] if pos < len(body.labels) else f"column {pos + 1}"
        if not may_hold(column, "-"):
            continue
        found = column.str.extract(_PROJECT_CODE)[0]
        filled = (column.str.strip() != "").to_numpy(dtype=bool)
        hits = found.notna().to_numpy(dtype=bool)
        if not hits.any() or not (_PROJECT_CODE_HEADER.search(label) or hits.sum() * 2 >= filled.sum()):
            continue
        province = np.full(len(body), None, dtype=object)
        city = np.full(len(body), None, dtype=object)
        county = np.full(len(body), "", dtype=object)
        for i in np.flatnonzero(hits):
            code = found.iat[i]
            region = next((index.by_code[c] for c in (code, code[:4] + "00", code[:2] + "0000") if c in index.by_code),
                          None)
            if region is None:
                continue
            province[i], city[i] = region.province, region.city or index.municipal_city.get(region.province)
            county[i] = code
        used = pd.notna(province)
        said = {"division": county, "where": np.full(len(body), "", dtype=object),
                "where_en": np.full(len(body), "", dtype=object)}
        for i in np.flatnonzero(used):
            names = _place_names(index, province[i], city[i])
            said["where"][i], said["where_en"][i] = names["where"], names["where_en"]
        def warnings(rows: np.ndarray, used: np.ndarray = used, label: str = label, column: pd.Series = column,
                     said: dict[str, np.ndarray] = said) -> Problems:
            return body.problems_at(rows & used, "place_from_project_code", label, "warning", column, **said)

        return province, city, warnings
    return None


def _ambiguous(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, rows: np.ndarray) -> Problems:
    """An error for every place several regions bear with nothing to decide between them, naming them where the
    whole text is such a name (Suzhou: 苏州市（江苏省） or 宿州市（安徽省）; it was "not a place" in English); never
    one picked."""
    said = {"places": np.full(len(rows), "", dtype=object), "places_en": np.full(len(rows), "", dtype=object)}
    for i in np.flatnonzero(rows)[:MAX_LISTED]:
        found = index.namesakes(text.iat[i])
        if found:
            names = [_place_names(index, r.province, r.city) for r in found]
            district = [index.by_name_of(r) if r.level == "district" else "" for r in found]
            said["places"][i] = "（可指“" + "”或“".join(d + n["where"] if d else n["where"] for d, n in zip(
                district, names, strict=True)) + "”，未按其中任何一个读取）"
            said["places_en"][i] = " (" + " or ".join(
                (f"{d} in " if d else "") + n["where_en"] for d, n in zip(district, names, strict=True)
            ) + "; none was picked)"
    return body.problems(rows, "place_ambiguous", field, cell=text, **said)


def _several_places(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, several: pd.Series,
                    province: np.ndarray, city: np.ndarray) -> Problems:
    """A warning for every row whose place lists several (南京市、徐州市; 北京市、天津市): a project is
    stored in one place, so cities of one province leave the city empty and keep the province, and
    places in several provinces keep the first; both said, with what was stored."""
    kinds = several.to_numpy()
    if not pd.notna(kinds).any():  # (the usual list: no place lists several)
        return []
    return [problem for kind, code in (("cities", "place_several_cities"), ("provinces", "place_several_provinces"))
            for problem in _named_warnings(body, kinds == kind, code, field, text,
                                           lambda i: _place_names(index, province[i], city[i]))]


_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


def _province_city_clash(index: places.PlaceIndex, text: pd.Series, province: np.ndarray, city: np.ndarray,
                         looked: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Per row, whether the place names a province and then a city of another province (浙江省/苏州市: only the
    province read); and the names for the message (the province, the city and the city's province). Each
    distinct (province, cell) is looked at once: a list repeats its places."""
    rows = np.flatnonzero(looked & pd.notna(province) & pd.isna(city))
    clash = np.zeros(len(text), dtype=bool)
    said = {k: np.full(len(text), "", dtype=object) for k in ("province", "city", "city_province")}
    found: dict[tuple[str, str], tuple[str, str, str] | None] = {}
    cells = text.to_numpy(dtype=object)[rows].astype(str)
    for i, key in zip(rows, zip(province[rows], cells, strict=True), strict=True):
        if key not in found:
            found[key] = _clash_of(index, *key)
        names = found[key]
        if names is not None:
            clash[i] = True
            said["province"][i], said["city"][i], said["city_province"][i] = names
    return clash, said


def _clash_of(index: places.PlaceIndex, province: str, cell: str) -> tuple[str, str, str] | None:
    """(the province, the city, the city's province) where ``cell`` names ``province`` and then a city of
    another province; else None."""
    full = index.province_names.get(province, "")
    short = _PROVINCE_SUFFIX.sub("", full)
    s = re.sub(r"[\s/·、,，|]", "", cell)
    rest = s[len(full):] if full and s.startswith(full) else s[len(short):] if short and s.startswith(short) else ""
    # the rest a place alone (苏州, 苏州市昆山市) or starting with a city's full name (苏州市工业园区): never a
    # street named after a city (浙江省南京路)
    head = re.match(r"[\u4e00-\u9fff]{1,8}?市", rest)
    if len(rest) < 2 or not (index.only_places(rest) or (head and index.only_places(head.group(0)))):
        return None
    p, c, ambiguous = index.resolve(rest, scan=False)
    if c is None or ambiguous or p == province:
        return None
    return full, rest, index.province_names.get(p, "")


def _other_province(body: Body, index: places.PlaceIndex, field: str, text: pd.Series, other: pd.Series,
                    province: np.ndarray, city: np.ndarray) -> Problems:
    """A warning for every row whose place starts with a province's abbreviation followed by a place of
    another province (苏/杭州): the place is kept, and both provinces are named."""
    def names(i: int) -> dict[str, str]:
        abbreviation, named = other.iat[i]
        return {"abbreviation": abbreviation, "named": index.province_names.get(named, ""),
                "named_en": index.province_en.get(named, ""), **_place_names(index, province[i], city[i])}

    return _named_warnings(body, other.notna().to_numpy(), "place_abbreviation_other_province", field, text, names)


def _named_warnings(body: Body, told: np.ndarray, code: str, field: str, text: pd.Series,
                    names: Callable[[int], dict[str, str]]) -> Problems:
    """A warning ``code`` for every row in ``told``, its message's values ``names(row index)`` looked up only
    for the rows listed in full (the rest are counted: see :meth:`Body.problems_at`)."""
    said: dict[str, np.ndarray] = {}
    for i in np.flatnonzero(told)[:MAX_LISTED]:
        for key, value in names(i).items():
            said.setdefault(key, np.full(len(body), "", dtype=object))[i] = value
    return body.problems(told, code, field, level="warning", cell=text, **said)


def amount_fields(body: Body) -> list[str]:
    return [f for f in ["total_investment", "annual_plan"] + [f for f in body.col_of if f.startswith(hd.FUNDING_PREFIX)]
            if body.has(f)]


def row_units(body: Body) -> tuple[list[values.Unit | None] | None, Problems]:
    """The unit each row's unit and currency columns state (None where they state none), and problems:
    a unit or currency that is not money (万吨) or not known (欧元) rejects the row rather than guessing.
    A unit column that mostly holds other units (吨, 亩: a 计量单位 of capacity) is left out, and said so."""
    if not body.has("unit") and not body.has("currency"):
        return None, []
    problems: Problems = []
    units: list[values.Unit | None] = [None] * len(body)
    if body.has("unit"):
        cells = body.column("unit")
        parsed = {u: values.unit_cell(u) for u in pd.unique(cells)}
        stated = np.array([c.strip().lower() not in values.MISSING for c in cells], dtype=bool)
        bad = stated & np.array([parsed[c] is None for c in cells], dtype=bool)
        if bad.sum() * 2 > stated.sum():
            problems.append(Problem("unit_column_ignored", None, body.labels[body.col_of["unit"]], None, "warning",
                                    {"column": body.labels[body.col_of["unit"]]}))
        else:
            # 万港元, 亿日元: money, so the column is a unit column, but no rate: the row is refused.
            foreign = stated & np.array([parsed[c] is not None and bool(parsed[c].other) for c in cells], dtype=bool)
            units = [None if parsed[c] is not None and parsed[c].other else parsed[c] for c in cells]
            problems += body.problems(bad, "unit_unknown", "unit")
            problems += body.problems(foreign, "currency_unknown", "unit")
    if body.has("currency"):
        cells = body.column("currency")
        parsed_c = {c: values.currency_cell(c) for c in pd.unique(cells)}
        currency = [parsed_c[c] for c in cells]
        problems += body.problems(np.array([c is None for c in currency], dtype=bool), "currency_unknown", "currency")
        for i, cur in enumerate(currency):
            if cur in ("usd", "cny"):
                units[i] = _CURRENCY_ONLY[cur] if units[i] is None else values.Unit(units[i].wan, cur == "usd")
    return units, problems


# A currency cell without a unit cell: the column's own unit in that currency (marked by wan=0, resolved later).
_CURRENCY_ONLY = {"usd": values.Unit(0.0, True), "cny": values.Unit(0.0, False)}


# The middle amount of a money column past which its stated unit (亿元) is taken for a mistake: 1000亿元.
IMPLAUSIBLE_MEDIAN_WAN = 1e7


def amounts(body: Body, units: dict[int, values.Unit], note_unit: values.Unit | None, usd_rate: float,
            below: dict[int, list[values.Unit | None]] | None = None) -> tuple[dict[str, np.ndarray], Problems, int]:
    """Every money column in 万元 (NaN where missing or unusable), the problems, and how many rows had
    an amount converted from US dollars.

    A cell's unit is the one written in it (15亿元); else its row's unit or currency column; else the
    one its column header states; else a note above the header (单位：万元); else 万元, said once, as a
    warning, when the column holds numbers."""
    out: dict[str, np.ndarray] = {}
    per_row, problems = row_units(body)
    unit_warned = False
    usd_rows = np.zeros(len(body), dtype=bool)
    for f in amount_fields(body):
        pos = body.col_of[f]
        cells = body.cells[pos]
        unit = units.get(pos) or note_unit
        if units.get(pos) is not None and note_unit is not None and units[pos] != note_unit:
            # 单位：万元 over the table and 总投资（亿元） on the column: the header's is read, the clash said
            problems.append(Problem("unit_conflict", None, body.labels[pos], None, "warning",
                                    {"column": body.labels[pos], "header": values.unit_label(units[pos]),
                                     "note": values.unit_label(note_unit)}))
        if unit is not None and unit.other:  # 总投资（万港元）: no rate, so no amount of the column is read
            stated = ~cells.fillna("").astype(str).str.strip().str.lower().isin(values.MISSING).to_numpy(dtype=bool)
            problems += body.problems(stated, "amount_currency_column", f, currency=unit.other)
            out[f] = np.full(len(body), np.nan)
            continue
        # Rows whose own unit column says nothing take the column's unit.
        lacking = np.ones(len(body), dtype=bool) if per_row is None else np.array(
            [u is None or u.wan == 0.0 for u in per_row], dtype=bool) & (
            (body.column("unit") == "").to_numpy(dtype=bool) if body.has("unit") else True)
        if unit is None:
            unit = values.WAN
            plain = pd.to_numeric(cells[lacking].str.replace(",", "", regex=False), errors="coerce")
            if plain.notna().any() and not unit_warned:
                problems.append(Problem("unit_assumed", None, body.labels[pos], None, "warning",
                                        {"column": body.labels[pos]}))
                unit_warned = True
        # Each distinct unit's rows in one pass (without unit columns: the whole column in one).
        if below and pos in below:  # rows under a repeated header in another unit: that unit, unless the row says
            base = per_row if per_row is not None else [None] * len(body)
            rows_unit = [b if p is None else (values.Unit(b.wan, p.usd) if p.wan == 0.0 and b is not None else p)
                         for p, b in zip(base, below[pos], strict=True)]
            wan, codes = _amounts_by_row_unit(cells, unit, rows_unit, usd_rate)
        elif per_row is None:
            w, c = values.parse_amounts(cells, unit, usd_rate)
            wan, codes = np.asarray(w, dtype=float), c
        else:
            wan, codes = _amounts_by_row_unit(cells, unit, per_row, usd_rate)
        # inf, Infinity, 1e999: numbers to the parser, amounts to nobody (and no unit error either).
        infinite = np.isinf(wan)
        if infinite.any():
            wan = np.where(infinite, np.nan, wan)
            codes = codes.where(~infinite, "amount_unparsable")
        present = _codes_in(codes)
        if "amount_per_year" in present and f != "total_investment":
            # 1500万元/年 under a year's plan or a channel: the figure, as the column is a year's
            yearly = (codes == "amount_per_year").to_numpy()
            w, c = values.parse_amounts(cells[yearly].str.replace(r"\s*(?:/|／|每)\s*年度?$|^每年", "", regex=True),
                                        unit or values.WAN, usd_rate)
            wan, codes = wan.copy(), codes.copy()
            wan[yearly], codes[yearly] = np.asarray(w, dtype=float), c.to_numpy()
            present = _codes_in(codes)
        if "amount_usd" in present:
            usd_rows |= (codes == "amount_usd").to_numpy()
        if "amount_unparsable" in present:
            problems += _ocr_letters(body, f, codes)
            present = _codes_in(codes)
        # Each code the column has is looked for by row (a comparison of 100,000 cells costs ~1 ms; most
        # codes are in no cell of a column).
        for code in ("amount_unparsable", "amount_negative", "amount_grouping", "amount_decimal_comma",
                     "amount_currency", "amount_date", "amount_upper_bound", "amount_share", "amount_vague",
                     "amount_ideographic_point", "amount_expression", "amount_per_year"):
            if code in present:
                problems += body.problems((codes == code).to_numpy(), code, f)
        for code in ("amount_range", "amount_usd", "amount_lower_bound", "amount_approximate", "amount_masked"):
            if code in present:
                problems += body.problems((codes == code).to_numpy(), code, f, level="warning", rate=usd_rate)
        if "amount_note" in present:
            problems += _amount_notes(body, f, cells, (codes == "amount_note").to_numpy())
        for code in ("amount_words", "amount_dot_grouping", "amount_apostrophe_grouping", "amount_spaced_out",
                     "amount_full_stop", "amount_expression_sum"):
            if code in present:  # 三千万元, 12.500.000: read, and said with what it was read as
                words = (codes == code).to_numpy()
                read_as = np.full(len(wan), "", dtype=object)
                read_as[words] = [f"{x:,.2f}" for x in wan[words]]
                problems += body.problems(words, code, f, level="warning", wan=read_as)
        too_big = np.nan_to_num(wan, nan=0.0) > MAX_AMOUNT_WAN
        if too_big.any():  # said in the pages' money: 亿元 with separators and two decimals (CNY bn in English)
            yi, bn = np.full(len(wan), "", dtype=object), np.full(len(wan), "", dtype=object)
            yi[too_big] = [_said_large(x / WAN_PER_YI) for x in wan[too_big]]
            bn[too_big] = [_said_large(x / WAN_PER_YI / 10) for x in wan[too_big]]
            problems += body.problems(too_big, "amount_too_large", f, yi=yi, bn=bn)
        if f == "total_investment":
            problems += body.problems(wan == 0.0, "amount_zero", f, level="warning")
        # Amounts are stored in 万元 to two decimals (DECIMAL(18, 2): 100 元): one below half of that (0.004万元,
        # 40元) was stored as 0 unsaid. Stored so (the column holds no finer figure), and said by row.
        small = np.nan_to_num(wan, nan=0.0)
        tiny = (small > 0.0) & (small < 0.01)  # only these are rounded here: 1e308 overflows np.round
        tiny[tiny] = np.round(small[tiny], 2) == 0.0
        if tiny.any():
            yuan = np.full(len(wan), "", dtype=object)
            yuan[tiny] = [f"{x * 10_000:,.4g}" for x in wan[tiny]]
            problems += body.problems(tiny, "amount_rounds_to_zero", f, level="warning", yuan=yuan)
        kept = wan[~np.isnan(wan) & ~too_big]
        if unit is not None and unit.wan >= 10_000 and len(kept) >= 3 and np.median(kept) >= IMPLAUSIBLE_MEDIAN_WAN:
            # 总投资（亿元） over figures in 万元 (15000, 8000): each under the 1万亿元 limit, all 10,000 times too
            # large. A list whose middle project is 1000亿元 or more is no list of projects in 亿元: said once.
            problems.append(Problem("unit_implausible", None, body.labels[pos], None, "warning", {
                "column": body.labels[pos], "median": f"{np.median(kept) / WAN_PER_YI:,.0f}", "count": len(kept)}))
        out[f] = np.round(np.where(too_big, np.nan, wan), 2)
    if "total_investment" not in out:
        wan, found, usd = text_amounts(body, usd_rate)
        if wan is not None:
            out["total_investment"] = wan
            usd_rows |= usd
        problems += found
    return out, problems, int(usd_rows.sum())


# A remark column (备注, 说明): a clerk writes there what the table has no room for, the total too (总投资15亿元).
# Only a figure after 总投资 with its unit is read from it, as from a content column.
REMARK_HEADERS = frozenset({"备注", "说明", "附注", "备注说明", "备注栏", "其他说明", "remark", "remarks", "note",
                            "notes", "comment", "comments"})


def remark_amounts(body: Body, wan: np.ndarray | None) -> Problems:
    """A warning for each row with an empty total investment whose remark names a total (总投资15亿元) or
    is a bare figure (80000): the amount sits in the wrong column and no figure is stored for the row.
    Said, not read: a bare figure in a remark may be anything."""
    if wan is None or not body.has("total_investment"):
        return []
    empty = np.isnan(wan) & (body.column("total_investment").str.strip() == "").to_numpy(dtype=bool)
    if not empty.any():
        return []
    mapped = set(body.col_of.values())
    out: Problems = []
    for pos, label in enumerate(body.labels):
        if pos in mapped or hd.normalise_header(label) not in REMARK_HEADERS:
            continue
        text = body.cells[pos].fillna("").astype(str).str.strip()
        named = empty & (text.str.contains(values.TEXT_TOTAL_WORD, regex=False)
                         | text.str.fullmatch(r"[\d,，.]+\s*(?:万元|亿元|万|亿|元)?")).to_numpy(dtype=bool)
        out += body.problems_at(named, "amount_in_remark", label, "warning", text,
                                amount_column=body.labels[body.col_of["total_investment"]])
    return out


# 香港, 澳门 and 台湾 write their own currency as 元 (估計費用為4億9,160萬元: HK dollars; 新台币 in 台湾's 億元): a
# row placed there with an amount in plain 元 was stored as 人民币 unsaid. Said, not refused (a mainland list
# may give a project in 香港 in 人民币); a cell or header naming the currency (人民币, CNY, English "yuan", 港元)
# is read as it says.
@cache
def local_currencies() -> dict[str, tuple[str, str]]:
    """Province code -> (currency, its English name) where a list's 元 is not 人民币: ``data/region_currencies.csv``."""
    import csv

    from ..config import DATA_DIR

    with (DATA_DIR / "region_currencies.csv").open(encoding="utf-8", newline="") as f:
        return {row["code"]: (row["currency"], row["currency_en"]) for row in csv.DictReader(f)}


_CURRENCY_NAMED = re.compile(r"人民币|rmb|cny|yuan|美元|usd|us\$|\$|港|澳门元|新台币|台币|元人民", re.I)


def local_currency_amounts(body: Body, province: np.ndarray, wan: dict[str, np.ndarray]) -> Problems:
    """A warning for each row placed in 香港, 澳门 or 台湾 whose amount names no currency: read as 人民币, which
    the list may not mean (:func:`local_currencies`)."""
    out: Problems = []
    codes = pd.Series(province, dtype=object)
    for f in ("total_investment", "annual_plan"):
        if f not in wan or not body.has(f):
            continue
        label = body.labels[body.col_of[f]]
        if _CURRENCY_NAMED.search(label) or body.has("currency"):
            continue
        cells = body.column(f).fillna("").astype(str)
        stored = ~np.isnan(np.asarray(wan[f], dtype=float))
        unnamed = ~cells.str.contains(_CURRENCY_NAMED, regex=True).to_numpy(dtype=bool)
        for code, (zh, en) in local_currencies().items():
            rows = stored & unnamed & (codes == code).to_numpy(dtype=bool)
            out += body.problems(rows, "amount_local_currency", f, "warning", currency=zh, currency_en=en)
    return out


# A figure an OCR pass read with letters for digits (15OOOO, l50000, I5000, 1S0000): "not an amount" said
# nothing of why. Never read as digits (B or S may be a real letter): said with the figure the digits would make.
# 〇 and ○ among digits (15〇〇〇〇: a numeral zero an input method or OCR put for 0) are such letters too.
OCR_LETTERS = "OoIlSB〇○"
_OCR_FIGURE = r"^[\dOoIlSB〇○]*\d[\dOoIlSB〇○]*(?:\.[\dOo〇○]+)?\s*(?:万元|亿元|万|亿|元)?$"
OCR_DIGITS = str.maketrans(OCR_LETTERS, "00115800")


def _codes_in(codes: pd.Series) -> set[object]:
    """The distinct codes of a column's cells (None: read as it stands), in one hash pass."""
    return set(pd.unique(codes.to_numpy(dtype=object)).tolist())


def _ocr_letters(body: Body, f: str, codes: pd.Series) -> Problems:
    """Rows refused as "not an amount" whose cell is digits with letters an OCR confuses for digits: their
    code set to ``amount_ocr_letters`` (in ``codes``), said with the figure the digits would make."""
    bad = (codes == "amount_unparsable").to_numpy(dtype=bool)
    if not bad.any():
        return []
    cells = body.column(f).fillna("").astype(str).str.strip()
    at = np.flatnonzero(bad)
    ocr = np.zeros(len(cells), dtype=bool)
    ocr[at] = (cells.iloc[at].str.fullmatch(_OCR_FIGURE) & cells.iloc[at].str.contains(f"[{OCR_LETTERS}]")
               ).to_numpy(dtype=bool)
    if not ocr.any():
        return []
    codes[ocr] = "amount_ocr_letters"
    digits = np.full(len(cells), "", dtype=object)
    digits[ocr] = [v.translate(OCR_DIGITS) for v in cells[ocr]]
    return body.problems(ocr, "amount_ocr_letters", f, digits=digits)


def text_columns(body: Body) -> list[int]:
    """The free-text columns a list may write its projects' total investment in: the one mapped to the
    content (项目概况, 建设内容, 工程概况…) and any other whose header names a content too, each header once."""
    mapped = set(body.col_of.values())
    seen: set[str] = set()
    out = []
    for pos, label in enumerate(body.labels):
        if body.col_of.get("content") == pos or (pos not in mapped and (
                hd.field_of(label) == "content" or hd.normalise_header(label) in REMARK_HEADERS)):
            key = hd.normalise_header(label)
            if key not in seen:
                seen.add(key)
                out.append(pos)
    return out


# Codes of the amount parser that are warnings about a figure read (said for a figure read from a text too).
_READ_WARNINGS = ("amount_range", "amount_usd", "amount_lower_bound", "amount_approximate", "amount_words")


def text_amounts(body: Body, usd_rate: float) -> tuple[np.ndarray | None, Problems, np.ndarray]:
    """A list with no total-investment column whose free text names each project's total (项目总投资2882万元
    in a 项目概况): those figures in 万元, by the amount parser's rules (units, 约, 以上, Chinese numerals),
    each said by row with the column and the figure as written. A text naming two different totals, or one
    the parser cannot read (不超过5000万元), stores none and says so; no other figure (环保投资, 其中, 占总投资,
    年产值) is read. (None, [], …) when there is no such column or no text names a total: nothing is done
    then but one substring search per text column (Arrow's), over its cells. Otherwise each distinct text (or
    set of texts, with several text columns) is read once, and its outcome given to its rows."""
    usd = np.zeros(len(body), dtype=bool)
    if body.has("total_investment"):
        return None, [], usd
    columns, hits, cells = [], [], []
    for pos in text_columns(body):
        text = body.cells[pos].fillna("").astype(str)
        hit = pc.fill_null(pc.match_substring(pa.array(text, type=pa.string()), values.TEXT_TOTAL_WORD), False)
        hit_ = hit.to_numpy(zero_copy_only=False).astype(bool)
        if hit_.any():
            columns.append(pos)
            hits.append(hit_)
            cells.append(text.to_numpy(dtype=object))
    if not columns:
        return None, [], usd
    at = np.flatnonzero(np.logical_or.reduce(hits))
    texts = {pos: np.where(hit[at], column[at], "") for pos, hit, column in zip(columns, hits, cells, strict=True)}
    group = pd.DataFrame(texts).groupby(columns, sort=False).ngroup().to_numpy() if len(columns) > 1 else \
        pd.factorize(texts[columns[0]])[0]
    firsts = pd.Series(np.arange(len(at))).groupby(group, sort=True).first().to_numpy()
    # Each distinct set of texts: the totals it names, as (column, figure as written).
    named = [[(pos, a) for pos in columns for a in values.total_in_text(texts[pos][i])] for i in firsts]
    said = sorted({a for phrases in named for _pos, a in phrases})
    if not said:
        return None, [], usd
    read_wan, read_codes = values.parse_amounts(pd.Series(said, dtype=object), values.WAN, usd_rate)
    read = {a: (w, c) for a, w, c in zip(said, read_wan, read_codes, strict=True)}
    # Per distinct set: the figure stored (NaN for none), the codes said with (column, value) each.
    outcomes: dict[tuple[tuple[int, str], ...], tuple[float, list[tuple[str, int, str]]]] = {}

    def outcome(phrases: tuple[tuple[int, str], ...]) -> tuple[float, list[tuple[str, int, str]]]:
        good = [(pos, a) for pos, a in phrases
                if not np.isnan(read[a][0]) and 0 < read[a][0] <= MAX_AMOUNT_WAN
                and read[a][1] in (None, *_READ_WARNINGS)]
        figures = {round(float(read[a][0]), 2) for _pos, a in good}
        if not phrases:
            return np.nan, []
        if all(read[a][1] == "amount_masked" for _pos, a in phrases):  # 项目总投资*元: hidden, said so
            return np.nan, [("amount_masked", phrases[0][0], phrases[0][1])]
        if all(values.LOST_FIGURE.match(a) or read[a][1] == "amount_masked" for _pos, a in phrases):
            # 项目总投资万元: the text names a total and its unit, the figure lost by a repost: said by row
            pos, a = next(((p, a) for p, a in phrases if values.LOST_FIGURE.match(a)), phrases[0])
            return np.nan, [("amount_missing_in_text", pos, a)]
        phrases = tuple((p, a) for p, a in phrases if not values.LOST_FIGURE.match(a))
        if len(figures) == 1 and len(good) == len(phrases):
            pos, a = good[0]
            figure = figures.pop()
            # below the store's precision (0.004万元, 40元): stored as 0, said as a column's figure is
            tiny = [("amount_rounds_to_zero", pos, a)] if round(figure, 2) == 0.0 else []
            return figure, [("amount_from_text", pos, a)] + ([(read[a][1], pos, a)] if read[a][1] else []) + tiny
        written = "；".join(dict.fromkeys(a for _pos, a in phrases))
        return np.nan, [("amount_text_ambiguous" if len(phrases) > 1 else "amount_text_unread", phrases[0][0],
                         written)]

    figure = np.full(len(named), np.nan)
    told: list[list[tuple[str, int, str]]] = []
    for g, phrases in enumerate(named):
        key = tuple(phrases)
        if key not in outcomes:  # the same totals in many texts (a figure and a unit): judged once
            outcomes[key] = outcome(key)
        figure[g], said_ = outcomes[key]
        told.append(said_)
    wan = np.full(len(body), np.nan)
    wan[at] = figure[group]
    usd[at] = np.array([any(c == "amount_usd" for c, _p, _a in t) for t in told], dtype=bool)[group]
    said_as = np.full(len(body), "", dtype=object)
    said_as[~np.isnan(wan)] = [f"{x:,.2f}" for x in wan[~np.isnan(wan)]]
    problems: Problems = []
    for code, pos in dict.fromkeys((c, p) for t in told for c, p, _a in t):
        value = np.array([next((a for c, p, a in t if c == code and p == pos), None) for t in told], dtype=object)
        rows = at[pd.notna(value[group])]
        mask = np.zeros(len(body), dtype=bool)
        mask[rows] = True
        src = pd.Series([""] * len(body), dtype=object)
        src.iloc[rows] = value[group][pd.notna(value[group])]
        yuan = np.array([f"{read[a][0] * 10_000:,.4g}" if a in read and not np.isnan(read[a][0]) else ""
                         for a in src], dtype=object)  # the figure as written, in 元 (stored rounded)
        problems += body.problems_at(mask, code, body.labels[pos], "warning", src, rate=usd_rate, wan=said_as,
                                     yuan=yuan)
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return wan, problems, usd


def _amount_notes(body: Body, f: str, cells: pd.Series, noted: np.ndarray) -> Problems:
    """A warning for every amount cell with a note in brackets after its figure (150000（其中中央资金5000）): the
    figure is stored, the note was dropped unsaid. A note naming a funding channel of the taxonomy (中央资金:
    中央预算内投资) says so: the channel's amount is not stored as funding from a note."""
    if not noted.any():
        return []
    notes = np.full(len(body), "", dtype=object)
    channels = np.full(len(body), "", dtype=object)
    channels_en = np.full(len(body), "", dtype=object)
    aliases = sorted(vocab.funding_aliases().items(), key=lambda a: -len(a[0]))
    names = {s.slug: (s.name_zh, s.name_en) for s in taxonomy.funding_sources()}
    for i in np.flatnonzero(noted)[:MAX_LISTED]:
        m = values.AMOUNT_NOTE.match(values.halfwidth(str(cells.iat[i])).strip())
        note = m.group("note") if m else ""
        notes[i] = note
        slug = next((slug for alias, slug in aliases if re.search(r"[\u4e00-\u9fff]", alias) and alias in note),
                    None)
        if slug is not None:
            channels[i], channels_en[i] = names[slug]
    named = noted & (channels != "")
    return (body.problems(noted & ~named, "amount_note", f, level="warning", note=notes)
            + body.problems(named, "amount_note_channel", f, level="warning", note=notes, channel=channels,
                            channel_en=channels_en))


def _said_large(x: float) -> str:
    """A figure for the too-large message: grouped to two places, or past 10^15 as a power of ten (a
    1.8e308 cell was said as 309 digits in groups of three)."""
    return f"{x:,.2f}" if x < 1e15 else f"{x:.2e}"


def _amounts_by_row_unit(cells: pd.Series, unit: values.Unit, per_row: list[values.Unit | None], usd_rate: float
                         ) -> tuple[np.ndarray, pd.Series]:
    """A money column whose rows state their own unit or currency: each distinct unit's rows in one pass."""
    effective = [unit if u is None else (values.Unit(unit.wan, u.usd) if u.wan == 0.0 else u) for u in per_row]
    wan = np.full(len(cells), np.nan)
    codes = pd.Series([None] * len(cells), index=cells.index, dtype=object)
    by_unit: dict[values.Unit, list[int]] = {}
    for i, u in enumerate(effective):
        by_unit.setdefault(u, []).append(i)
    for u, rows in by_unit.items():
        at = np.asarray(rows)
        if u.other:  # a currency with no rate (a repeated header in 万港元): refused, never read as 万元
            stated = ~cells.iloc[at].fillna("").astype(str).str.strip().str.lower().isin(values.MISSING).to_numpy()
            codes.iloc[at[stated]] = "amount_currency"
            continue
        w, c = values.parse_amounts(cells.iloc[at], u, usd_rate)
        wan[at] = w
        codes.iloc[at] = c.to_numpy()
    return wan, codes


EARLIEST_YEAR = 1990                # SEI lists are of this century; an earlier year is a typo
YEARS_AFTER_TARGET = 20             # a year further past the target year than this is a typo too


def years(body: Body, target_year: int | None = None) -> tuple[np.ndarray, np.ndarray, Problems]:
    """(start year, end year, problems) from a 起止年限 column and/or start and end columns.

    A year before 1990 or more than 20 years after the target year is left empty, with a warning; a
    two-digit year (24, 24-26年) is read with a warning saying how (:func:`values.parse_years`)."""
    n = len(body)
    start = np.full(n, np.nan)
    end = np.full(n, np.nan)
    problems: Problems = []
    for f in ("years", "start_year", "end_year"):
        if not body.has(f):
            continue
        first, last, codes = values.parse_years(body.column(f), period=f == "years")
        problems += body.problems((codes == "year_unparsable").to_numpy(), "year_unparsable", f, level="warning")
        problems += body.problems((codes == "year_chain").to_numpy(), "year_chain", f, level="warning")
        ocr = (codes == "year_ocr_letters").to_numpy()
        if ocr.any():
            digits = np.full(n, "", dtype=object)
            column = body.column(f)
            digits[ocr] = [values.ocr_year_digits(v) for v in column[ocr]]
            problems += body.problems(ocr, "year_ocr_letters", f, level="warning", digits=digits)
        slash = (codes == "year_slash_unclear").to_numpy()
        if slash.any():
            read = np.full(n, "", dtype=object)
            read[slash] = first[slash].astype(int).astype(str)
            problems += body.problems(slash, "year_slash_unclear", f, level="warning", read=read)
        # Two-digit years: how each was read, said with its row (before the plausibility check below).
        short = (codes == "year_two_digit").to_numpy()
        if short.any():
            read = np.full(n, "", dtype=object)
            one = short & (first == last)
            read[one] = first[one].astype(int).astype(str)
            two = short & (first != last)
            read[two] = [f"{a}–{b}" for a, b in zip(first[two].astype(int), last[two].astype(int), strict=True)]
            problems += body.problems(short, "year_two_digit", f, level="warning", read=read)
        problems += body.problems((codes == "year_two_digit_unclear").to_numpy(), "year_two_digit_unclear", f,
                                  level="warning")
        typed = (codes == "year_date_serial").to_numpy()
        if typed.any():
            problems += body.problems(typed, "year_date_serial", f, level="warning",
                                      read=np.nan_to_num(first).astype(int))
        latest = (target_year or 2025) + YEARS_AFTER_TARGET
        odd = np.zeros(n, dtype=bool)
        for arr in (first, last):
            bad = ~np.isnan(arr) & ((arr < EARLIEST_YEAR) | (arr > latest))
            odd |= bad
            arr[bad] = np.nan
        problems += body.problems(odd, "year_implausible", f, level="warning", earliest=EARLIEST_YEAR,
                                  latest=latest)
        if f == "years":
            # A lone year the cell says work ends in (2024年底完成) is the end year; any other, the start.
            ends = (codes == "year_end").to_numpy()
            start = np.where(np.isnan(start) & ~ends, first, start)
            two = ~np.isnan(last) & ((last != first) | ends)
            end = np.where(np.isnan(end) & two, last, end)
        elif f == "start_year":
            start = np.where(np.isnan(first), start, first)
            # A whole period in the start column (2024-2026年) also says when the project ends (an end
            # column's own year, read next, still wins).
            end = np.where(np.isnan(end) & ~np.isnan(last) & (last != first), last, end)
        else:
            end = np.where(np.isnan(last), end, last)
    reversed_ = ~np.isnan(start) & ~np.isnan(end) & (end < start)
    years_col = next((f for f in ("years", "end_year", "start_year") if body.has(f)), None)
    problems += body.problems(reversed_, "years_reversed", years_col, start=np.nan_to_num(start).astype(int),
                              end=np.nan_to_num(end).astype(int))
    return start, end, problems


def _coded(body: Body, f: str, lookup: dict[str, str | None]) -> tuple[pd.Series, Problems]:
    """A coded field's slugs (each distinct cell looked up once) and a warning for unknown words."""
    cells = body.column(f)
    found = values.map_distinct(cells, lookup)  # (a dict's map over 100,000 cells took 20 ms; the distinct, none)
    return found, body.problems(((cells != "") & found.isna()).to_numpy(), f"{f}_unknown", f, level="warning")


def stage(body: Body, section_stage: pd.Series, aliases: dict[str, str]) -> tuple[np.ndarray, Problems]:
    """The stage slug per row: the cell's, else the one its section heading names."""
    found, problems = pd.Series([None] * len(body), dtype=object), []
    if body.has("stage"):
        cells = body.column("stage")
        words = {u: values.stage_word(u, aliases) for u in pd.unique(cells)}
        outside = vocab.stage_outside()
        kinds = {u: outside.get(w) if w is not None and aliases[w] is None else None for u, w in words.items()}
        found = cells.map({u: None if w is None else aliases[w] for u, w in words.items()})
        kind = cells.map(kinds)
        told = kind.notna().to_numpy(dtype=bool)
        # A word no stage holds (缓建, 在谈): said as what it is, with the stages there are; any other, unknown.
        problems = body.problems(((cells != "") & found.isna()).to_numpy(dtype=bool) & ~told, "stage_unknown", "stage",
                                 level="warning")
        for k in ("deferred", "lead"):
            problems += body.problems(told & (kind == k).to_numpy(dtype=bool), f"stage_outside_{k}", "stage",
                                      level="warning", stages="、".join(vocab.stage_names("zh")),
                                      stages_en=", ".join(vocab.stage_names("en")))
    return found.where(found.notna(), section_stage).to_numpy(), problems


def ownership(body: Body, aliases: dict[str, str]) -> tuple[np.ndarray | None, Problems]:
    if not body.has("ownership"):
        return None, []
    found, problems = _coded(body, "ownership", {u: values.stage_of(u, aliases)
                                                 for u in pd.unique(body.column("ownership"))})
    return found.to_numpy(), problems


def cluster(body: Body, known: dict[str, int]) -> tuple[pd.arrays.IntegerArray, Problems]:
    """The cluster id per row, from the cluster's name among the stored clusters, both folded as the match key
    folds names (blanks, width, ASCII case: ＡＩ 产业集群 is AI产业集群)."""
    if not body.has("cluster"):  # every row missing (built from arrays: a list of None took 20 ms per 100k rows)
        return pd.arrays.IntegerArray(np.ones(len(body), dtype="int32"), np.ones(len(body), dtype=bool)), []
    keys = values.map_distinct(body.column("cluster"), fold_name)
    ids = pd.array(keys.map(known).to_numpy(), dtype="Int32")
    return ids, body.problems(((keys != "") & ids.isna()).to_numpy(), "cluster_unknown", "cluster",
                              level="warning")


SECTOR_COLUMNS = ["sector", "subfield", "sector_source", "sector_confidence", "sector_keywords"]


def sector(body: Body, name: pd.Series, content: pd.Series, section_sector: pd.Series
           ) -> tuple[pd.DataFrame, Problems]:
    """The sector per row: given in a column, else named by its section heading, else the tagger's guess."""
    n = len(body)
    # The columns as arrays, filled by position and made object columns once at the end.
    sector_, subfield = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    source, keywords = np.full(n, None, dtype=object), np.full(n, None, dtype=object)
    confidence = np.full(n, np.nan)
    given, problems = pd.Series([None] * n, dtype=object), []
    classes = False
    if body.has("sector"):
        given, problems = _coded(body, "sector", {u: vocab.sector_from_name(u)
                                                  for u in pd.unique(body.column("sector"))})
        problems = _industry_classes(body, problems)
        classes = any(p.code == "sector_column_industry_class" for p in problems)
    given = given.where(given.notna(), section_sector)
    has_given = given.notna().to_numpy()
    sector_[has_given] = given[has_given].to_numpy()
    source[has_given] = "given"
    todo = np.flatnonzero(~has_given & (name != "").to_numpy())
    if len(todo):
        tags = vocab.tag(_texts(name, todo), _texts(content, todo))
        tagged = tags["sector"].notna().to_numpy()
        sector_[todo] = tags["sector"].to_numpy()
        subfield[todo] = tags["subfield"].to_numpy()
        confidence[todo] = np.where(tagged, tags["confidence"].to_numpy(dtype=float), np.nan)
        keywords[todo] = np.where(tagged, tags["matched"].to_numpy(dtype=object), None)
        source[todo[tagged]] = "auto"
    if classes:
        problems += _class_hints(body, sector_, source, confidence, keywords, todo)
    out = pd.DataFrame({"sector": pd.Series(sector_, dtype=object), "subfield": pd.Series(subfield, dtype=object),
                        "sector_source": pd.Series(source, dtype=object), "sector_confidence": confidence,
                        "sector_keywords": pd.Series(keywords, dtype=object)})
    return out, problems


# A class of the national industry classification GB/T 4754 (国民经济行业分类): a section letter and two to four
# digits, or the digits alone, then the class's name (061 烟煤和无烟煤开采洗选, C3985 电子专用材料制造, 2720 化学药品
# 制剂制造, C39). A 行业类别 column of them is no SEI sector: the project is tagged from its name, and the column
# said once (it was sector_unknown on every row). data/ holds no crosswalk from these classes to the SEI sectors.
_INDUSTRY_CLASS = re.compile(r"^\s*(?:[A-T]\s*)?\d{2,4}(?:\s*[\u4e00-\u9fff（(、].*)?$")


def _industry_classes(body: Body, problems: Problems) -> Problems:
    """``problems`` (the sector column's unknown words) with those of a column of GB/T 4754 industry classes (most
    of its unknown cells such a class) made one warning for the file."""
    unknown = [p for p in problems if p.code == "sector_unknown"]
    listed = [p for p in unknown if p.row is not None]
    if not listed or sum(bool(_INDUSTRY_CLASS.match(p.value or "")) for p in listed) * 2 <= len(listed):
        return problems
    cells = body.column("sector")
    classes = cells.str.match(_INDUSTRY_CLASS.pattern, na=False)
    label = body.labels[body.col_of["sector"]]
    said = Problem("sector_column_industry_class", None, label, None, "warning",
                   {"column": label, "count": int(classes.sum()),
                    "example": next(p.value for p in listed if _INDUSTRY_CLASS.match(p.value or ""))})
    class_rows = set(body.rows[classes.to_numpy(dtype=bool)].tolist())
    rest = [p for p in unknown if p.row is not None and p.row not in class_rows]
    others = [p for p in problems if p.code != "sector_unknown"]
    return [said, *others, *rest]


_CLASS_CODE = re.compile(r"^\s*(?:[A-T]\s*)?(\d{4})(?!\d)")
# a class says what a plant makes, not what this project builds (a class listed under SEI also holds plants that
# are not SEI): below the review bound, so the upload page lists every row tagged this way for a person to check
CLASS_HINT_CONFIDENCE = 0.45
# how a row tagged from its class records what it was tagged from (sector_keywords: "GB/T 4754 2720 化学药品制剂制造")
CLASS_HINT_PREFIX = "GB/T 4754 "


def _class_hints(body: Body, sector_: np.ndarray, source: np.ndarray, confidence: np.ndarray,
                 keywords: np.ndarray, todo: np.ndarray) -> Problems:
    """Rows the tagger left unclassified whose 行业类别 cell is a GB/T 4754 class the NBS 2018 classification lists
    under one SEI sector only (data/nbs_sei_crosswalk.csv: C2720 化学药品制剂制造 → biotech) take that sector, said
    once for the file; a class it lists under several sectors (C3985 电子专用材料制造: information technology, new
    materials, new energy) is not used, said once too. A name that tags wins over the class."""
    crosswalk = vocab.industry_class_sectors()
    cells = body.column("sector")
    used, shared = [], []
    for i in todo:
        if pd.notna(sector_[i]):
            continue
        m = _CLASS_CODE.match(str(cells.iat[i]))
        if m is None or m.group(1) not in crosswalk:
            continue
        if crosswalk[m.group(1)] is None:
            shared.append(i)
            continue
        sector_[i], source[i] = crosswalk[m.group(1)], "auto"
        confidence[i], keywords[i] = CLASS_HINT_CONFIDENCE, CLASS_HINT_PREFIX + str(cells.iat[i]).strip()
        used.append(i)
    label = body.labels[body.col_of["sector"]]
    out: Problems = []
    for code, rows in (("sector_from_industry_class", used), ("sector_industry_class_shared", shared)):
        if rows:
            listed = "、".join(list(dict.fromkeys(str(cells.iat[i]).strip() for i in rows))[:5])
            out.append(Problem(code, None, label, None, "warning",
                               {"column": label, "count": len(rows), "classes": listed,
                                "rows": "、".join(str(int(body.rows[i])) for i in rows[:20])
                                + ("…" if len(rows) > 20 else ""),
                                "rows_en": ", ".join(str(int(body.rows[i])) for i in rows[:20])
                                + ("…" if len(rows) > 20 else "")}))
    return out


def _texts(column: pd.Series, rows: np.ndarray) -> pa.Array | pa.ChunkedArray | list:
    """The column's cells at ``rows`` for the tagger: an Arrow column of strings as Arrow (the tagger
    cleans and numbers it with Arrow's kernels), any other column as Python values."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        cells = pa.array(column.array)
        return cells if len(rows) == len(cells) else cells.take(pa.array(rows))
    return column.iloc[rows].tolist()


def annual_plan(body: Body, planned: np.ndarray | None, start: np.ndarray, list_year: int | None,
                total_wan: np.ndarray) -> tuple[pd.DataFrame, Problems]:
    """(row, year, planned_wan) for the 年度计划投资 column: the list's year, else the project's start year."""
    if planned is None:
        return pd.DataFrame(), []
    n = len(body)
    year = pd.Series(np.full(n, float(list_year))) if list_year else pd.Series(start)
    has = ~np.isnan(planned)
    no_year = has & year.isna().to_numpy()
    keep = has & ~no_year
    rows = body.rows
    out = pd.DataFrame({"row": rows[keep], "year": year[keep].astype(int).to_numpy(), "planned_wan": planned[keep]})
    over = keep & ~np.isnan(total_wan) & (planned > total_wan + 0.005)
    return out, (body.problems(no_year, "annual_no_year", "annual_plan", level="warning")
                 + body.problems(over, "annual_over_total", "annual_plan", level="warning"))


def funding(rows: np.ndarray, amounts_: dict[str, np.ndarray]) -> pd.DataFrame:
    """(row, source, amount_wan) for every positive amount in a funding-channel column."""
    parts = [pd.DataFrame({"row": rows, "source": f[len(hd.FUNDING_PREFIX):], "amount_wan": a})
             for f, a in amounts_.items() if f.startswith(hd.FUNDING_PREFIX)]
    if not parts:
        return pd.DataFrame(columns=["row", "source", "amount_wan"])
    return pd.concat(parts).dropna(subset=["amount_wan"]).query("amount_wan > 0").reset_index(drop=True)
