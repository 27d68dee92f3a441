"""Workbooks (.xlsx with openpyxl, .xls with xlrd) into raw cells, every sheet; zip bombs and XML entities refused."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd

from .raw import RawFile, ReadError, Sheet
from .traditional import simplify


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


def read_xlsx(data: bytes) -> RawFile:
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


def read_xls(data: bytes) -> RawFile:
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


