"""What a reader hands on: the raw cells of every sheet, and the error for a file that cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

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
CONTROL = (r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
           r"\ufe00-\ufe0f\ufeff]")
# A terminal's colour or style code (ESC[31m, ESC[1;4m, ESC[0m: a table copied from a console or a log) is
# removed whole: stripping ESC alone left "[31m" in a header ("[1m项目名称[0m" was a label of its own) or an amount.
ANSI = r"\x1b\[[0-?]*[ -/]*[@-~]"
CONTROL_RE = re.compile(ANSI + "|" + CONTROL)
BLANKS = "".join(map(re.escape, BLANK_CHARS))
# A text none of whose cells can hold either: neither anywhere in it but line breaks (between rows).
_UNCLEAN = re.compile(CONTROL[:-1] + BLANKS.replace("\\\n", "").replace("\\\r", "") + "]")


# … and as the characters themselves (all below U+3001 but U+FEFF), with the quote (see :func:`clean_text`).
UNCLEAN_CHARS = "".join(c for c in map(chr, [*range(0x3001), *range(0xFE00, 0xFE10), 0xFEFF])
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
    used = np.flatnonzero((sheet.cells.astype(str) != "").any(axis=0).to_numpy())
    width = int(used[-1]) + 1 if len(used) else 0
    if width > MAX_COLUMNS:
        return None
    sheet.cells = sheet.cells.iloc[:, :width]
    return sheet
