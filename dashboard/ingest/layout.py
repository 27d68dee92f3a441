"""Where things sit in a list: which sheet and header, which rows are projects and which are totals,
section headings, notes or a repeated header; the list's year and unit from its title and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import headers as hd
from . import reading, values, vocab
from .plan import ImportPlan, Problem

_TOTAL = re.compile(r"^.{0,10}?(合计|小计|总计|共计)|^(total|subtotal|sum|grand total)\b", re.I)
_SECTION = re.compile(
    r"^([一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|[IVX]+\s*[.、]|"
    r"第[一二三四五六七八九十\d]+(部分|类|批|章)|part\s+[ivx\d]+|section\s+\w+)", re.I)
_NOTE = re.compile(r"^(注|备注|说明|附注|数据来源|资料来源|填报|制表|note|source)\s*[:：\d]", re.I)
_NUMBERED = re.compile(r"^\s*\d+(\.0)?\s*$")
_SPACE = re.compile(r"\s+")


def choose_sheet(raw: reading.RawFile, wanted: str | None, aliases: dict[str, str], plan: ImportPlan
                 ) -> tuple[reading.Sheet | None, hd.Header | None]:
    """The sheet to import and its header row; sets ``plan.refused`` when there is no such sheet."""
    if wanted is not None:
        for s in raw.sheets:
            if s.name == wanted or s.name.strip() == wanted.strip():
                return s, hd.find_header(s.cells, aliases)
        if wanted.isdigit() and 1 <= int(wanted) <= len(raw.sheets):
            s = raw.sheets[int(wanted) - 1]
            return s, hd.find_header(s.cells, aliases)
        plan.refused = Problem("sheet_not_found", values={"sheet": wanted, "sheets": "、".join(plan.sheets)})
        return None, None
    nonempty = [s for s in raw.sheets if not s.cells.empty and (s.cells != "").any().any()]
    if not nonempty:
        plan.refused = Problem("file_empty")
        return None, None
    # Visible sheets first: a hidden one (an old copy, a lookup list) is taken only if no visible sheet
    # has a project table, and then said.
    for s in sorted(nonempty, key=lambda s: s.hidden):
        header = hd.find_header(s.cells, aliases)
        if header is not None:
            if s.hidden:
                plan.warnings.append(Problem("sheet_hidden_used", None, None, None, "warning", {"sheet": s.name}))
            elif any(h.hidden for h in nonempty):
                plan.warnings.append(Problem("sheet_hidden_skipped", None, None, None, "warning", {
                    "sheet": s.name, "hidden": "、".join(h.name for h in nonempty if h.hidden)}))
            return s, header
    return next((s for s in nonempty if not s.hidden), nonempty[0]), None


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


def classify_rows(stripped: pd.DataFrame, rownum: np.ndarray, header: hd.Header, col_of: dict[str, int],
                  stage_aliases: dict[str, str]) -> Layout:
    """Sort the rows under the header into projects, totals, section headings, notes and repeated headers."""
    nonempty, first_text = _first_texts(stripped)
    filled = nonempty.sum(axis=1)
    name_pos = col_of["name"]
    names = stripped[name_pos]
    seq = stripped[col_of["seq"]] if "seq" in col_of else pd.Series("", index=stripped.index, dtype=str)
    head_text = replace_space(first_text, "")

    blank = filled == 0
    numbered = _numbered(seq)
    # The regexes only where the cheaper conditions already hold (most rows are numbered projects).
    total = ~blank & (head_text.str.len() <= 20).to_numpy(dtype=bool) & ~numbered
    total[total] = _match(head_text[total], _TOTAL)
    note = ~blank & ~total & (filled <= 2)
    note[note] = _match(head_text[note], _NOTE)
    repeat = ~blank & (names == header.labels[name_pos]).to_numpy(dtype=bool)
    candidate = ~blank & ~total & ~note & ~repeat & ~numbered & (filled <= 3)
    section, section_stage, section_sector = _sections(head_text, candidate, stage_aliases)
    # Every row below a section heading belongs to it, until the next heading.
    at = np.arange(1, len(stripped) + 1)
    section_id = pd.Series(np.where(section, at, np.nan)).ffill().fillna(0).astype(int).to_numpy()
    project = ~blank & ~total & ~note & ~repeat & ~section
    skipped = [Problem("row_skipped_note" if note[i] else "row_skipped_header", int(rownum[i]), None,
                       head_text.iat[i][:40], "warning")
               for i in np.flatnonzero(note | repeat)]
    return Layout(project, total, section_id,
                  section_stage.where(section).ffill()[project].reset_index(drop=True),
                  section_sector.where(section).ffill()[project].reset_index(drop=True), skipped)


def _sections(head_text: pd.Series, candidate: np.ndarray, stage_aliases: dict[str, str]
              ) -> tuple[np.ndarray, pd.Series, pd.Series]:
    """(is a section heading, the stage it names, the sector it names) for each row."""
    n = len(head_text)
    section = np.zeros(n, dtype=bool)
    stages = pd.Series([None] * n, dtype=object)
    sectors = pd.Series([None] * n, dtype=object)
    for i in np.flatnonzero(candidate):
        text = head_text.iat[i]
        numbered = bool(_SECTION.match(text))
        stage = values.stage_of(re.sub(_SECTION, "", text), stage_aliases)
        sector = vocab.sector_from_name(re.sub(r"[（(].*$", "", re.sub(_SECTION, "", text)))
        if numbered or (stage and len(text) <= 14 and (text.endswith("项目") or "项目" in text)):
            section[i] = True
            stages.iat[i] = stage
            sectors.iat[i] = sector
    return section, stages, sectors


def list_year(header: hd.Header, col_of: dict[str, int]) -> int | None:
    """The list's year (for 年度计划投资): from its title and notes, else the annual-plan header."""
    m = re.search(r"((?:19|20)\d{2})\s*年", " ".join(header.above))
    if m:
        return int(m.group(1))
    if "annual_plan" in col_of:
        m = re.search(r"((?:19|20)\d{2})", header.labels[col_of["annual_plan"]])
        return int(m.group(1)) if m else None
    return None


def note_unit(header: hd.Header) -> values.Unit | None:
    """The money unit a line above the header states (单位：万元), if any."""
    for line in header.above:
        m = re.search(r"(单位|unit)\s*[:：]\s*(.+)", values.halfwidth(line), re.I)
        if m:
            unit = values.unit_in(m.group(2))
            if unit:
                return unit
    return None
