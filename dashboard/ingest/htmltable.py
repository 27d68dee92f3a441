"""An HTML table saved as .xls (what many web systems' "export to Excel" writes) into raw cells.

Excel opens such a file as a workbook, so its users take it for one; it is read here with the
standard library's HTML parser: each ``<table>`` a sheet, ``colspan`` cells padded with empty ones
and ``rowspan`` cells given to every row they span (as merged cells are read from a workbook), their
spans kept (an amount given to every project's row it spans is then kept on the first only, as a workbook's).
A row Excel hides (saved as ``<tr style="display:none">``) is read like the others and said, as a workbook's
hidden rows are; a column whose every cell is hidden so (or whose ``<col>`` is) is a hidden column, whose visible
twin under the same header is read (as a workbook's).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd

from .raw import MAX_CELLS, ReadError, Sheet, rows_said
from .traditional import simplify

_LOOKS_HTML = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html|<table|<head|<meta|<body)",
                         re.I | re.S)
_MAX_SPAN = 1000  # a colspan or rowspan beyond this is hostile, not a list
# Spans multiply: a few kilobytes of colspan cells, padded out, would fill the memory. A table wider than
# Excel's 16,384 columns, or of more cells than raw.MAX_CELLS, is refused as it is read.
_MAX_COLUMNS = 16_384
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_ROW = re.compile(r"display\s*:\s*none|mso-height-source\s*:\s*userset\s*;\s*height\s*:\s*0", re.I)


def looks_like_html(text: str) -> bool:
    return _LOOKS_HTML.match(text[:4096]) is not None and re.search(r"<table", text[:1_000_000], re.I) is not None


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], list[tuple[int, int, int]], list[int], frozenset[int]]] = []
        # per open table: cells seen and cells hidden by column, and the columns its <col> tags hide
        self._columns: list[tuple[dict[int, int], dict[int, int], set[int], list[int]]] = []
        self._cell_hidden = False
        # nested tables: (rows, cells a rowspan above covers, the rowspans as (column, first row, last row))
        self._stack: list[tuple[list[list[str]], dict[int, tuple[int, str]], list[tuple[int, int, int]]]] = []
        self._hidden: list[list[int]] = []  # per open table: its rows (1-based) hidden as Excel saves them
        self._row: list[str] | None = None
        self._row_hidden = False
        self._cell: list[str] | None = None
        self._num: str | None = None  # the cell's x:num, the number Excel holds where it shows it rounded
        self._span = (1, 1)
        self._cells = 0  # cells made so far, spans and padding included
        # cells whose x:num holds another number than the text shows, by the id of their table's rows:
        # (row, column, shown, held)
        self.scaled: dict[int, list[tuple[int, int, str, str]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append(([], {}, []))
            self._hidden.append([])
            self._columns.append(({}, {}, set(), [0]))
        elif not self._stack:
            return
        elif tag == "tr":
            self._end_row()
            self._row = []
            self._row_hidden = _HIDDEN_ROW.search(dict(attrs).get("style") or "") is not None
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            a = dict(attrs)
            self._span = (_span(a.get("colspan")), _span(a.get("rowspan")))
            self._cell = []
            self._cell_hidden = _HIDDEN.search(a.get("style") or "") is not None
            self._num = a.get("x:num")
        elif tag == "col":
            a = dict(attrs)
            _seen, _hid, cols, at = self._columns[-1]
            span = _span(a.get("span"))
            if _HIDDEN.search(a.get("style") or ""):
                cols.update(range(at[0], at[0] + span))
            at[0] += span
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            rows, _pending, merges = self._stack.pop()
            seen, hidden, cols, _at = self._columns.pop()
            shut = cols | {c for c, k in seen.items() if hidden.get(c, 0) == k}
            self.tables.append((rows, merges, self._hidden.pop(), frozenset(shut)))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        shown = re.sub(r"[ \t\r\n\xa0]+", " ", "".join(self._cell)).strip()
        text = _held_number(shown, self._num)
        cols, rows = self._span
        self._count(len(self._row) + cols, cols)
        done, pending, merges = self._stack[-1]
        if text == shown and _other_scale(shown, self._num):
            self.scaled.setdefault(id(done), []).append((len(done) + 1, len(self._row), shown, str(self._num)))
        self._skip_pending(pending)
        seen, hidden, _cols, _at = self._columns[-1]
        if cols == 1:  # a title spanning the table's width says nothing of a column's being hidden
            c = len(self._row)
            seen[c] = seen.get(c, 0) + 1
            hidden[c] = hidden.get(c, 0) + self._cell_hidden
        for k in range(cols):  # the text in the span's first column, as a merged cell reads
            if rows > 1 and k == 0:
                pending[len(self._row)] = (rows - 1, text)
                merges.append((len(self._row), len(done) + 1, len(done) + rows))
            self._row.append(text if k == 0 else "")
            self._skip_pending(pending)
        self._cell = None

    def _skip_pending(self, pending: dict[int, tuple[int, str]]) -> None:
        """Cells a rowspan above covers, at the row's current end."""
        while self._row is not None and len(self._row) in pending:
            left, text = pending[len(self._row)]
            self._count(len(self._row) + 1, 1)
            self._row.append(text)
            if left > 1:
                pending[len(self._row) - 1] = (left - 1, text)
            else:
                del pending[len(self._row) - 1]

    def _count(self, width: int, cells: int) -> None:
        """``cells`` more cells, making a row ``width`` wide: refused past the limits."""
        self._cells += cells
        if width > _MAX_COLUMNS or self._cells > MAX_CELLS:
            raise _too_large()

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and self._stack:
            rows, pending, _merges = self._stack[-1]
            self._skip_pending(pending)
            rows.append(self._row)
            if self._row_hidden:
                self._hidden[-1].append(len(rows))
        self._row = None
        self._row_hidden = False


_SHOWN_NUMBER = re.compile(r"^-?[\d,]*\.?\d+$")


def _held_number(shown: str, held: str | None) -> str:
    """The number an Excel HTML export holds in x:num where the cell shows it rounded (x:num="15.2345" shown
    15.23: 15.23亿 was stored, 45万元 lost), as the workbook's own value is read; the shown text otherwise (no
    x:num, or a number shown at another scale by its format, which the text says and the value does not)."""
    if not held or not _SHOWN_NUMBER.match(shown):
        return shown
    try:
        value, seen = float(held), float(shown.replace(",", ""))
    except ValueError:
        return shown
    places = len(shown.split(".")[1]) if "." in shown else 0
    if value == seen or abs(value - seen) > 0.5 * 10 ** -places + 1e-12 * abs(value):
        return shown
    return held


def _other_scale(shown: str, held: str | None) -> bool:
    """Whether a cell's x:num holds a number the text does not show even rounded (15.00 shown, 1500000 held: a
    format showing the figure in 万 or 亿): the shown one is read, as the header's unit speaks of what is shown."""
    if not held or not _SHOWN_NUMBER.match(shown):
        return False
    try:
        return float(held) != float(shown.replace(",", ""))
    except ValueError:
        return False


def _too_large() -> ReadError:
    return ReadError("html_too_large", columns=f"{_MAX_COLUMNS:,}", cells=f"{MAX_CELLS:,}")


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), _MAX_SPAN))
    except ValueError:
        return 1


MAX_SAID = 20  # cells said one by one


def read_tables(text: str, name: str) -> list[Sheet]:
    """Every table with a row in it, as a sheet named ``name`` (``name 2``, … for later tables)."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    sheets = []
    for i, (rows, merges, hidden, columns) in enumerate(t for t in parser.tables if t[0]):
        width = max(len(r) for r in rows)
        if width * len(rows) > MAX_CELLS:  # short rows padded out to the widest
            raise _too_large()
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width), dtype=object)
        said: list[tuple[str, dict]] = rows_said("rows_hidden", hidden)
        # A figure shown at another scale than the one held (15.00 shown, 1500000 held): the shown one is read, and
        # the two said by cell (it was read unsaid; which one the list means, only its maker can tell).
        said += [("html_number_other_scale", {"row": row, "col": col, "shown": shown, "held": held})
                 for row, col, shown, held in parser.scaled.get(id(rows), [])[:MAX_SAID]]
        cells = simplify(cells, said)
        # A span past the table's last row (rowspan="1000" on its last rows) ends with the table.
        spans = [(col, top, min(bottom, len(rows))) for col, top, bottom in merges if top < len(rows)]
        sheets.append(Sheet(name if i == 0 else f"{name} {i + 1}", cells, np.arange(1, len(rows) + 1), warnings=said,
                            merged=spans, hidden_columns=frozenset(c for c in columns if c < width)))
    return sheets
