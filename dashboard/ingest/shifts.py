"""Rows whose cells stand beside their columns: shifted a cell right (an extra empty cell before them) or left (a
cell missing), or two columns' values swapped (在建 in the year column, 2024-2026 in the stage column).

Each was refused or lost cell by cell ("江苏省南京市 is not an amount", "the stage 2024-2026 is not recognised",
the name empty), never said as what it is. A row is looked at when one of its typed cells (a name, place, amount,
year or stage column) does not fit its column's kind; every way of reading it shifted or swapped is tried, and a
reading counts only when every typed cell then fits its column. One reading: the row is read so, said by row,
naming the columns. Several: the row is refused, saying so (which to take is the steward's to tell); the other
problems of its cells are not said as well. None: the row is left as it is, for the per-cell messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import headers as hd
from . import values
from .plan import Problem
from .raw import may_hold

# The kind each typed field's cells are; other fields (owner, content, seq…) take any cell.
_PLACE_FIELDS = ("province", "city", "district", "place")
_YEAR_FIELDS = ("years", "start_year", "end_year")


def expected_kind(field: str | None) -> str | None:
    if field is None:
        return None
    if field == "name":
        return "text"
    if field in _PLACE_FIELDS:
        return "place"
    if field in _YEAR_FIELDS:
        return "year"
    if field == "stage":
        return "stage"
    if field in ("total_investment",) or field.startswith("annual_plan") or field.startswith(hd.FUNDING_PREFIX):
        return "amount"
    return None


# A cell of years only: 2024, 2024年, 2024-2026, 2024年3月—2026年12月, 2024.3-2026.12.
_YEARS_ONLY = re.compile(r"[0-9年月日.\-~～至到—–/\s]+")
_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_LETTERS = re.compile(r"[\u3400-\u9fffA-Za-z]")
_RANGE_RE2 = r"(?:19|20)[0-9]{2}\s*(?:-|~|～|至|到|—|–)"
# A name cell that may be only a place (江苏省南京市, 南京市, 江宁区), looked at when the list has a place column.
_PLACE_ALONE = r"^\s*[\x{3400}-\x{9fff}]{1,12}(?:省|市|区|县|州|盟|旗)\s*$"


class Kinds:
    """What a cell may be (empty, year, amount, stage, place, text), for one import's place index and stages."""

    def __init__(self, index: object, aliases: Mapping[str, str | None]) -> None:
        self.index = index
        self.aliases = aliases
        self._seen: dict[tuple[str, str], bool] = {}

    def _is(self, kind: str, c: str) -> bool:
        """Whether the (stripped, non-empty) cell may be of ``kind``; each asked once per distinct cell, only the
        kinds a row's columns ask for (a place is looked up only for a place column's or a moved cell)."""
        key = (kind, c)
        if key not in self._seen:
            h = values.halfwidth(c)
            if kind == "year":
                found = bool(_YEARS_ONLY.fullmatch(h) and _FULL_YEAR.search(h) and not re.fullmatch(r"\d{5,}", h))
            elif kind == "amount":
                amount = values.parse_amount(c, values.WAN, 7.0)
                found = amount.wan is not None and not amount.error and (
                    not self._is("year", c) or bool(re.fullmatch(r"\d{4}", h)))
            elif kind == "stage":
                found = values.stage_key(c) in self.aliases
            elif kind == "place":
                found = bool(_LETTERS.search(c)) and self.index.resolve(c)[0] is not None
            else:  # text: a name, no figure, year, stage or place alone
                found = bool(_LETTERS.search(c)) and not any(self._is(k, c) for k in ("year", "amount", "stage")) \
                    and not self.index.only_places(c)
            self._seen[key] = found
        return self._seen[key]

    def fits(self, kind: str | None, cell: str) -> bool:
        if kind is None:
            return True
        c = str(cell).strip()
        if c == "" or c.lower() in values.MISSING:
            return kind != "text"
        return self._is(kind, c)


def suspects(body: object) -> np.ndarray:
    """The rows worth a look (cheap, vectorised): a name empty beside other cells, a typed cell whose text cannot
    be its column's kind (a year column without a year, a stage or place that is a figure or holds a year, an
    amount with no digit or with a year range), or a cell in a column with no header."""
    n = len(body)
    out = np.zeros(n, dtype=bool)
    if n == 0:
        return out
    fields = {pos: f for f, pos in body.col_of.items()}
    for pos in body.cells.columns:
        column = body.cells[pos]
        kind = expected_kind(fields.get(pos))
        if pos not in fields:
            if pos < len(body.labels) and body.labels[pos] == f"column {pos + 1}":
                out |= (column != "").to_numpy(dtype=bool)
            continue
        if kind is None:
            continue
        if kind == "text":
            empty = np.flatnonzero((column == "").to_numpy(dtype=bool))
            if len(empty):  # a name empty beside another cell (rare: only those rows are looked at)
                out[empty] |= (body.cells.iloc[empty] != "").any(axis=1).to_numpy(dtype=bool)
            if any(f in body.col_of for f in _PLACE_FIELDS):  # a name cell that may be a place alone (南京市)
                out |= pc.match_substring_regex(pa.array(column.astype(str), type=pa.string()), _PLACE_ALONE) \
                    .to_numpy(zero_copy_only=False).astype(bool)
            continue
        if kind in ("stage", "place") and not may_hold(column, "0123456789"):
            continue
        arr = pa.array(column.astype(str), type=pa.string())

        def match(pattern: str, arr: pa.Array = arr) -> np.ndarray:
            return pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False).astype(bool)

        if kind == "amount":  # no digit (江苏省南京市, 在建), a year range, or a place's level word beside the figure
            odd = match(r"^[^0-9]+$|" + _RANGE_RE2 + r"|[省市县区镇]")
        elif kind == "year":  # no full year, or a figure of five digits or more
            odd = ~match(r"(?:19|20)[0-9]{2}")
            if may_hold(column, "0123456789"):
                odd |= match(r"^\s*[0-9,.]{5,}\s*$")
            odd &= (column != "").to_numpy(dtype=bool)
        else:  # a stage or place that is a figure or holds a year
            odd = match(r"^\s*[0-9][0-9,.]*\s*(?:万元|亿元|万|亿|元)?\s*$|(?:19|20)[0-9]{2}")
        out |= odd
    return out


def first_misfit(body: object, index: object, aliases: Mapping[str, str | None]) -> tuple[int, str, str] | None:
    """The first cell, by row, that does not fit its typed column (a name, place, amount, year or stage column):
    (row, column's label, cell); None when every one fits. A table rebuilt from one cell per line is read only
    so (a value too many or too few anywhere moves every later one into the wrong column)."""
    k = Kinds(index, aliases)
    fields = {pos: f for f, pos in body.col_of.items()}
    typed = [(p, expected_kind(f)) for p, f in sorted(fields.items()) if expected_kind(f) is not None]
    for i in range(len(body)):
        for p, kind in typed:
            cell = str(body.cells.iat[i, p])
            if not k.fits(kind, cell):
                return int(body.rows[i]), body.labels[p], cell
    return None


def _readings(cells: list[str], kinds: list[str | None], name_at: int, k: Kinds, headerless: list[int]
              ) -> list[tuple[str, tuple[int, ...], tuple[str, ...]]]:
    """Every way of reading the row shifted or swapped under which all its typed cells fit their columns:
    (how: shifted_right / shifted_left / swapped, the positions concerned, the cells as read)."""
    width = len(cells)

    def valid(read: list[str]) -> bool:
        # every typed cell fits, the name is there, and no value is left in a column with no header (lost)
        return all(k.fits(kind, read[p]) for p, kind in enumerate(kinds) if kind is not None) \
            and str(read[name_at]).strip() != "" and not any(read[p].strip() for p in headerless)

    # The evidence a reading needs: a swap, both cells misfit where they stand (在建 in the year column, 2024-2026 in
    # the stage column); a shift, every typed cell fitting once moved, and a place, amount, year or stage cell that did
    # not before (an empty name alone is no evidence: 文号 moved into it, or a note's words, would read as a name).
    misfit = {p for p, kind in enumerate(kinds) if kind is not None and not k.fits(kind, cells[p])}
    out: list[tuple[str, tuple[int, ...], tuple[str, ...]]] = []
    name = cells[name_at].strip()
    if name and name_at in misfit and k.index.only_places(name):
        # The name cell a place alone (江苏省南京市) and a place column's cell a project's name: the two swapped.
        # The evidence is the name cell (a place is no project's name); a reading counts, as any other, only when
        # every typed cell then fits (the place cell a name, the name cell a place its column takes).
        # (a company's name there is the 建设单位 of a row that lost its name cell: not read as the project's)
        named = [p for p, kind in enumerate(kinds) if kind == "place" and cells[p].strip()
                 and k.fits("text", cells[p]) and not values.company_like(cells[p])]
        for p in named:
            read = list(cells)
            read[name_at], read[p] = read[p], read[name_at]
            # two place columns each holding a name (城市 南京生物医药中心, 区县 江宁生物医药园项目): which is the
            # project's cannot be told, whether or not each reading fits (a place cell may hold a zone's name)
            if valid(read) or len(named) > 1:
                out.append(("row_name_place_swapped", (name_at, p), tuple(read)))
    if not misfit - {name_at}:
        return out
    for at in range(width):
        # one cell too many at ``at`` (empty, so nothing is lost): the cells after it belong one column left
        if cells[at].strip() == "" and any(c.strip() for c in cells[at + 1:]):
            read = cells[:at] + cells[at + 1:] + [""]
            if valid(read):
                out.append(("row_shifted_right", (at,), tuple(read)))
        # a cell missing at ``at`` (the last one empty, so nothing is pushed off): the cells from it belong one
        # column right
        if cells[-1].strip() == "" and any(c.strip() for c in cells[at:-1]):
            read = cells[:at] + [""] + cells[at:-1]
            if valid(read):
                out.append(("row_shifted_left", (at,), tuple(read)))
    typed = [p for p in sorted(misfit) if cells[p].strip()]
    for i, a in enumerate(typed):
        for b in typed[i + 1:]:
            read = list(cells)
            read[a], read[b] = read[b], read[a]
            if valid(read):
                out.append(("row_swapped", (a, b), tuple(read)))
    return out


def shifted_rows(body: object, index_of: Callable[[], object], aliases: Mapping[str, str | None]
                 ) -> tuple[list[Problem], set[int]]:
    """Rows read shifted or swapped back where one reading makes every typed cell fit (``body.cells`` rewritten,
    a warning by row naming the columns), and rows refused where several do (an error by row); the rows refused
    so, whose other problems the caller leaves unsaid."""
    rows = np.flatnonzero(suspects(body))
    if not len(rows) or "name" not in body.col_of:
        return [], set()
    k = Kinds(index_of(), aliases)
    width = body.cells.shape[1]
    fields = {pos: f for f, pos in body.col_of.items()}
    kinds = [expected_kind(fields.get(p)) for p in range(width)]
    name_at = body.col_of["name"]
    labels = [body.labels[p] if p < len(body.labels) else f"column {p + 1}" for p in range(width)]
    headerless = [p for p in range(width) if p not in fields and labels[p] == f"column {p + 1}"]
    out: list[Problem] = []
    refused: set[int] = set()
    for i in rows:
        cells = [str(v) for v in body.cells.iloc[i].tolist()]
        if all(k.fits(kind, cells[p]) for p, kind in enumerate(kinds) if kind is not None) \
                and cells[name_at].strip():
            continue
        found = _readings(cells, kinds, name_at, k, headerless)
        seen: set[tuple[str, ...]] = set()
        found = [f for f in found if not (f[2] in seen or seen.add(f[2]))]  # a reading found two ways, once
        distinct = {read for _how, _at, read in found}
        row = int(body.rows[i])
        if not distinct:
            continue
        shown = "、".join(f"{labels[p]}“{c}”" for p, c in enumerate(cells) if c.strip() and kinds[p] is not None)
        shown_en = "; ".join(f"{labels[p]} \"{c}\"" for p, c in enumerate(cells) if c.strip() and kinds[p] is not None)
        if len(distinct) > 1:
            ways = "；".join(_way(how, at, labels, "zh") for how, at, _read in found)
            ways_en = "; ".join(_way(how, at, labels, "en") for how, at, _read in found)
            out.append(Problem("row_shifted_unclear", row, labels[name_at], None, "error",
                               {"row": row, "cells": shown, "cells_en": shown_en, "ways": ways, "ways_en": ways_en}))
            refused.add(row)
            continue
        how, at, read = found[0]
        moved = [p for p in range(width) if read[p] != cells[p] and kinds[p] is not None and read[p].strip()]
        said = "、".join(f"{labels[p]}“{read[p]}”" for p in moved)
        said_en = "; ".join(f"{labels[p]} \"{read[p]}\"" for p in moved)
        if how in ("row_swapped", "row_name_place_swapped"):
            a, b = at
            values_ = {"first": labels[a], "second": labels[b], "first_value": cells[a], "second_value": cells[b]}
        else:
            values_ = {"from": labels[at[0]], "missing": labels[at[0]]}
        column = labels[at[0]]  # where the extra or missing cell stands; a swap's first column
        out.append(Problem(how, row, column, None, "warning",
                           {"row": row, "read": said, "read_en": said_en, **values_}))
        for p in range(width):
            body.cells.iat[i, p] = read[p]
    return out, refused


def _way(how: str, at: tuple[int, ...], labels: list[str], lang: str) -> str:
    if how in ("row_swapped", "row_name_place_swapped"):
        return (f"“{labels[at[0]]}”与“{labels[at[1]]}”互换" if lang == "zh"
                else f"{labels[at[0]]} and {labels[at[1]]} swapped")
    if how == "row_shifted_right":
        return (f"第 {at[0] + 1} 列多出一格（{labels[at[0]]}），其后左移" if lang == "zh"
                else f"an extra cell at column {at[0] + 1} ({labels[at[0]]}), the rest moved left")
    return (f"“{labels[at[0]]}”缺一格，其后右移" if lang == "zh"
            else f"a cell missing at {labels[at[0]]}, the rest moved right")


def drop_said(problems: list[Problem], refused: set[int]) -> list[Problem]:
    """The problems without those of the rows refused as shifted (said once, as such)."""
    if not refused:
        return problems
    return [p for p in problems if p.row not in refused or p.code == "row_shifted_unclear"]

