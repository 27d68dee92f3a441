"""What a reader hands on: the raw cells of every sheet, and the error for a file that cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


class ReadError(Exception):
    """The file cannot be read at all; ``code`` is an ``importer.<code>`` message key."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass
class Sheet:
    name: str
    cells: pd.DataFrame          # all str ('' for empty), columns 0..n-1
    rows: np.ndarray             # 1-based row number in the file of each cells row


@dataclass
class RawFile:
    kind: str                    # 'text' | 'xlsx' | 'xls'
    sheets: list[Sheet]
    encoding: str | None = None
    delimiter: str | None = None
    # What the reader repaired or guessed: (code, values); values may hold the 'row' and 'col' it concerns.
    warnings: list[tuple[str, dict]] = field(default_factory=list)

