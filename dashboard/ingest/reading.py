"""A file's bytes into raw cells, each row carrying its 1-based row number as seen in the file.

Text files (.csv, .txt): UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), GBK / GB18030,
comma, tab or semicolon separated. Workbooks: .xlsx (openpyxl) and .xls (xlrd), every sheet.
Traditional characters are read as simplified. Nothing here knows what a header is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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


_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(data: bytes, file_name: str) -> RawFile:
    """Every sheet (one for a text file) of the file, or :class:`ReadError`."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("file_empty")
    suffix = Path(file_name).suffix.lower()
    if data.startswith(_XLSX_MAGIC):
        return _read_xlsx(data)
    if data.startswith(_XLS_MAGIC):
        return _read_xls(data)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise ReadError("not_a_workbook", suffix=suffix)
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    cells = _parse_text(text, delimiter)
    if has_traditional(text):  # most files have none: then no cell needs looking at
        cells = simplify(cells)
    sheet = Sheet(Path(file_name).stem or "data", cells, np.arange(1, len(cells) + 1))
    return RawFile("text", [sheet], encoding=encoding, delimiter=delimiter)


# ------------------------------------------------------------------------------------------ encodings

def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; refuses binary files."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 3 and even < len(head) // 20:
            return _decode_or_refuse(data, "utf-16-le")
        if even > len(head) // 3 and odd < len(head) // 20:
            return _decode_or_refuse(data, "utf-16-be")
        raise ReadError("file_binary")
    if b"\x00" in head:
        raise ReadError("file_binary")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "gbk" if encoding == "gb18030" and _is_gbk(data) else encoding
        raise ReadError("file_binary")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReadError("file_binary")
    text = data.decode(best.encoding, errors="replace")
    if not _looks_like_text(text):
        raise ReadError("file_binary")
    return text, best.encoding


def _decode_or_refuse(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise ReadError("file_binary") from None


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_text(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return True
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    odd = sum(1 for ch in sample if 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return (control + odd) / len(sample) < 0.01


# -------------------------------------------------------------------------------------------- parsing

def sniff_delimiter(text: str) -> str:
    """Comma, tab or semicolon: the one that splits the first lines into the most, most regular fields."""
    lines = [ln for ln in text[:100_000].splitlines()[:60] if ln.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", "\t", ";"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        score = (wide.count(common) * (common > 1), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse_text(text: str, delimiter: str) -> pd.DataFrame:
    sample = text[:200_000].splitlines()[:500]
    width = max((len(r) for r in csv.reader(sample, delimiter=delimiter)), default=1)
    try:
        cells = pd.read_csv(
            _utf8_source(text), sep=delimiter, header=None, names=range(width), dtype=str,
            keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
        )
    except pd.errors.ParserError:  # a row wider than the first 500: read them all the slow way
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        width = max(len(r) for r in rows)
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=str)
    except pd.errors.EmptyDataError:
        raise ReadError("file_empty") from None
    cells.columns = range(cells.shape[1])
    return cells


def _utf8_source(text: str) -> io.IOBase:
    """The text as UTF-8 bytes, which pandas' C parser reads directly (a text stream it re-encodes
    chunk by chunk, a third slower); the text stream itself if it cannot be UTF-8 or starts with a BOM."""
    if not text.startswith("\ufeff"):
        try:
            return io.BytesIO(text.encode("utf-8"))
        except UnicodeEncodeError:  # a lone surrogate
            pass
    return io.StringIO(text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _frame(rows: list[list[object]]) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    return pd.DataFrame([[_cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows],
                        columns=range(width), dtype=object)


def _read_xlsx(data: bytes) -> RawFile:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure means "not a workbook we can read"
        raise ReadError("workbook_unreadable") from None
    sheets = []
    try:
        for ws in book.worksheets:
            rows: list[list[object]] = []
            numbers: list[int] = []
            for row in ws.iter_rows():
                cells = [c for c in row if getattr(c, "row", None) is not None]
                if not cells:
                    continue
                values: list[object] = [None] * (max(c.column for c in cells))
                for c in cells:
                    values[c.column - 1] = c.value
                rows.append(values)
                numbers.append(cells[0].row)
            sheets.append(Sheet(ws.title, simplify(_frame(rows)), np.array(numbers, dtype=int)))
    finally:
        book.close()
    return RawFile("xlsx", sheets)


def _read_xls(data: bytes) -> RawFile:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data)
    except Exception:  # noqa: BLE001
        raise ReadError("workbook_unreadable") from None
    sheets = []
    for ws in book.sheets():
        rows = []
        for r in range(ws.nrows):
            values: list[object] = []
            for c in range(ws.ncols):
                cell = ws.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                else:
                    values.append(cell.value)
            rows.append(values)
        sheets.append(Sheet(ws.name, simplify(_frame(rows)), np.arange(1, ws.nrows + 1)))
    return RawFile("xls", sheets)


# --------------------------------------------------------------------------------------- traditional

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


def has_traditional(text: str) -> bool:
    """Whether any character of ``text`` is a traditional one (one table look-up per character)."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: let simplify look
        return True
    return bool(_traditional_table()[codes].any())


@cache
def _traditional_pattern() -> str:
    return "[" + "".join(re.escape(c) for c in sorted(_traditional_chars())) + "]"
