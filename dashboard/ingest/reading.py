"""A file's bytes into raw cells, each row carrying its 1-based row number as seen in the file.

Text files (.csv, .txt): UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), GBK / GB18030,
comma, tab, semicolon or pipe separated. Workbooks: .xlsx (openpyxl) and .xls (xlrd), every sheet.
Traditional characters are read as simplified. Nothing here knows what a header is.
"""

from __future__ import annotations

import re
from pathlib import Path

from .delimited import parse_text, sniff_delimiter
from .encodings import decode
from .htmltable import looks_like_html, read_tables
from .raw import UNCLEAN_CHARS, RawFile, ReadError, Sheet, clean_text
from .traditional import simplify, traditional_and_any
from .workbooks import read_xls, read_xlsx

__all__ = ["RawFile", "ReadError", "Sheet", "decode", "read", "simplify", "sniff_delimiter"]

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BLANK = re.compile(rb"[ \t\r\n\x00\xef\xbb\xbf\xff\xfe]*")  # nothing but blanks, NULs and BOM bytes


def read(data: bytes, file_name: str) -> RawFile:
    """Every sheet (one for a text file) of the file, or :class:`ReadError`."""
    if _BLANK.fullmatch(data):  # (a search, not data.strip(): a large file is not copied)
        raise ReadError("file_empty")
    suffix = Path(file_name).suffix.lower()
    if data.startswith(b"%PDF-"):
        raise ReadError("format_pdf")
    if data.startswith(_XLSX_MAGIC):
        return read_xlsx(data)
    if data.startswith(_XLS_MAGIC):
        return read_xls(data)
    said: list[tuple[str, dict]] = []
    if suffix in (".xlsx", ".xlsm", ".xls"):
        # An HTML table saved as .xls (web systems' "export to Excel") is read as the table it is.
        try:
            text, encoding = decode(data, said)
        except ReadError:
            text, encoding = "", None
        sheets = read_tables(text, Path(file_name).stem or "data") if looks_like_html(text) else []
        if not sheets:
            raise ReadError("not_a_workbook", suffix=suffix)
        said.append(("html_workbook", {"suffix": suffix}))
        return RawFile("html", sheets, encoding=encoding, warnings=said)
    text, encoding = decode(data, said)
    if not text.strip():
        raise ReadError("file_empty")
    delimiter = sniff_delimiter(text)
    cells, lines = parse_text(text, delimiter, said)
    # Traditional characters and those no clean sheet holds (raw.clean_text), in one pass over the text.
    traditional, unclean = traditional_and_any(text, UNCLEAN_CHARS)
    if traditional:  # most files have none: then no cell needs looking at
        cells = simplify(cells)
    clean = clean_text(text) if unclean is None else not unclean
    sheet = Sheet(Path(file_name).stem or "data", cells, lines, clean=clean)
    return RawFile("text", [sheet], encoding=encoding, delimiter=delimiter, warnings=said)


