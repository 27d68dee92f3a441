"""Traditional characters read as simplified (OpenCC), only where a file has any."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd


@cache
def _traditional_chars() -> frozenset[str]:
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values.split(" ")[0] != key:
            chars.add(key)
    return frozenset(chars)


@cache
def _converter():  # noqa: ANN202 - opencc has no types
    import opencc

    return opencc.OpenCC("t2s")


def simplify(cells: pd.DataFrame) -> pd.DataFrame:
    """Traditional characters as simplified ones (總投資 → 总投资), touching only cells that have them."""
    if cells.empty:
        return cells
    traditional = _traditional_chars()
    pattern = _traditional_pattern()
    for col in cells.columns:
        column = cells[col].astype(str)
        # A column without a traditional character (most) is seen by one table look-up per character:
        # the regular expression (thousands of characters in one class, parsed again on every call for
        # Arrow strings) cost milliseconds a column, seconds for a sheet thousands of columns wide.
        if not traditional_and_any("\n".join(column.tolist()), "")[0]:
            continue
        has = column.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool)
        if not has.any():
            continue
        conv = _converter()
        mapping = {v: conv.convert(v) for v in pd.unique(column[has]) if set(v) & traditional}
        cells[col] = column.map(lambda v, m=mapping: m.get(v, v))
    return cells


@cache
def _traditional_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in _traditional_chars()]] = True
    return table


_SLICE = 1 << 20  # characters looked at a time: a large file is not copied whole four bytes a character


@cache
def _flag_table(others: str) -> np.ndarray:
    table = _traditional_table().astype(np.uint8)
    table[[ord(c) for c in others]] |= 2
    return table


def traditional_and_any(text: str, others: str) -> tuple[bool, bool | None]:
    """(whether any character of ``text`` is a traditional one, whether ``text`` holds any of ``others``)
    from one table look-up per character; (True, None) for a text with a lone surrogate (no code points to
    look up: :func:`simplify` looks at its cells)."""
    table = _flag_table(others)
    seen = 0
    for at in range(0, len(text), _SLICE):
        try:
            codes = np.frombuffer(text[at:at + _SLICE].encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:
            return True, None
        seen |= int(np.bitwise_or.reduce(table[codes])) if len(codes) else 0
        if seen == 3:
            break
    return bool(seen & 1), bool(seen & 2)


@cache
def _traditional_pattern() -> str:
    return "[" + "".join(re.escape(c) for c in sorted(_traditional_chars())) + "]"

