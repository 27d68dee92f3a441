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
from dataclasses import dataclass, field
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
    # What the reader repaired or guessed: (code, values); values may hold the 'row' and 'col' it concerns.
    warnings: list[tuple[str, dict]] = field(default_factory=list)


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
    said: list[tuple[str, dict]] = []
    text, encoding = decode(data, said)
    if not text.strip():
        raise ReadError("file_empty")
    delimiter = sniff_delimiter(text)
    cells, lines = _parse_text(text, delimiter, said)
    if has_traditional(text):  # most files have none: then no cell needs looking at
        cells = simplify(cells)
    sheet = Sheet(Path(file_name).stem or "data", cells, lines)
    return RawFile("text", [sheet], encoding=encoding, delimiter=delimiter, warnings=said)


# ------------------------------------------------------------------------------------------ encodings

# A UTF-32 BOM starts like a UTF-16 one, so the longer marks are tried first.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_MAX_BAD_CHARS = 0.001      # undecodable characters tolerated (replaced, with a warning): 1 in 1,000


def decode(data: bytes, warnings: list[tuple[str, dict]] | None = None) -> tuple[str, str]:
    """Text and the encoding it was in; refuses binary files with :class:`ReadError`.

    Repairs what can be repaired and says so in ``warnings`` (code, values): a BOM that contradicts
    the bytes, a few undecodable bytes (an odd-length UTF-16 file), NUL bytes, lines in another
    encoding than the rest."""
    said = warnings if warnings is not None else []
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            text = _decode_checked(data[len(bom):], encoding, said)
            if text is not None:
                return text, label
            try:
                text, found = _detect(data[len(bom):], said)
            except ReadError:
                raise ReadError("bom_unreadable", bom=label) from None
            said.append(("bom_mismatch", {"bom": label, "encoding": found}))
            return text, found
    return _detect(data, said)


def _detect(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str]:
    """The encoding of a file without a (believable) byte-order mark."""
    head = data[:4096]
    if head.count(0) > len(head) // 4:
        # UTF-32 / UTF-16 without a BOM: ASCII text has zero bytes in a regular pattern.
        for encoding in _WIDE:
            text = _decode_checked(data, encoding, said)
            if text is not None:
                return text, encoding
    nuls = data.count(0)
    if nuls:
        if nuls > len(data) // 4:
            raise ReadError("file_binary")
        first = data[:data.index(0)].count(b"\n") + 1
        said.append(("nul_stripped", {"count": nuls, "line": first}))
        data = data.replace(b"\x00", b"")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_like_text(text):
            raise ReadError("file_binary")
        return text, "utf-8"
    mixed = _mixed_lines(data, said)
    if mixed is not None:
        return mixed
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _chinese_pairs(data) and _looks_like_text(text):
        return text, "gbk" if _is_gbk(data) else "gb18030"
    western = _western(data)
    if western is not None:
        said.append(("encoding_guessed", {"encoding": western[1]}))
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReadError("file_binary")
    text = data.decode(best.encoding, errors="replace")
    if not _looks_like_text(text) or not _plausible_table(text):
        raise ReadError("file_binary")
    said.append(("encoding_guessed", {"encoding": best.encoding}))
    return text, best.encoding


def _decode_checked(data: bytes, encoding: str, said: list[tuple[str, dict]]) -> str | None:
    """``data`` as ``encoding`` if it reads as a text table, a few bad bytes replaced (and said); else None."""
    try:
        text = data.decode(encoding)
        bad = 0
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        text = text.rstrip("\ufffd")  # a cut-off last character (odd-length UTF-16)
        if bad > max(2, len(text) * _MAX_BAD_CHARS):
            return None
    if "\x00" in text:
        nuls = text.count("\x00")
        if nuls > len(text) // 4 or not _plausible_table(text.replace("\x00", "")):
            return None
        said.append(("nul_stripped", {"count": nuls, "line": text[:text.index("\x00")].count("\n") + 1}))
        text = text.replace("\x00", "")
    if not _looks_like_text(text.replace("\ufffd", "")) or not _plausible_table(text):
        return None
    if bad:
        said.append(("bytes_replaced", {"count": bad, "encoding": encoding,
                                        "line": text[:text.find("\ufffd") % (len(text) + 1)].count("\n") + 1}))
    return text


def _plausible_table(text: str) -> bool:
    """Whether decoded text has the line breaks or separators any table has (a wrong encoding seldom does)."""
    sample = text[:20_000]
    return len(sample) < 40 or any(ch in sample for ch in "\n\r\t,;")


def _chinese_pairs(data: bytes) -> bool:
    """Whether the double-byte pairs of ``data`` are mostly GB2312 characters, as Chinese text is
    (Latin-1 text that happens to decode as GB18030 pairs an accented letter with an ASCII one)."""
    pairs = re.findall(rb"[\x81-\xfe][\x30-\xfe]", data[:200_000])
    if not pairs:
        return True
    common = sum(1 for p in pairs if 0xA1 <= p[0] <= 0xF7 and p[1] >= 0xA1)
    return common >= 0.7 * len(pairs)


def _western(data: bytes) -> tuple[str, str] | None:
    """Latin-1 / Windows-1252 text, if its non-ASCII characters are mostly letters (é, ü, ñ)."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if encoding == "cp1252" and not re.search(rb"[\x80-\x9f]", data):
        encoding = "latin-1"
    high = [ch for ch in text[:200_000] if ord(ch) > 127]
    if not high or sum(ch.isalpha() for ch in high) < 0.8 * len(high):
        return None
    if not _looks_like_text(text) or not _plausible_table(text):
        return None
    return text, encoding


def _mixed_lines(data: bytes, said: list[tuple[str, dict]]) -> tuple[str, str] | None:
    """A file whose lines are partly UTF-8 and partly GBK (pasted together from two sources): each
    line decoded in its own encoding, and the GBK lines named. None if the file is not like that."""
    lines = data.split(b"\n")
    utf8_cjk = 0
    other: list[int] = []
    out: list[str] = []
    for i, line in enumerate(lines):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(i)
            out.append("")
            continue
        utf8_cjk += bool(re.search(r"[\u4e00-\u9fff]", text))
        out.append(text)
    if not utf8_cjk or not other:
        return None
    for i in other:
        try:
            text = lines[i].decode("gb18030")
        except UnicodeDecodeError:
            return None
        if not _chinese_pairs(lines[i]):
            return None
        out[i] = text
    text = "\n".join(out)
    if not _looks_like_text(text):
        return None
    said.append(("mixed_encoding", {"lines": _line_list([i + 1 for i in other]), "count": len(other)}))
    return text, "utf-8+gbk"


def _line_list(numbers: list[int], shown: int = 10) -> str:
    head = ", ".join(map(str, numbers[:shown]))
    return head + (f" … (+{len(numbers) - shown})" if len(numbers) > shown else "")


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

# A cell may be long (a project description); Python's csv module refuses fields over 128 KB by default.
csv.field_size_limit(2**31 - 1)


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


def _parse_text(text: str, delimiter: str, said: list[tuple[str, dict]]) -> tuple[pd.DataFrame, np.ndarray]:
    """The cells, and each row's line number in the file.

    pandas' C parser reads the usual file (one row per line); a file with a cell that spans lines
    (a quoted line break, or a quote never closed) is read by :func:`_records`, which knows each
    row's first line and treats a quote that would swallow the following rows as a plain character."""
    sample = text[:200_000].splitlines()[:500]
    width = max((len(r) for r in csv.reader(sample, delimiter=delimiter)), default=1)
    try:
        cells = pd.read_csv(
            _utf8_source(text), sep=delimiter, header=None, names=range(width), dtype=str,
            keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
        )
    except pd.errors.ParserError:  # a row wider than the first 500, or a quote never closed
        cells = None
    except pd.errors.EmptyDataError:
        raise ReadError("file_empty") from None
    if cells is not None and not any(cells[c].str.contains("[\r\n]", regex=True).any() for c in cells.columns):
        cells.columns = range(cells.shape[1])
        return cells, np.arange(1, len(cells) + 1)
    rows, lines = _records(text, delimiter, said)
    width = max((len(r) for r in rows), default=1)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width), dtype=object)
    if cells.empty:
        raise ReadError("file_empty")
    return cells, np.array(lines, dtype=int)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_CELL_LINES = 200      # a quoted cell spanning more lines than this is a quote left open


def _split(line: str, d: str) -> tuple[list[str], int | None]:
    """One line's fields (RFC 4180 quoting) and, if a quoted field is still open at its end, where that
    field starts in ``line`` (else None)."""
    fields: list[str] = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            start, j, buf = i, i + 1, []
            while True:
                k = line.find('"', j)
                if k < 0:
                    return fields, start
                if k + 1 < n and line[k + 1] == '"':
                    buf.append(line[j:k + 1])
                    j = k + 2
                    continue
                buf.append(line[j:k])
                i = k + 1
                break
            k = line.find(d, i)
            buf.append(line[i:] if k < 0 else line[i:k])
            fields.append("".join(buf))
            if k < 0:
                return fields, None
            i = k + 1
        else:
            k = line.find(d, i)
            if k < 0:
                fields.append(line[i:])
                return fields, None
            fields.append(line[i:k])
            i = k + 1


def _records(text: str, d: str, said: list[tuple[str, dict]]) -> tuple[list[list[str]], list[int]]:
    """(rows, the line each starts on): quoted cells may span lines; a quote that is never closed, or
    whose 'cell' would run over whole rows, is a stray character: reported, and the row read without it."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    plain = [ln.count(d) + 1 for ln in lines[:2000] if '"' not in ln and ln.strip()]
    usual = max(set(plain), key=plain.count) if plain else 0
    rows: list[list[str]] = []
    starts: list[int] = []
    stray: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line, first = lines[i], i
        fields, open_at = _split(line, d)
        j = i
        while open_at is not None:
            nxt = j + 1
            # The next line is a whole row of its own whose quotes pair up among themselves (so it
            # cannot be closing this one): the open quote would swallow rows.
            runs_over_rows = (nxt < len(lines) and usual >= 3 and lines[nxt].count(d) + 1 >= usual
                              and lines[nxt].count('"') % 2 == 0)
            if nxt >= len(lines) or nxt - first > _MAX_CELL_LINES or runs_over_rows:
                break
            j = nxt
            line = line + "\n" + lines[j]
            fields, open_at = _split(line, d)
        if open_at is not None:  # a stray quote: read the row's own line with the quote as text
            j = first
            fields, col = _split_stray(lines[first], d)
            stray.append((first + 1, col))
        rows.append(fields)
        starts.append(first + 1)
        i = j + 1
    said += [("quote_unbalanced", {"row": row, "col": col}) for row, col in stray]
    return rows, starts


def _split_stray(line: str, d: str) -> tuple[list[str], int]:
    """One line's fields, a quote that opens a field but never closes it read as text (and dropped);
    also the position of the first such field."""
    fields: list[str] = []
    first: int | None = None
    while True:
        got, open_at = _split(line, d)
        if open_at is None:
            return fields + got, first if first is not None else len(fields)
        first = len(fields) + len(got) if first is None else first
        head, sep, rest = line[open_at + 1:].partition(d)
        fields += [*got, head]
        if not sep:
            return fields, first
        line = rest


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


_MAX_UNPACKED = 1 << 30          # 1 GB of XML: more is a zip bomb, not a project list
_XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))


def _check_workbook_package(data: bytes) -> None:
    """Refuse a workbook that would be unsafe to parse: XML with a DTD or entity declarations (which Excel
    never writes, and which entity-expansion bombs need), or parts that unpack to more than 1 GB."""
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
        if sum(m.file_size for m in members) > _MAX_UNPACKED:
            raise ReadError("workbook_unsafe")
        for m in members:
            if m.filename.endswith((".xml", ".rels")) and not m.is_dir():
                with package.open(m) as part:
                    head = part.read(65_536)
                if any(d in head for d in _XML_DECLARATIONS):
                    raise ReadError("workbook_unsafe")
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - a damaged package: "not a workbook we can read"
        raise ReadError("workbook_unreadable") from None


def _read_xlsx(data: bytes) -> RawFile:
    import openpyxl

    _check_workbook_package(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure means "not a workbook we can read"
        raise ReadError("workbook_unreadable") from None
    sheets = []
    try:
        for ws in book.worksheets:
            try:
                sheets.append(_xlsx_sheet(ws))
            except ReadError:
                raise
            except Exception:  # noqa: BLE001 - cut-off or malformed sheet XML, bad cell values
                raise ReadError("sheet_damaged", sheet=ws.title) from None
    finally:
        book.close()
    return RawFile("xlsx", sheets)


def _xlsx_sheet(ws: object) -> Sheet:
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
    return Sheet(ws.title, simplify(_frame(rows)), np.array(numbers, dtype=int))


def _read_xls(data: bytes) -> RawFile:
    import xlrd

    try:
        # xlrd writes its complaints ("WARNING *** file size ... not 512 + multiple of sector size") to
        # stdout unless given somewhere else to write them.
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), verbosity=0)
        return RawFile("xls", [_xls_sheet(book, ws) for ws in book.sheets()])
    except Exception:  # noqa: BLE001 - any failure means "not a workbook we can read"
        raise ReadError("workbook_unreadable") from None


def _xls_sheet(book: object, ws: object) -> Sheet:
    import xlrd

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
    return Sheet(ws.name, simplify(_frame(rows)), np.arange(1, ws.nrows + 1))


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
