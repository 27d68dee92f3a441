"""Traditional characters read as simplified (OpenCC), and the pinyin a reposting site prints after some
characters (項(xiàng)目名稱) removed, only where a file has any."""

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
    return frozenset(chars | set(_hk_variants()))


@cache
def _hk_variants() -> dict[str, str]:
    """香港's variant forms the converter leaves as written, as their simplified characters (衞 卫, 衹 只, 粧 妆,
    糭 粽, 敍 叙, 枱 台): a Finance Committee paper's 公共衞生化驗大樓 was stored as 公共衞生化验大楼. From OpenCC's
    HKVariantsRev through its hk2s, only for characters outside GB2312 (a simplified text's own: hk2s makes 抬
    擡) and where that gives a simplified character t2s keeps."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "HKVariantsRev.txt"
    t2s, hk2s = _converter(), opencc.OpenCC("hk2s")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.partition("\t")[0]
        if len(key) == 1 and t2s.convert(key) == key and not _in_gb2312(key):
            folded = hk2s.convert(key)
            if len(folded) == 1 and folded != key and t2s.convert(folded) == folded:
                out[key] = folded
    return out


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _hk_table() -> dict[int, str]:
    return str.maketrans(_hk_variants())


@cache
def _converter():  # noqa: ANN202 - opencc has no types
    import opencc

    return opencc.OpenCC("t2s")


@cache
def kept_characters() -> frozenset[str]:
    """Characters OpenCC's t2s replaces that are standard simplified characters too, kept as written (华昇 was
    stored as 华升, a company's name changed): those whose own t2s entry lists them among their simplified forms
    (乾 as in 乾坤 and 乾县, 於 as a surname, 麽, 剋, 徵: the converter's first choice 干 于 么 克 征 is only one
    use), and the variants the 2013 Table of General Standard Characters made standard for names and places,
    which OpenCC still maps to their old standard form (昇 升, 陞 升, 甯 宁, 甦 苏: ``data/name_variants.csv``).
    喆, 堃, 淼, 犇 and the like OpenCC leaves alone already."""
    import csv

    import opencc

    from ..config import DATA_DIR

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    kept = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        forms = values.split(" ")
        if len(key) == 1 and forms[0] != key and key in forms:
            kept.add(key)
    with (DATA_DIR / "name_variants.csv").open(encoding="utf-8", newline="") as f:
        kept.update(row["char"] for row in csv.DictReader(f))
    return frozenset(kept)


def to_simplified(text: str) -> str:
    """``text`` through OpenCC's t2s, the :func:`kept_characters` kept: the text between them is converted."""
    kept = kept_characters()
    conv = _converter()
    text = text.translate(_hk_table())
    if not any(c in kept for c in text):
        return conv.convert(text)
    pieces = re.split("([" + "".join(sorted(kept)) + "])", text)
    return "".join(p if p in kept else conv.convert(p) for p in pieces)


# The tone-marked vowels of pinyin: a text without any holds no gloss, and is not searched for one.
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A syllable of pinyin in brackets right after a character (建設(shè)項(xiàng)目, 區(qū)): how some reposting sites
# gloss the characters they convert. One tone mark at least, so "(a)" or "(kV)" is never taken for one.
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（](?=[a-zü]*[{TONE_MARKS}])[a-zêü{TONE_MARKS}]{{1,7}}[)）]")


def simplify(cells: pd.DataFrame, said: list[tuple[str, dict]] | None = None) -> pd.DataFrame:
    """Traditional characters as simplified ones (總投資 → 总投资), and pinyin glosses left out (項(xiàng)目 →
    项目: a project named with its glosses was stored so), touching only cells that have them; the cells
    glossed are said in ``said`` (how many, the first as it was)."""
    if cells.empty:
        return cells
    traditional = _traditional_chars()
    pattern = _traditional_pattern()
    glossed, first = 0, None
    for col in cells.columns:
        column = cells[col].astype(str)
        # A column without a traditional character (most) is seen by one table look-up per character:
        # the regular expression (thousands of characters in one class, parsed again on every call for
        # Arrow strings) cost milliseconds a column, seconds for a sheet thousands of columns wide.
        has_traditional, has_tones = traditional_and_any("\n".join(column.tolist()), TONE_MARKS)
        if has_tones is not False:
            has = column.str.contains(_GLOSS, regex=True, na=False).to_numpy(dtype=bool)
            if has.any():
                glossed += int(has.sum())
                first = first or str(column[has].iloc[0])
                column = column.str.replace(_GLOSS, "", regex=True)
                cells[col] = column
        if not has_traditional:
            continue
        has = column.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool)
        if not has.any():
            continue
        mapping = {v: to_simplified(v) for v in pd.unique(column[has]) if set(v) & traditional}
        cells[col] = column.map(lambda v, m=mapping: m.get(v, v))
    if glossed and said is not None:
        said.append(("pinyin_removed", {"count": glossed, "example": first[:60]}))
    return cells


def simplify_text(text: str) -> str:
    """One text's traditional characters as simplified, as :func:`simplify` reads a cell (備註 → 备注); a text
    without any is returned as it is."""
    if not set(text) & _traditional_chars():
        return text
    return _converter().convert(text.translate(_hk_table()))


@cache
def _traditional_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in _traditional_chars()]] = True
    return table


_SLICE = 1 << 20  # characters looked at a time: a large file is not copied whole four bytes a character


@cache
def _flag_table(others: str, more: str = "") -> np.ndarray:
    table = _traditional_table().astype(np.uint8)
    table[[ord(c) for c in others]] |= 2
    table[[ord(c) for c in more]] |= 4
    return table


def traditional_and_any(text: str, others: str) -> tuple[bool, bool | None]:
    """(whether any character of ``text`` is a traditional one, whether ``text`` holds any of ``others``)
    from one table look-up per character; (True, None) for a text with a lone surrogate (no code points to
    look up: :func:`simplify` looks at its cells)."""
    traditional, any_other, _ = text_flags(text, others)
    return traditional, any_other


def text_flags(text: str, others: str, more: str = "") -> tuple[bool, bool | None, bool | None]:
    """:func:`traditional_and_any`, and whether ``text`` holds any of ``more``, in the same pass."""
    table = _flag_table(others, more)
    full = 7 if more else 3
    seen = 0
    for at in range(0, len(text), _SLICE):
        try:
            codes = np.frombuffer(text[at:at + _SLICE].encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:
            return True, None, None
        seen |= int(np.bitwise_or.reduce(table[codes])) if len(codes) else 0
        if seen == full:
            break
    return bool(seen & 1), bool(seen & 2), bool(seen & 4)


@cache
def _traditional_pattern() -> str:
    return "[" + "".join(re.escape(c) for c in sorted(_traditional_chars())) + "]"

