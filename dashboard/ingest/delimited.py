"""A decoded text file into rows of cells: the delimiter, quoted cells, stray quotes."""

from __future__ import annotations

import csv
import io
import itertools
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from .raw import ReadError

# A cell may be long (a project description); Python's csv module refuses fields over 128 KB by default.
csv.field_size_limit(2**31 - 1)


def sniff_delimiter(text: str) -> str:
    """Comma, tab, semicolon or pipe (``|``, as some statistical systems export): the one that splits the
    first lines into the most, most regular fields (on a tie, the earlier in that order)."""
    lines = [ln for ln in text[:100_000].splitlines()[:60] if ln.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", "\t", ";", "|"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        score = (wide.count(common) * (common > 1), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


CHUNK_ROWS = 50_000  # rows parsed at a time: the parser's working memory stays bounded


def used_width(text: str, delimiter: str) -> int:
    """The most cells up to its last non-empty one of a row among the first 500 lines: a row of 200,000 cells
    (a 400 KB line) took 30 CPU-s and 1.7 GB to read before it was found too wide for a table."""
    sample = list(itertools.islice(io.StringIO(_head_lines(text, 500), newline=None), 500))  # whole lines
    if max((line.count(delimiter) for line in sample), default=0) < 1_000:
        return 0  # the usual file: narrower than any limit, not parsed twice
    widths = [len(r) - next((k for k, c in enumerate(reversed(r)) if c.strip()), len(r))
              for r in csv.reader(sample, delimiter=delimiter)]
    return max(widths, default=0)


def _head_lines(text: str, lines: int) -> str:
    """The start of ``text`` holding at least its first ``lines`` lines whole, however long (all of it if it has
    fewer): cut just after a line feed, so no CR LF pair is split. A StringIO of a whole 10 MB file to read
    500 lines from it copied and translated all of it (50 ms)."""
    size = 1 << 16
    while size < len(text):
        cut = text.rfind("\n", 0, size)
        # more line feeds than lines: each line ends at one of them or sooner (a lone CR ends one too)
        if cut >= 0 and text.count("\n", 0, cut + 1) > lines:
            return text[:cut + 1]
        size *= 4
    return text


def parse_text(text: str, delimiter: str, said: list[tuple[str, dict]]) -> tuple[pd.DataFrame, np.ndarray]:
    """The cells, and each row's line number in the file.

    Arrow's CSV reader reads the usual file (one row per line, no row wider than the first 500) straight
    into Arrow strings (:func:`_read_arrow`); pandas' C parser, which gives the same cells, reads the
    files it declines, :data:`CHUNK_ROWS` rows at a time, fed
    from the text a slice at a time (no second, UTF-8 copy of the whole file); the cells are pandas'
    Arrow-backed strings, a few bytes over their text each. A file with a cell that spans lines (a
    quoted line break, or a quote never closed) is read by :func:`_records`, which knows each row's
    first line and treats a quote that would swallow the following rows as a plain character."""
    sample = text[:200_000].splitlines()[:500]
    width = max((len(r) for r in csv.reader(sample, delimiter=delimiter)), default=1)
    cells = _read_arrow(text, delimiter, width)
    if cells is None:
        cells = _read_chunks(text, delimiter, width)
    if cells is not None:
        return _text_formulas(cells, text), np.arange(1, len(cells) + 1)
    rows, lines = _records(text, delimiter, said)
    width = max((len(r) for r in rows), default=1)
    cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width), dtype=object)
    if cells.empty:
        raise ReadError("file_empty")
    return _text_formulas(cells, text), np.array(lines, dtype=int)


# ="0012", ="2024-2026": a formula that is one string, which exporters write so that Excel keeps a code's
# leading zeros or a range as text. Excel shows the string; read as it stood, every such amount was refused.
_TEXT_FORMULA = r'^\s*="([^"]*)"\s*$'


def _text_formulas(cells: pd.DataFrame, text: str) -> pd.DataFrame:
    """Each cell holding a one-string formula (="12000") as the string it shows; a file without ``="``
    is not looked at."""
    if '="' not in text:
        return cells
    for j in cells.columns:
        col = cells[j]
        hit = col.str.contains('="', regex=False, na=False)
        if hit.any():
            cells[j] = col.where(~hit, col[hit].str.replace(_TEXT_FORMULA, r"\1", regex=True))
    return cells


def _read_chunks(text: str, delimiter: str, width: int) -> pd.DataFrame | None:
    """Every row by the C parser, or None when a row is wider than the first 500, a quote is never
    closed or a cell holds a line break (then the careful reader must read the file)."""
    chunks: list[pd.DataFrame] = []
    try:
        reader = pd.read_csv(
            _utf8_source(text), sep=delimiter, header=None, names=range(width), dtype=str,
            keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c", chunksize=CHUNK_ROWS,
        )
        with reader:
            for chunk in reader:
                if any(chunk[c].str.contains("[\r\n]", regex=True).any() for c in chunk.columns):
                    return None
                chunks.append(chunk)
    except pd.errors.ParserError:  # a row wider than the first 500, or a quote never closed
        return None
    except pd.errors.EmptyDataError:
        raise ReadError("file_empty") from None
    if not chunks:
        raise ReadError("file_empty")
    cells = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    cells.columns = range(cells.shape[1])
    return cells


def _read_arrow(text: str, delimiter: str, width: int) -> pd.DataFrame | None:
    """Every row by Arrow's CSV reader, the same cells pandas' C parser gives (quotes, blank lines, short
    rows padded with empty cells), without a Python object per cell; None when it cannot be sure of
    that: a row wider than ``width``, a cell holding a line break or a quote never closed (fewer rows
    than lines), a file pandas must read as text (a BOM, a lone surrogate), or Arrow refusing it."""
    if width < 2 or not text or text.startswith("\ufeff"):
        return None
    short: list[tuple[int, str]] = []  # (line, text) of the rows with fewer cells than ``width``
    wide = False

    def odd_row(row: pacsv.InvalidRow) -> str:
        nonlocal wide
        if row.actual_columns > row.expected_columns or row.number is None:
            wide = True
        else:
            short.append((row.number, row.text))
        return "skip"

    names = [str(i) for i in range(width)]
    # A quote left open in the last line would take its cell to the end of the file without a word
    # (pandas refuses it): read with a final line break, which such a cell then holds.
    ended = text.endswith(("\n", "\r"))
    try:
        table = pacsv.read_csv(
            io.BufferedReader(_Utf8Reader(text, "" if ended else "\n"), buffer_size=1 << 20),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False,
                                             invalid_row_handler=odd_row),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowException, ValueError):  # a lone surrogate (UnicodeEncodeError) among them
        return None
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + (not ended)
    if wide or table.num_rows + len(short) != lines:
        return None
    if table.num_rows and any(pc.any(pc.match_substring_regex(cell, "[\r\n]")).as_py()
                              for cell in table.slice(table.num_rows - 1).columns):
        return None
    if short:  # each short row as pandas reads it alone (one line: nothing else can change it)
        short.sort()  # (in line order already: the reader reads on one thread)
        try:
            padded = pd.read_csv(io.StringIO("\n".join(t for _n, t in short)), sep=delimiter, header=None,
                                 names=names, dtype=str, keep_default_na=False, na_filter=False,
                                 skip_blank_lines=False, engine="c")
        except (pd.errors.ParserError, pd.errors.EmptyDataError):
            return None
        if len(padded) != len(short):
            return None
        table = _with_rows_at(table, pa.Table.from_pandas(padded, schema=table.schema, preserve_index=False),
                              np.array([n - 1 for n, _t in short]))
    cells = table.to_pandas()
    cells.columns = range(width)
    return cells


def _with_rows_at(table: pa.Table, rows: pa.Table, at: np.ndarray) -> pa.Table:
    """``table`` with the rows of ``rows`` put in at the positions ``at`` (ascending) of the result, in one
    chunk. A few rows (the title and unit lines of most lists) go in between slices of the others, copied
    once; many, by a gather of every cell by its row number (which cost ~4 times as much for a few)."""
    if len(at) > _FEW_ROWS:
        order = np.empty(table.num_rows + len(at), dtype=np.int64)
        rest = np.ones(len(order), dtype=bool)
        rest[at] = False
        order[rest] = np.arange(table.num_rows)
        order[at] = table.num_rows + np.arange(len(at))
        return pa.concat_tables([table, rows]).take(pa.array(order))
    pieces, done = [], 0
    for k, pos in enumerate(at.tolist()):  # ``before`` rows of ``table`` come before the kth one
        before = pos - k
        pieces += [table.slice(done, before - done), rows.slice(k, 1)]
        done = before
    return pa.concat_tables([*pieces, table.slice(done)]).combine_chunks()


_FEW_ROWS = 64
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


class _Utf8Reader(io.RawIOBase):
    """The text as UTF-8 bytes, encoded a slice at a time as the parser reads (pandas' C parser reads
    bytes directly; a text stream it re-encodes chunk by chunk, a third slower)."""

    _SLICE = 1 << 20  # characters encoded at a time

    def __init__(self, text: str, tail: str = "") -> None:
        super().__init__()
        self._text, self._at, self._pending, self._tail = text, 0, b"", tail.encode("utf-8")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._pending) < len(buffer) and self._at < len(self._text):
            piece = self._text[self._at:self._at + self._SLICE]
            self._at += len(piece)
            self._pending += piece.encode("utf-8")
        if self._at >= len(self._text) and self._tail:
            self._pending, self._tail = self._pending + self._tail, b""
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _utf8_source(text: str) -> io.IOBase:
    """The text as a UTF-8 byte stream for pandas' C parser; the text stream itself if it cannot be
    UTF-8 (a lone surrogate) or starts with a BOM."""
    if not text.startswith("\ufeff") and not _has_surrogate(text):
        return io.BufferedReader(_Utf8Reader(text), buffer_size=1 << 20)
    return io.StringIO(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None
