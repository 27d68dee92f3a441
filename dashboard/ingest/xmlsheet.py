"""Excel's "XML Spreadsheet 2003" (SpreadsheetML: <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">)
into raw cells. Many web systems' "export to Excel" write it, named .xls or .xml; Excel opens it as a
workbook, so its users take it for one. Each <Worksheet> a sheet; ss:Index skips rows and cells,
ss:MergeAcross pads a merged cell, ss:MergeDown gives its value to the rows below (as merged cells of a
workbook are read); rows hidden in Excel are named."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

from .raw import MAX_CELLS, ReadError, Sheet
from .traditional import simplify

_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_LOOKS = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*>\s*|<!--.*?-->\s*)*<(\w+:)?Workbook\b", re.S)
_WITH_DTD = re.compile(r"^\s*(<\?xml[^>]*>\s*)?<!DOCTYPE\b", re.S)
_MAX_SPAN = 1000
_MAX_COLUMNS = 16_384
_MAX_ROWS = 1_048_576  # Excel's: a row number past it (ss:Index) is no sheet Excel wrote


def looks_like_spreadsheetml(text: str) -> bool:
    """Whether the text is an XML spreadsheet; one with a DTD before its workbook too (Excel writes none: the
    reader refuses it as unsafe; it was read as a comma-separated text, its entity lines taken for a header)."""
    head = text[:4096]
    if _NS not in head:
        return False
    return _LOOKS.match(head) is not None or _WITH_DTD.match(head) is not None


def _attr(el: ET.Element, name: str) -> str | None:
    return el.get(f"{{{_NS}}}{name}")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def read_spreadsheetml(text: str) -> list[Sheet]:
    """Every worksheet of the XML spreadsheet, or :class:`ReadError` (an unsafe or damaged file)."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:  # Excel writes neither; entity bombs need them
        raise ReadError("workbook_unsafe")
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        raise ReadError("workbook_unreadable") from None
    sheets = []
    for ws in root.iter(f"{{{_NS}}}Worksheet"):
        name = _attr(ws, "Name") or f"Sheet{len(sheets) + 1}"
        rows: dict[int, dict[int, str]] = {}
        hidden: list[int] = []
        down: list[tuple[int, int, int, str]] = []  # (column, first row, last row, value)
        r = 0
        for table in ws.iter(f"{{{_NS}}}Table"):
            for row in table.iter(f"{{{_NS}}}Row"):
                r = _int(_attr(row, "Index"), r + 1)
                if not 1 <= r <= _MAX_ROWS:  # a row Excel cannot hold: no sheet Excel wrote
                    raise ReadError("workbook_unreadable")
                if _attr(row, "Hidden") in ("1", "true"):
                    hidden.append(r)
                c = 0
                for cell in row.iter(f"{{{_NS}}}Cell"):
                    c = _int(_attr(cell, "Index"), c + 1)
                    if c < 1:
                        raise ReadError("workbook_unreadable")
                    across = min(max(_int(_attr(cell, "MergeAcross"), 0), 0), _MAX_SPAN)
                    data = cell.find(f"{{{_NS}}}Data")
                    value = "".join(data.itertext()).strip() if data is not None else ""
                    if c + across > _MAX_COLUMNS:
                        raise ReadError("sheet_too_large", rows=f"{r:,}", columns=f"{c + across:,}",
                                        cells=f"{MAX_CELLS:,}")
                    if value:
                        rows.setdefault(r, {})[c] = value
                        span = min(max(_int(_attr(cell, "MergeDown"), 0), 0), _MAX_SPAN)
                        if span:
                            down.append((c, r, r + span, value))
                    c += across
        merged = []
        for col, top, bottom, value in down:
            for rr in range(top + 1, bottom + 1):
                if rr in rows and col not in rows[rr]:
                    rows[rr][col] = value
            merged.append((col - 1, top, bottom))  # kept, as a workbook's merged cells (amounts: first row only)
        numbers = sorted(rows)
        width = max((max(cols) for cols in rows.values()), default=0)
        if width * len(numbers) > MAX_CELLS:
            raise ReadError("sheet_too_large", rows=f"{len(numbers):,}", columns=f"{width:,}", cells=f"{MAX_CELLS:,}")
        cells = pd.DataFrame([[rows[n].get(j, "") for j in range(1, width + 1)] for n in numbers],
                             columns=range(width), dtype=object)
        shown = [h for h in hidden if h in rows]
        listed = "、".join(map(str, shown[:20])) + ("…" if len(shown) > 20 else "")
        said = [("rows_hidden", {"row": shown[0], "rows": listed, "count": len(shown)})] if shown else []
        sheets.append(Sheet(name, simplify(cells, said), np.array(numbers, dtype=int), warnings=said, merged=merged))
    return [s for s in sheets if not s.cells.empty] or sheets[:1]
