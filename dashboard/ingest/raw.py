"""What a reader hands on: the raw cells of every sheet, and the error for a file that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from ..textchars import BLANK_CHARS

# The most cells a reader makes of one sheet or table, short rows padded out to the widest (each cell a
# Python object): a million-row list of ten columns. More is a hostile file (one cell far to the right,
# inflated spans), refused as it is read rather than let fill the memory.
MAX_CELLS = 10_000_000
# The most columns a sheet's table may have once its trailing empty columns are left off: project lists
# have tens (a plan with a column per month and measure, a few hundred), and 2,000 extra columns are still
# read and kept (round 2; 3,000 took 2 CPU-s to preview). A sheet wider than this (a CSV of 16,384 columns
# took 37-52 s to preview: every step looks at each column) is no project table.
MAX_COLUMNS = 3_000


class ReadError(Exception):
    """The file cannot be read at all; ``code`` is an ``importer.<code>`` message key."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


# Control characters and invisible format characters the import removes from a cell: C0 controls, DEL,
# the soft hyphen, the combining grapheme joiner, the Mongolian vowel separator, zero-width spaces and
# joiners, the direction marks and overrides (U+202E shows a name backwards: "Trojan source"), word
# joiners and invisible operators, the variation selectors (南京中心\ufe0f: a name unlike the stored one
# though it reads the same), the BOM; and the blanks str.strip() removes from its ends (every
# character it strips, spelled out: textchars.BLANK_CHARS, escaped).
# The tag characters (U+E0000-E007F, invisible: 常州\U000e0041项目 read as 常州项目 and was stored unlike it) too.
CONTROL = (r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
           r"\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]")
# The direction overrides, embeddings and isolates among them: they change the order a cell is shown in, so an
# amount, a year or a place holding one shows another value than its characters (\u202e0001 shows 1000).
DIRECTION = r"[\u202a-\u202e\u2066-\u2069]"
# Characters Unicode's canonical composition (NFC) changes: combining marks (Cafe\u0301 and Café), Hangul
# jamo, and the CJK compatibility ideographs some converters write (U+F9DC 隆 for U+9686 隆): a name holding
# one read like its stored twin and was another project. And the radicals a PDF's text layer gives for whole
# characters (⻓ for 长, ⾼ for 高: textchars.RADICAL_FORMS).
DECOMPOSED = (r"[\u0300-\u036f\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\uf900-\ufaff\ufe20-\ufe2f"
              r"\u2e80-\u2ef3\u2f00-\u2fd5"
              r"\U0002f800-\U0002fa1f]")
# A terminal's colour or style code (ESC[31m, ESC[1;4m, ESC[0m: a table copied from a console or a log) is
# removed whole: stripping ESC alone left "[31m" in a header ("[1m项目名称[0m" was a label of its own) or an amount.
ANSI = r"\x1b\[[0-?]*[ -/]*[@-~]"
CONTROL_RE = re.compile(ANSI + "|" + CONTROL)
BLANKS = "".join(map(re.escape, BLANK_CHARS))
# A text none of whose cells can hold either: neither anywhere in it but line breaks (between rows).
_UNCLEAN = re.compile(CONTROL[:-1] + BLANKS.replace("\\\n", "").replace("\\\r", "") + DECOMPOSED[1:-1] + "]")


# … and as the characters themselves, with the quote (see :func:`clean_text`).
UNCLEAN_CHARS = "".join(c for c in map(chr, [*range(0x3001), *range(0xF900, 0xFB00), *range(0xFE00, 0xFE30), 0xFEFF,
                                             *range(0xE0000, 0xE0080), *range(0x2F800, 0x2FA20)])
                        if _UNCLEAN.match(c)) + '"'


def clean_text(text: str) -> bool:
    """Whether no cell read from ``text`` can hold a control character or a blank at either end: the
    text holds none but line breaks, and no quote (a quoted cell may hold a line break)."""
    return '"' not in text and _UNCLEAN.search(text) is None


@dataclass
class Sheet:
    name: str
    cells: pd.DataFrame          # all str ('' for empty), columns 0..n-1
    rows: np.ndarray             # 1-based row number in the file of each cells row
    clean: bool = False          # known to hold no control character and no cell with blanks at its ends
    hidden: bool = False         # a workbook sheet hidden in Excel (never chosen unless asked for by name)
    # What the reader found in this sheet alone: (code, values) as RawFile.warnings has them.
    warnings: list[tuple[str, dict]] = field(default_factory=list)
    # Cells merged down over several rows whose value every row was given: (0-based column, first row number,
    # last row number). A place or a period is the rows'; an amount is one figure, not one per row.
    merged: list[tuple[int, int, int]] = field(default_factory=list)
    # Columns hidden in Excel (0-based): a repeated header's visible column is read before its hidden twin.
    hidden_columns: frozenset[int] = frozenset()


@dataclass
class RawFile:
    kind: str                    # 'text' | 'xlsx' | 'xls'
    sheets: list[Sheet]
    encoding: str | None = None
    delimiter: str | None = None
    # What the reader repaired or guessed: (code, values); values may hold the 'row' and 'col' it concerns.
    warnings: list[tuple[str, dict]] = field(default_factory=list)



def within_width(sheet: Sheet) -> Sheet | None:
    """The sheet without its trailing empty columns when it is wider than :data:`MAX_COLUMNS` (a value or a
    separator far to the right), or None when it still is (the caller refuses it or leaves it out);
    a sheet of ordinary width is returned as it is, at no cost."""
    width = sheet.cells.shape[1]
    if width <= MAX_COLUMNS:
        return sheet
    filled = (sheet.cells.astype(str) != "").to_numpy()
    used = np.flatnonzero(filled.any(axis=0))
    width = int(used[-1]) + 1 if len(used) else 0
    if width > MAX_COLUMNS:
        width = _before_strays(sheet, filled, used)
        if width is None:
            return None
    sheet.cells = sheet.cells.iloc[:, :width]
    return sheet


# Cells far right of a table (a note typed at XFD1, a stray key press) past MAX_COLUMNS: at most this many, beyond
# a run of at least STRAY_GAP empty columns, are left out and said; more is a wide sheet, refused as before.
MAX_STRAYS = 10
STRAY_GAP = 100


def column_letters(index: int) -> str:
    """Excel's letters of a 0-based column (0 → A, 16383 → XFD)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _before_strays(sheet: Sheet, filled: np.ndarray, used: np.ndarray) -> int | None:
    """The width of the table left of a few stray cells far to its right (said in the sheet's warnings),
    or None when the columns past the last wide gap are no few strays or the table itself is too wide."""
    gaps = np.flatnonzero(np.diff(used) > STRAY_GAP)
    if not len(gaps):
        return None
    width = int(used[gaps[-1]]) + 1
    rows, cols = np.nonzero(filled[:, width:])
    if width > MAX_COLUMNS or len(rows) > MAX_STRAYS:
        return None
    found = [(f"{column_letters(width + int(c))}{int(sheet.rows[r])}", shorten_cell(sheet.cells.iat[r, width + c]))
             for r, c in zip(rows, cols, strict=True)]
    sheet.warnings.append(("sheet_stray_cells_dropped", {
        "sheet": sheet.name, "count": len(found), "width": column_letters(width - 1),
        "cells": "、".join(f"{ref}“{v}”" for ref, v in found),
        "cells_en": ", ".join(f'{ref} ("{v}")' for ref, v in found)}))
    return width


def shorten_cell(text: object, limit: int = 20) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _utf8_bytes(column: pd.Series) -> bytes | None:
    """The UTF-8 bytes of every cell of a column of Arrow strings, run together (a copy of the column's
    data buffer, only the part its cells use); None for a column of another kind."""
    if not (isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"):
        return None
    parts = []
    for chunk in column.array.__arrow_array__().chunks:
        if not len(chunk):
            continue
        offsets, data = chunk.buffers()[1], chunk.buffers()[2]
        if data is None:
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        bounds = np.frombuffer(offsets, dtype=width)[[chunk.offset, chunk.offset + len(chunk)]]
        start, end = int(bounds[0]), int(bounds[1])
        parts.append(data.slice(start, end - start).to_pybytes() if end > start else b"")  # one copy
    return b"".join(parts)


def may_hold(column: pd.Series, needles: str | list[str] | tuple[str, ...]) -> bool:
    """False when no cell of ``column`` holds any of ``needles`` (each a text; a str: each of its characters),
    seen at once in the column's bytes without a Python str per cell; True when one may (then look cell by
    cell, as before). It only ever answers "none" when that is certain: a column not of Arrow strings is
    always True. Arrow's search of a column of 100,000 names for one character took ~6 ms; this, ~0.2 ms for an
    ASCII character and 1-3 ms for another.

    Three or more needles that are not ASCII are looked for in the bytes decoded once (~5 ms for 100,000 names),
    then each in ~0.15 ms: a byte search for a Chinese character runs ~2.5 ms over the same names, since its
    bytes' lead and end bytes are those of every other character."""
    data = _utf8_bytes(column)
    if data is None:
        return True
    wide = [n for n in needles if not n.isascii()]
    if len(wide) < 3:
        return any(data.find(n.encode("utf-8")) >= 0 for n in needles)
    if any(data.find(n.encode("utf-8")) >= 0 for n in needles if n.isascii()):
        return True
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return any(data.find(n.encode("utf-8")) >= 0 for n in wide)
    return any(n in text for n in wide)


def may_hold_bytes(column: pd.Series, low: int, high: int) -> bool:
    """Like :func:`may_hold`, for any byte from ``low`` to ``high`` in the cells' UTF-8 (A-Z: 0x41-0x5A; any
    character from U+F000 to U+FFFF starts with 0xEF)."""
    data = _utf8_bytes(column)
    if data is None:
        return True
    b = np.frombuffer(data, dtype=np.uint8)
    return bool(((b >= low) & (b <= high)).any())


def rows_said(code: str, rows: Iterable[int]) -> list[tuple[str, dict]]:
    """One sheet warning ``code`` naming these rows (the first 20, then their count), or none."""
    rows = sorted(set(rows))
    if not rows:
        return []
    shown = "、".join(map(str, rows[:20])) + ("…" if len(rows) > 20 else "")
    return [(code, {"row": rows[0], "rows": shown, "count": len(rows)})]
