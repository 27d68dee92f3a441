"""Workbooks (.xlsx with openpyxl, .xls with xlrd) into raw cells, every sheet; zip bombs and XML entities refused."""

from __future__ import annotations

import bisect
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .raw import MAX_CELLS, RawFile, ReadError, Sheet, rows_said
from .traditional import simplify

if TYPE_CHECKING:
    import zipfile


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as Excel shows it
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _check_size(width: int, rows: int) -> None:
    """A sheet is read into one cell per row and column, short rows padded out to the widest: one value
    far to the right (column XFD) over a few thousand rows would fill the memory (Excel's own limits
    allow 17 billion cells)."""
    if width * rows > MAX_CELLS:
        raise ReadError("sheet_too_large", rows=f"{rows:,}", columns=f"{width:,}", cells=f"{MAX_CELLS:,}")


def _frame(rows: list[list[object]]) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    _check_size(width, len(rows))
    return pd.DataFrame([[_cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows],
                        columns=range(width), dtype=object)


_MAX_UNPACKED = 1 << 30          # 1 GB of XML: more is a zip bomb, not a project list
# A part past 16 MB packed more than 200 to 1 is padding, not cells: a sheet's XML packs 5-20 to 1 (its
# numbers and references differ row by row), and 600 MB of blanks in a 600 KB file took 148 s and 2 GB.
# 60 MB of empty <row/> in a 92 KB file (650 to 1) passed under 64 MB and took 21 CPU-s and 1 GB: 16 MB.
_BOMB_PART = 16 << 20
_BOMB_RATIO = 200
_XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))


def _check_workbook_package(data: bytes) -> None:
    """Refuse a zip package that is no Excel workbook (see :func:`_package_format`), and a workbook that would
    be unsafe to parse: XML with a DTD or entity declarations (which Excel never writes, and which
    entity-expansion bombs need), or parts that unpack to more than 1 GB, or to a large part packed far
    tighter than cells pack."""
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        code = _package_format(package)
        if code:
            raise ReadError(code)
        members = package.infolist()
        # A part stored twice under one name (a zip allows it; Excel calls such a file damaged): readers
        # differ on which copy they take (the zip reader here the last), so a sheet's figures could be another
        # copy's than the ones Excel or WPS shows.
        seen: set[str] = set()
        for m in members:
            if m.filename in seen:
                raise ReadError("workbook_part_repeated", part=m.filename)
            seen.add(m.filename)
        if sum(m.file_size for m in members) > _MAX_UNPACKED:
            raise ReadError("workbook_unsafe")
        if any(m.file_size > _BOMB_PART and m.file_size > _BOMB_RATIO * max(m.compress_size, 1) for m in members):
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


# Files that are no table the import reads, each named in the refusal with what to do (save as .xlsx or
# CSV) rather than called a damaged workbook: a zip package that is no Excel workbook, an encrypted
# Office file (a compound file holding the encrypted package), a compound file holding a Word document.
_ZIP_FORMATS = (("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", "format_ods"),
                ("mimetype", b"application/vnd.oasis.opendocument", "format_odf"),
                ("Index/Document.iwa", None, "format_numbers"),
                ("word/document.xml", None, "format_word"),
                ("ppt/presentation.xml", None, "format_powerpoint"))
_ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _package_format(package: zipfile.ZipFile) -> str | None:
    """The refusal code (``format_*``) of a zip package that is no workbook the import can read (an
    OpenDocument, Numbers, Word or PowerPoint file), else None (an Excel workbook, or one too damaged to
    tell: the checks that follow say so)."""
    try:
        names = set(package.namelist())
        if "xl/workbook.bin" in names:
            return "format_xlsb"
        if "xl/workbook.xml" in names:
            # Excel's "Strict Open XML Spreadsheet": the same parts in other namespaces, which openpyxl
            # reads as a workbook without sheets ("the file is empty").
            strict = b"purl.oclc.org/ooxml/spreadsheetml" in package.read("xl/workbook.xml")[:4096]
            return "format_strict" if strict else None
        for member, start, code in _ZIP_FORMATS:
            if member in names and (start is None or package.read(member).startswith(start)):
                return code
        if "[Content_Types].xml" not in names:  # a zip archive of files (项目清单.zip), no Office document
            return "format_archive"
    except Exception:  # noqa: BLE001 - a damaged package: left to the workbook checks to say so
        return None
    return None


def _compound_format(data: bytes) -> str | None:
    """The refusal code (``workbook_encrypted``, ``format_word``) of a compound file that is no legacy
    workbook the import can read, else None."""
    head = data[:1 << 20]  # the compound file's directory sits near the start in files Office writes
    if any(s in data for s in _ENCRYPTED_STREAMS):
        return "workbook_encrypted"
    if _WORD_STREAM in head:
        return "format_word"
    return None


def read_xlsx(data: bytes) -> RawFile:
    _check_workbook_package(data)
    data, renamed = _repaired_part_names(data)
    raw = _read_xlsx_retyped(_without_blank_cells(data))
    if renamed:
        listed = "、".join(renamed[:5]) + ("…" if len(renamed) > 5 else "")
        raw.warnings.append(("workbook_part_names_repaired", {"count": len(renamed), "parts": listed}))
    return raw


# A part name with backslashes (xl\worksheets\sheet1.xml, as some Windows zip tools write) or in another case than
# the workbook's own references name it (XL/WORKSHEETS/SHEET1.XML): Excel repairs such a file and opens it; it was
# refused as damaged. Each part is renamed as the package's references spell it, only where the zip is otherwise
# sound (every part read whole, its CRC right) and no two parts end up one.
_PART_REFERENCE = re.compile(rb'(?:PartName|Target)="([^"]+)"')


def _repaired_part_names(data: bytes) -> tuple[bytes, list[str]]:
    """(the package with its part names repaired, the names changed); (data, []) when none needs it."""
    import posixpath
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            names = [m.filename for m in members]
            slashed = [n.replace("\\", "/") for n in names]
            spelled = {"[content_types].xml": "[Content_Types].xml", "_rels/.rels": "_rels/.rels"}
            for name, fixed in zip(names, slashed, strict=True):
                if not fixed.lower().endswith((".rels", "[content_types].xml")):
                    continue
                base = posixpath.dirname(posixpath.dirname(fixed)) if fixed.endswith(".rels") else ""
                for ref in _PART_REFERENCE.findall(package.read(name)):
                    target = ref.decode("utf-8", "replace")
                    if "://" in target:
                        continue
                    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                        posixpath.join(base, target))
                    spelled.setdefault(path.lower(), path)
            wanted = [spelled.get(n.lower(), n) for n in slashed]
            if wanted == names or len({n.lower() for n in wanted}) != len(wanted):
                return data, []
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as repaired:
                for m, name in zip(members, wanted, strict=True):
                    info = zipfile.ZipInfo(name, m.date_time)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    repaired.writestr(info, package.read(m))  # (a bad CRC raises: no repair)
    except Exception:  # noqa: BLE001 - not sound otherwise: the reader's own refusal says so
        return data, []
    return out.getvalue(), [f"{a} → {b}" for a, b in zip(names, wanted, strict=True) if a != b]


def _read_xlsx_retyped(data: bytes) -> RawFile:
    try:
        return _read_xlsx(data)
    except ReadError as exc:
        if exc.code != "sheet_damaged":
            raise
        # A cell typed as a number, date or logical value holding text (<c t="n"><v>1,500</v>: an exporter
        # writing its shown text), which openpyxl cannot read: the whole sheet was "damaged". Those cells are
        # read as the text they hold (1,500 is then an amount like any other), and said.
        retyped, cells = _text_in_typed_cells(data)
        if not cells:
            raise
    raw = _read_xlsx(retyped)
    listed = "、".join(cells[:10]) + ("…" if len(cells) > 10 else "")
    raw.warnings.append(("cell_typed_text", {"count": len(cells), "cells": listed}))
    return raw


# A value cell: its tag's attributes, an optional formula, and its <v> (the text between).
_VALUE_CELL = re.compile(rb'<((?:\w+:)?c)\b([^>]*)>(\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>))?\s*'
                         rb'<(?:\w+:)?v>)([^<]*)(</(?:\w+:)?v>)')
_CELL_TYPE = re.compile(rb'\s*\bt="([^"]*)"')
_REF_ATTR = re.compile(rb'\br="([A-Z]{1,3}\d+)"')


def _typed_value_ok(kind: bytes, value: bytes) -> bool:
    """Whether a cell's <v> holds what its type says: a number (t="n", or no type), 0 or 1 (t="b"), an ISO
    date (t="d"); other types are not checked."""
    text = value.decode("utf-8", "replace").strip()
    if kind == b"n":
        try:
            float(text)
        except ValueError:
            return not text
        return True
    if kind == b"b":
        return text in ("", "0", "1")
    if kind == b"d":
        from openpyxl.utils.datetime import from_ISO8601

        try:
            from_ISO8601(text)
        except (ValueError, TypeError, AttributeError):
            return not text
    return True


def _text_in_typed_cells(data: bytes) -> tuple[bytes, list[str]]:
    """The workbook with every number, date or logical cell whose value is text (1,500, １，５００, 2026年)
    typed as text (t="str", as a formula's text result is), and those cells' references; (data, []) if none."""
    import zipfile

    found: list[str] = []

    def retype(m: re.Match[bytes]) -> bytes:
        kind = _CELL_TYPE.search(m.group(2))
        if _typed_value_ok(kind.group(1) if kind else b"n", m.group(4)):
            return m.group(0)
        ref = _REF_ATTR.search(m.group(2))
        found.append(ref.group(1).decode() if ref else "?")
        return b"<" + m.group(1) + _CELL_TYPE.sub(b"", m.group(2)) + b' t="str">' + m.group(3) + m.group(4) + m.group(5)

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        parts = {m.filename: package.read(m) for m in package.infolist()}
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return data, []
    changed = {name: _VALUE_CELL.sub(retype, xml) for name, xml in parts.items()
               if name.startswith("xl/worksheets/") and name.endswith(".xml")}
    if not found:
        return data, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for name, xml in parts.items():
            copy.writestr(name, changed.get(name, xml))
    return out.getvalue(), found


def _read_xlsx(data: bytes) -> RawFile:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure means "not a workbook we can read"
        raise ReadError("workbook_unreadable") from None
    sheets = []
    import zipfile

    package = zipfile.ZipFile(io.BytesIO(data))  # opened once: per sheet, 2,000 sheets read their index 2,000 times
    try:
        shared = shared_struck_runs(package)  # once per workbook, not per sheet
        for ws in book.worksheets:
            try:
                xml = _sheet_xml(package, ws)
                _check_sheet_order(xml, ws.title)
                _check_cell_refs(xml, ws.title, ws)
                sheets.append(_xlsx_sheet(ws, xml, {**struck_runs(xml), **shared} if b"strike" in xml else shared))
            except ReadError:
                raise
            except Exception:  # noqa: BLE001 - cut-off or malformed sheet XML, bad cell values
                _check_shared_refs(xml, ws.title, ws)
                raise ReadError("sheet_damaged", sheet=ws.title) from None
        read = set(book.sheetnames)
    finally:
        book.close()
        package.close()
    # A sheet the workbook lists without its part (openpyxl leaves it out without a word): with no sheet
    # read the file was "empty"; beside others, the sheet was gone unsaid.
    missing = [name for name in _listed_sheets(data) if name not in read]
    if missing and not sheets:
        raise ReadError("sheet_damaged", sheet=missing[0])
    return RawFile("xlsx", sheets, warnings=[("sheet_part_missing", {"sheet": name}) for name in missing])


_SHEET_NAME = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"')


def _listed_sheets(data: bytes) -> list[str]:
    """The sheet names xl/workbook.xml lists (XML entities undone), or none when it cannot be read."""
    import html
    import zipfile

    try:
        xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    return [html.unescape(m.group(1).decode("utf-8", "replace")) for m in _SHEET_NAME.finditer(xml)]


_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d{1,9})"')
# A shared string's index written negative: openpyxl reads <v>-1</v> as Python's list[-1], the last string
# of the workbook (a place, a header) stored as the cell's text.
EXCEL_ROWS = 1_048_576
# A cell reference whose row has seven digits or more (A1048577, A2000000000).
_FAR_ROW = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="[A-Za-z]{1,3}(\d{7,})"')
_NEGATIVE_SHARED = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>\s*-')


def _check_sheet_order(xml: bytes, title: str) -> None:
    """Refuse a sheet whose rows are not in increasing order or repeat a row number, or which has a shared
    string at a negative index: Excel writes neither (and repairs such a file on opening), and openpyxl read
    them silently wrong (rows lost, another cell's text taken)."""
    numbers = np.array([int(n) for n in _ROW_NUMBER.findall(xml)], dtype=np.int64)
    # A row numbered past Excel's last (1,048,576: r="2000000000"): openpyxl yields every empty row up to it,
    # and a billion-row claim kept the import busy for hours. Excel refuses such a file as damaged.
    far = [int(n) for n in _FAR_ROW.findall(xml)]
    if (len(numbers) and int(numbers.max()) > EXCEL_ROWS) or any(n > EXCEL_ROWS for n in far):
        raise ReadError("sheet_rows_beyond_excel", sheet=title, row=f"{max([*far, *numbers.tolist()]):,}",
                        last=f"{EXCEL_ROWS:,}")
    if len(numbers) > 1 and not (np.diff(numbers) > 0).all():
        at = int(np.flatnonzero(np.diff(numbers) <= 0)[0]) + 1
        raise ReadError("sheet_rows_disordered", sheet=title, row=int(numbers[at]), after=int(numbers[at - 1]))
    if b"<v>-" in xml and _NEGATIVE_SHARED.search(xml):
        raise ReadError("sheet_damaged", sheet=title)


_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}\d{1,7})"')
_CELL_AT = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.S)
_CELL_TEXT = re.compile(rb'<(?:\w+:)?(?:v|t)\b[^>]*>([^<]*)<')


# Cells holding nothing (<c r="B9" s="3"/>: a style, a border) and rows of nothing else, which openpyxl
# parses one by one: a sheet formatted to its last row (1,048,576 rows) took 11-25 s to read three projects.
_BLANK_CELL = re.compile(rb'<(?:\w+:)?c [^>]*/>|<(?:\w+:)?c [^>/]*>\s*</(?:\w+:)?c>')
_BLANK_ROW = re.compile(rb'<(?:\w+:)?row [^>]*/>|<(?:\w+:)?row [^>/]*>\s*</(?:\w+:)?row>')
_BLANK_SLACK = 10_000


def _sparse(xml: bytes) -> bool:
    """Whether a sheet part holds many more cell and row tags than values (counted, not parsed)."""
    tags = xml.count(b"<c ") + xml.count(b"<row") + xml.count(b":c ") + xml.count(b":row")
    held = xml.count(b"</v>") + xml.count(b"</t>") + xml.count(b":v>") + xml.count(b":t>") + xml.count(b"</f>")
    return tags > 2 * held + _BLANK_SLACK


def _blanks_removed(xml: bytes, chunk: int = 4 << 20) -> bytes:
    """``xml`` without blank cells and rows, a few MB at a time (cut after a tag's end: a cell tag is never
    cut; a blank row cut in two stays, harmless), so memory does not go with the count of blanks."""
    out, start = [], 0
    while start < len(xml):
        end = xml.find(b">", start + chunk)
        end = len(xml) if end < 0 else end + 1
        out.append(_BLANK_ROW.sub(b"", _BLANK_CELL.sub(b"", xml[start:end])))
        start = end
    return b"".join(out)


def _without_blank_cells(data: bytes) -> bytes:
    """The workbook with its blank cells and rows left out of every sheet part that holds many more of them
    than values; else the workbook as it is (a sheet of values costs one count of its tags). openpyxl reads
    a whole sheet to find its size when the part states none, and parses every row: time and memory then
    went with the sheet's extent, not with the cells that hold something."""
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        cleaned = {}
        for m in package.infolist():
            if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml") and m.file_size > 1 << 20:
                xml = package.read(m)
                if _sparse(xml):
                    cleaned[m.filename] = _blanks_removed(xml)
        if not cleaned:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for m in package.infolist():
                copy.writestr(m.filename, cleaned.get(m.filename) or package.read(m))
        return out.getvalue()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):  # damaged: the reader's checks say so
        return data


def _check_cell_refs(xml: bytes, title: str, ws: object) -> None:
    """Refuse a sheet holding one cell reference twice (two <c r="B5">): Excel never writes it, and
    openpyxl kept the later cell without a word (a project's amount or name replaced). Which of the two
    is right no one can tell, so the refusal names the cell and both values for the steward to check."""
    refs = _CELL_REF.findall(xml)
    if len(refs) < 2 or len(set(refs)) == len(refs):
        return
    seen: dict[bytes, int] = {}
    for m in _CELL_REF.finditer(xml):
        ref = m.group(1)
        if ref in seen:
            first, second = (_cell_value(xml, at, ws) for at in (seen[ref], m.start()))
            cell = ref.decode()
            raise ReadError("sheet_cell_repeated", sheet=title, cell=cell, row=int(re.sub(r"\D", "", cell)),
                            first=first, second=second)
        seen[ref] = m.start()


_SHARED_CELL = re.compile(rb'<(?:\w+:)?c\b(?=[^>]*\bt="s")[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)\s*<')


def _check_shared_refs(xml: bytes, title: str, ws: object) -> None:
    """Refuse, naming the cell, a sheet whose cell points past the workbook's shared strings (<v>99</v> of 7): a
    damaged or hand-made file, said as "damaged (cut off?)" before. Looked for only once the sheet failed to read."""
    count = len(getattr(ws, "_shared_strings", None) or [])  # (read-only mode: the book's list stays empty)
    for m in _SHARED_CELL.finditer(xml):
        if int(m.group(2)) >= count:
            cell = m.group(1).decode()
            raise ReadError("sheet_string_missing", sheet=title, cell=cell, row=int(re.sub(r"\D", "", cell)),
                            index=int(m.group(2)), count=f"{count:,}")


def _cell_value(xml: bytes, at: int, ws: object) -> str:
    """The text of the cell element starting at ``at`` (a shared string looked up), for a message."""
    m = _CELL_AT.match(xml, at)
    if not m:
        return ""
    texts = [t.decode("utf-8", "replace") for t in _CELL_TEXT.findall(m.group(2) or b"")]
    import html

    value = html.unescape("".join(texts)).strip()
    if re.search(rb'\bt="s"', m.group(1)) and value.isdigit():
        # the sheet's list: a read-only workbook's own stays empty (the message said "0" and "1", not the texts)
        strings = getattr(ws, "_shared_strings", None) or []
        value = str(strings[int(value)]) if int(value) < len(strings) else value
    return value[:100]


def _sheet_xml(package: zipfile.ZipFile, ws: object) -> bytes:
    """The sheet's own XML part (openpyxl's read-only mode reads neither merged cells nor whether a
    formula has a saved result), or b"" when it cannot be found."""
    import zipfile

    path = getattr(ws, "_worksheet_path", None)
    if not path:
        return b""
    try:
        return package.read(path.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return b""


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
# A formula cell without a saved result: <c r="E2"><f>C2+D2</f><v/></c> (or no <v> at all), as files
# written by programs that do not calculate (openpyxl, some exporters) have it; Excel reads 0 or computes.
_FORMULA_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)'
    rb'\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _xlsx_merges(xml: bytes) -> Iterator[tuple[int, int, int]]:
    """The sheet XML's merged ranges as (0-based column, first row number, last row number)."""
    if b"mergeCell" not in xml:
        return
    for m in _MERGE.finditer(xml):
        yield _column_number(m.group(1)) - 1, int(m.group(2)), int(m.group(4))


def _fill_merged(rows: list[list[object]], numbers: list[int], merges: Iterable[tuple[int, int, int]]
                 ) -> list[tuple[int, int, int]]:
    """Give every row of a cell merged down over several rows (a place or a period shared by the
    projects beside it) the merged cell's value, as the sheet shows it; only rows that hold cells,
    so a merge claiming a million rows costs nothing. Merges within one row (titles, group
    headers) are left as they are. ``merges``: (0-based column, first row number, last row number); the
    ones filled are returned (:attr:`Sheet.merged`)."""
    at = {n: i for i, n in enumerate(numbers)}
    filled = []
    width = max((len(r) for r in rows), default=0)
    for col, top, bottom in merges:
        if bottom <= top or top not in at:
            continue
        source = rows[at[top]]
        value = source[col] if col < len(source) else None
        if value is None or value == "":
            continue
        if col >= width:
            width = col + 1
            _check_size(width, len(rows))  # before rows are widened to reach the merged column
        filled.append((col, top, bottom))
        for i in range(bisect.bisect_right(numbers, top), bisect.bisect_right(numbers, bottom)):
            row = rows[i]
            if col >= len(row):
                row.extend([None] * (col + 1 - len(row)))
            if row[col] is None or row[col] == "":
                row[col] = value
    return filled


def _unsaved_formulas(xml: bytes) -> list[tuple[str, dict]]:
    """A warning (row, column) for every formula cell the file holds no result for."""
    if b"<f" not in xml and b":f" not in xml:
        return []
    return [("formula_no_value", {"row": int(m.group(2)), "col": _column_number(m.group(1)) - 1,
                                  "cell": (m.group(1) + m.group(2)).decode()})
            for m in _FORMULA_NO_VALUE.finditer(xml)]


# A formula whose result changes with the day it is opened or with every calculation (YEAR(TODAY()) as a
# start year, RAND()): the saved result was read as the list's figure, the day it was saved unsaid.
_VOLATILE = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*>([^<]*\b'
                       rb'(?:TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\([^<]*)</(?:\w+:)?f>', re.I)


def _volatile_formulas(xml: bytes) -> list[tuple[str, dict]]:
    """A warning (row, column) for every cell whose formula calls TODAY, NOW or RAND."""
    if not any(w in xml for w in (b"TODAY", b"NOW", b"RAND", b"today", b"now", b"rand")):
        return []
    return [("formula_volatile", {"row": int(m.group(2)), "col": _column_number(m.group(1)) - 1,
                                  "cell": (m.group(1) + m.group(2)).decode(),
                                  "formula": "=" + m.group(3).decode("utf-8", "replace")[:60]})
            for m in _VOLATILE.finditer(xml)]


_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_ROW_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def _hidden_rows(hidden: Iterable[int], numbers: list[int]) -> list[tuple[str, dict]]:
    """One warning naming the rows holding cells that Excel hides (hidden by hand, or filtered out): they
    are read like every other row, and a steward who filtered a list before saving it should know."""
    held = set(numbers)
    return rows_said("rows_hidden", (n for n in set(hidden) if n in held))


def _struck_rows(rows: list[int]) -> list[tuple[str, dict]]:
    """One warning naming the rows whose every cell is struck through: read like the others (a strike is
    no value), but a steward who struck out withdrawn projects should know they were imported."""
    return rows_said("rows_struck", rows)


def _xlsx_hidden(xml: bytes) -> Iterator[int]:
    if b'hidden="' not in xml:
        return
    for tag in _ROW_TAG.finditer(xml):
        if _ROW_HIDDEN.search(tag.group()):
            number = _ROW_NUMBER.search(tag.group())
            if number:
                yield int(number.group(1))


_FORMAT_LITERAL = re.compile(r'"([^"]*)"|[\\!](.)')
_FORMAT_POINT = re.compile(r'[\\!]\.([0#?]+)')
_FORMAT_SKIP = re.compile(r'\[[^\]]*\]|_.|\*.')     # [Red], [$-804], [>=100]; _) padding; *- fill


def _shown_number(fmt: str) -> Callable[[float], str] | None:
    """How a number cell with this number format reads on screen, where that is not the number itself:
    a percentage (0.5 shown 50%), or a money unit written into the format (1.2 shown 1.20亿元, a sum in 元
    shown in 百万 by #,##0,,"百万"). The import reads what the person sees; the bare number read as the
    header's (or the assumed) unit was 10,000 times off, or a share stored as an amount. None: the number."""
    section, quoted = "", False
    for ch in fmt:  # the first section (positive numbers) of pos;neg;zero;text
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            break
        section += ch
    # An escaped point among the digit places (0!.0,"万", 0!.0000"万元": Chinese sheets' way of showing 元 in
    # 万) shows the number divided by ten for each digit place after it; it is no unit's text.
    point = _FORMAT_POINT.search(section)
    literal = "".join(a or ("" if b == "." and point else b) for a, b in _FORMAT_LITERAL.findall(section))
    code = _FORMAT_SKIP.sub("", _FORMAT_LITERAL.sub("", section))
    if "%" in code:
        return lambda v: _cell_text(round(v * 100, 10)) + "%"
    from .values import unit_in

    digits = [i for i, ch in enumerate(code) if ch in "0#?"]
    scale = 1000 ** len(re.match(r",*", code[digits[-1] + 1:]).group()) if digits else 1
    scale *= 10 ** len(point.group(1)) if point else 1
    if not literal.strip() or unit_in(literal) is None:
        # A format that scales without naming a unit (#,##0, shows 1,500,000,000 as 1,500,000; 0!.0000 shows it
        # in 万): the figure under the header is the one shown, the one the steward reads and checks (the held
        # number was stored 1,000 or 10,000 times too large, refused only past 1万亿).
        if scale > 1 and digits and not re.search(r"[ymdhs]", code, re.I):
            return lambda v: _cell_text(v / scale)
        return None
    unit = literal.strip()
    return lambda v: _cell_text(v / scale if scale > 1 else v) + unit


def _shown_numbers(ws: object) -> dict[int, Callable[[float], str]]:
    """Per cell style of the workbook whose number format changes how a number reads (:func:`_shown_number`)."""
    book = getattr(ws, "parent", None)
    styles = getattr(book, "_cell_styles", None) or []
    custom = getattr(book, "_number_formats", None) or []
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    out = {}
    for i, style in enumerate(styles):
        fid = getattr(style, "numFmtId", 0) or 0
        fmt = BUILTIN_FORMATS.get(fid, "General") if fid < BUILTIN_FORMATS_MAX_SIZE else (
            custom[fid - BUILTIN_FORMATS_MAX_SIZE] if fid - BUILTIN_FORMATS_MAX_SIZE < len(custom) else "General")
        shown = _shown_number(fmt) if fmt and fmt != "General" else None
        if shown is not None:
            out[i] = shown
    return out


def _struck_styles(ws: object) -> frozenset[int]:
    """The workbook's cell styles whose font is struck through (a withdrawn project, as stewards mark one)."""
    book = getattr(ws, "parent", None)
    fonts = getattr(book, "_fonts", None) or []
    struck = {i for i, f in enumerate(fonts) if getattr(f, "strike", None)}
    if not struck:
        return frozenset()
    return frozenset(i for i, style in enumerate(getattr(book, "_cell_styles", None) or [])
                     if getattr(style, "fontId", None) in struck)


_RICH_ITEM = re.compile(rb"<(?:\w+:)?(si|is)\b[^>]*>(.*?)</(?:\w+:)?\1>", re.S)
_RUN = re.compile(rb"<(?:\w+:)?r>(.*?)</(?:\w+:)?r>", re.S)
_RUN_STRUCK = re.compile(rb'<(?:\w+:)?strike\b(?![^>]*\bval="(?:0|false)")[^>]*/>')
_RUN_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>|<(?:\w+:)?t\b[^>]*/>", re.S)
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
# Excel's escape of a character in a string (ST_Xstring: _x000D_ a carriage return, _x005F_ an underscore):
# openpyxl's read-only mode hands it on as written (苏州晶圆_x000D__x000A_封装项目 was stored so).
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_xstring(text: str) -> str:
    """A string cell's text with Excel's _xHHHH_ escapes read as the characters they stand for."""
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _run_text(run: bytes) -> str:
    import html

    return html.unescape(b"".join(m.group(1) or b"" for m in _RUN_TEXT.finditer(run)).decode("utf-8", "replace"))


def shared_struck_runs(package: zipfile.ZipFile) -> dict[str, str]:
    """:func:`struck_runs` of the workbook's shared strings (the part every sheet's string cells point into)."""
    out: dict[str, str] = {}
    for name in package.namelist():
        if name.lower().endswith("sharedstrings.xml"):
            try:
                data = package.read(name)
            except Exception:  # noqa: BLE001 - a damaged part: its cells are refused elsewhere
                continue
            out.update(struck_runs(data))
    return out


def struck_runs(xml: bytes) -> dict[str, str]:
    """Rich-text strings (in a sharedStrings part, or inline in a sheet's ``xml``) with some runs struck through
    (苏州晶圆~~旧~~封装项目): their text as read → the text without the struck runs. A string struck whole is
    left as it is (the cell is struck: its style says so, and the row's warning)."""
    out: dict[str, str] = {}
    if b"strike" not in xml:
        return out
    for item in _RICH_ITEM.finditer(xml):
        body = item.group(2)
        if b"strike" not in body:
            continue
        runs = _RUN.findall(_PHONETIC.sub(b"", body))
        whole = "".join(_run_text(r) for r in runs)
        kept = "".join(_run_text(r) for r in runs if not _RUN_STRUCK.search(r.split(b"<t", 1)[0]))
        if kept.strip() and kept != whole:
            out[unescape_xstring(whole)] = unescape_xstring(kept)
    return out


def _xlsx_sheet(ws: object, xml: bytes = b"", struck_text: dict[str, str] | None = None) -> Sheet:
    rows: list[list[object]] = []
    numbers: list[int] = []
    shown = _shown_numbers(ws)
    striking = _struck_styles(ws)
    struck: list[int] = []
    said_struck: list[tuple[str, dict]] = []
    if hasattr(ws, "reset_dimensions"):
        # Each row as far as its own last cell, not padded to the sheet's claimed or widest column: one
        # cell in column XFD made every row 16,384 cells long (47 CPU-s for 2,000 rows).
        ws.reset_dimensions()
    for row in ws.iter_rows():
        # Cells that hold a value: a formatted empty cell (a style on XFD1048576) neither widens the sheet to
        # 16,384 columns nor makes a row.
        cells = [c for c in row if getattr(c, "row", None) is not None and c.value is not None and c.value != ""]
        if not cells:
            continue
        values: list[object] = [None] * (max(c.column for c in cells))
        for c in cells:
            values[c.column - 1] = unescape_xstring(c.value) if type(c.value) is str else c.value
        if struck_text:
            for c in cells:
                kept = struck_text.get(values[c.column - 1]) if type(c.value) is str else None
                if kept is not None:
                    said_struck.append(("cell_struck_text_dropped", {"row": c.row, "col": c.column - 1,
                                                                    "value": values[c.column - 1], "kept": kept}))
                    values[c.column - 1] = kept
        if shown:  # only in a workbook with a percentage or a unit in a number format
            for c in cells:
                if type(c.value) in (int, float) and getattr(c, "_style_id", None) in shown:
                    values[c.column - 1] = shown[c._style_id](c.value)
        rows.append(values)
        numbers.append(cells[0].row)
        if striking and all(getattr(c, "_style_id", None) in striking for c in cells):
            struck.append(cells[0].row)
    merged = _fill_merged(rows, numbers, _xlsx_merges(xml))
    said = (_unsaved_formulas(xml) + _volatile_formulas(xml) + _hidden_rows(_xlsx_hidden(xml), numbers)
            + _struck_rows(struck) + said_struck)
    return Sheet(ws.title, simplify(_frame(rows), said), np.array(numbers, dtype=int),
                 hidden=getattr(ws, "sheet_state", "visible") != "visible", warnings=said, merged=merged,
                 hidden_columns=_xlsx_hidden_columns(xml))


_COL_TAG = re.compile(rb"<(?:\w+:)?col\b[^>]*>")


def _xlsx_hidden_columns(xml: bytes) -> frozenset[int]:
    """The 0-based columns the sheet's <cols> marks hidden (a span min..max each, 1-based), up to XFD."""
    head = xml[:xml.find(b"sheetData")] if b"sheetData" in xml else xml
    if b"hidden" not in head:
        return frozenset()
    out: set[int] = set()
    for tag in _COL_TAG.finditer(head):
        text = tag.group()
        if not re.search(rb'\bhidden="(?:1|true)"', text):
            continue
        lo, hi = re.search(rb'\bmin="(\d{1,5})"', text), re.search(rb'\bmax="(\d{1,5})"', text)
        if lo and hi:
            out.update(range(int(lo.group(1)) - 1, min(int(hi.group(1)), 16_384)))
    return frozenset(out)


def read_xls(data: bytes) -> RawFile:
    import xlrd

    code = _compound_format(data)
    if code:
        raise ReadError(code)
    try:
        # xlrd writes its complaints ("WARNING *** file size ... not 512 + multiple of sector size") to
        # stdout unless given somewhere else to write them.
        try:  # with the formatting records, which hold the merged cells
            book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), verbosity=0, formatting_info=True)
        except Exception:  # noqa: BLE001 - formatting records xlrd cannot read: the cells alone
            book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), verbosity=0)
        return RawFile("xls", [_xls_sheet(book, ws) for ws in book.sheets()])
    except Exception as e:  # noqa: BLE001 - any failure means "not a workbook we can read"
        # An .xls protected by a password to open (RC4): xlrd's "Workbook is encrypted".
        raise ReadError("workbook_encrypted" if "encrypted" in str(e).lower() else "workbook_unreadable") from None


def _xls_date(value: float, datemode: int) -> object:
    """A date cell as a datetime; its serial number as it stands if xlrd cannot convert it (a date
    before 1900 or past 9999, a negative serial)."""
    import xlrd

    try:
        return xlrd.xldate.xldate_as_datetime(value, datemode)
    except (xlrd.xldate.XLDateError, ValueError, OverflowError):
        return value


def _xls_sheet(book: object, ws: object) -> Sheet:
    import xlrd

    rows = []
    for r in range(ws.nrows):
        values: list[object] = []
        for c in range(ws.ncols):
            cell = ws.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_DATE:
                values.append(_xls_date(cell.value, book.datemode))
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                # xlrd gives an error cell (#DIV/0!, #REF!) as its numeric code (7, 23): never an amount.
                values.append(xlrd.error_text_from_code.get(cell.value, "#ERROR!"))
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:  # 1 or 0 to xlrd: TRUE is no amount either
                values.append(bool(cell.value))
            else:
                values.append(cell.value)
        rows.append(values)
    # xlrd's ranges: (first row, row after, first column, column after), 0-based
    ranges = getattr(ws, "merged_cells", None) or []
    merged = _fill_merged(rows, list(range(1, len(rows) + 1)),
                          ((left, top + 1, bottom) for top, bottom, left, _right in ranges))
    rowinfo = getattr(ws, "rowinfo_map", None) or {}  # with formatting_info only
    hidden = (r + 1 for r, info in rowinfo.items() if getattr(info, "hidden", 0))
    said = _hidden_rows(hidden, list(range(1, ws.nrows + 1)))
    return Sheet(ws.name, simplify(_frame(rows), said), np.arange(1, ws.nrows + 1),
                 hidden=getattr(ws, "visibility", 0) != 0, warnings=said, merged=merged)


