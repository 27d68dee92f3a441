"""A file's bytes into raw cells, each row carrying its 1-based row number as seen in the file.

Text files (.csv, .txt): UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), GBK / GB18030,
comma, tab, semicolon or pipe separated. Workbooks: .xlsx (openpyxl) and .xls (xlrd), every sheet.
Traditional characters are read as simplified. Nothing here knows what a header is.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .delimited import parse_text, sniff_delimiter, used_width
from .encodings import decode
from .htmltable import looks_like_html, read_tables
from .raw import MAX_COLUMNS, UNCLEAN_CHARS, RawFile, ReadError, Sheet, clean_text, within_width
from .traditional import TONE_MARKS, simplify, text_flags
from .workbooks import read_xls, read_xlsx
from .xmlsheet import looks_like_spreadsheetml, read_spreadsheetml

__all__ = ["ACCEPTED", "FORMATS", "RawFile", "ReadError", "Sheet", "decode", "read", "simplify", "sniff_delimiter"]

# The files a reader of project lists is handed, by kind: (kind, extensions, read). The kinds ``read`` are the
# tables this module reads (it tells them apart by content, whatever the name says); the others are taken so
# that the import can say what they are and what to do (save as .xlsx or CSV), instead of an uploader's
# refusal. The upload page's uploader, its caption and its limit line are all made from this list.
FORMATS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("text", ("csv", "txt", "tsv"), True),
    ("excel", ("xlsx", "xls", "xlsm", "xltx", "et", "xml"), True),
    ("web", ("html", "htm", "mht", "mhtml"), True),
    ("refused", ("xlsb", "ods", "numbers", "zip", "gz", "7z", "rar"), False),
)
ACCEPTED = tuple(ext for _, exts, _ in FORMATS for ext in exts)

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ARCHIVE_MAGIC = (b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07")
# Image files by their signature: a file starting so is a picture (or a picture with text after it), no table.
_IMAGE_MAGIC = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"),
                (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))
_MHT = re.compile(rb"(?is)^\s*(?:[\w-]+:[^\n]*\n\s*)*?mime-version:.*?multipart/related")
_BLANK = re.compile(rb"[ \t\r\n\x00\xef\xbb\xbf\xff\xfe]*")  # nothing but blanks, NULs and BOM bytes


def read(data: bytes, file_name: str) -> RawFile:
    """Every sheet (one for a text file) of the file, or :class:`ReadError`."""
    return _bounded(_read(data, file_name))


def _bounded(raw: RawFile) -> RawFile:
    """The file with no sheet wider than any project table (raw.MAX_COLUMNS): such a sheet is left out
    with a warning beside other sheets, and refused alone, before any step looks at each of its columns."""
    kept, wide = [], []
    for sheet in raw.sheets:
        bounded = within_width(sheet)
        if bounded is None:
            wide.append(sheet)
        else:
            kept.append(bounded)
    if not wide:
        return raw
    said = {"sheet": wide[0].name, "columns": f"{wide[0].cells.shape[1]:,}", "limit": f"{MAX_COLUMNS:,}"}
    if not kept:
        raise ReadError("table_too_wide", **said)
    raw.sheets = kept
    raw.warnings += [("sheet_too_wide_skipped", {"sheet": s.name, "columns": f"{s.cells.shape[1]:,}",
                                                 "limit": f"{MAX_COLUMNS:,}"}) for s in wide]
    return raw


def _read(data: bytes, file_name: str) -> RawFile:
    if _BLANK.fullmatch(data):  # (a search, not data.strip(): a large file is not copied)
        raise ReadError("file_empty")
    suffix = Path(file_name).suffix.lower()
    if data.startswith(b"%PDF-"):
        raise ReadError("format_pdf")
    image = next((kind for magic, kind in _IMAGE_MAGIC if data.startswith(magic)), None)
    if image is not None and _text_after(data):
        # An image's signature before text (a GIF89a header before CSV text: a polyglot, read as CSV with the magic
        # stripped as control characters): no table file, refused naming what its first bytes are. A real image
        # (binary throughout) is refused as binary, below, as before.
        raise ReadError("format_image", image=image)
    if data.startswith(_XLSX_MAGIC):
        return read_xlsx(data)
    if data.startswith(_XLS_MAGIC):
        return read_xls(data)
    if data.startswith(_ARCHIVE_MAGIC):  # a .gz / .7z / .rar attachment: unpacked, its table is readable
        raise ReadError("format_archive")
    if data.endswith(b"\x1a"):  # DOS's end-of-file mark (Ctrl-Z) after the last line: no row (it was a
        data = data.rstrip(b"\x1a")  # nameless project that refused the file)
        if _BLANK.fullmatch(data):
            raise ReadError("file_empty")
    said: list[tuple[str, dict]] = []
    if _MHT.match(data[:2048]):  # Excel's "single file web page" (.mht): the HTML part's tables
        return _read_mht(data, file_name)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        # An HTML table saved as .xls (web systems' "export to Excel") is read as the table it is, and
        # so is an XML Spreadsheet 2003 saved as .xls.
        try:
            text, encoding = decode(data, said)
        except ReadError:
            text, encoding = "", None
        if looks_like_spreadsheetml(text):
            said.append(("xml_workbook", {"suffix": suffix}))
            return RawFile("xml", read_spreadsheetml(text), encoding=encoding, warnings=said)
        html = looks_like_html(text)
        sheets = read_tables(text, Path(file_name).stem or "data") if html else []
        if not sheets and text.strip() and not html:
            # A comma- or tab-separated text named .xls (web systems' "export to Excel", often GBK and tabs):
            # Excel opens it as a table, so its users take it for a workbook. Read as the text it is, and said.
            table = _text_table(text, file_name, encoding, said)
            if table is not None:
                delimiter = {"\t": "Tab"}.get(table.delimiter or "", table.delimiter or "")
                table.warnings.append(("text_workbook", {"suffix": suffix, "delimiter": delimiter,
                                                         "encoding": encoding or "-"}))
                return table
        if not sheets:
            raise ReadError("not_a_workbook", suffix=suffix)
        said.append(("html_workbook", {"suffix": suffix}))
        return RawFile("html", sheets, encoding=encoding, warnings=said)
    text, encoding = decode(data, said)
    if not text.strip():
        raise ReadError("file_empty")
    if looks_like_spreadsheetml(text):  # an XML Spreadsheet 2003 (.xml): a workbook, not a text table
        return RawFile("xml", read_spreadsheetml(text), encoding=encoding, warnings=said)
    if suffix in (".html", ".htm") or looks_like_html(text):
        # A web page saved from the browser (.html, .htm): its tables, as those of one named .xls. It was read
        # as a comma-separated text ("no header"), its rowspan amounts never seen.
        sheets = read_tables(text, Path(file_name).stem or "data") if looks_like_html(text) else []
        if not sheets:
            raise ReadError("html_no_table", suffix=suffix or "-")
        return RawFile("html", sheets, encoding=encoding, warnings=said)
    table = _text_table(text, file_name, encoding, said, one_column=True)
    assert table is not None  # one_column: always a table
    return table


def _text_after(data: bytes) -> bool:
    """Whether the bytes read as text (the decoder finds no binary in them)."""
    try:
        decode(data, [])
    except ReadError:
        return False
    return True


def _text_table(text: str, file_name: str, encoding: str | None, said: list[tuple[str, dict]],
                *, one_column: bool = False) -> RawFile | None:
    """The text as a delimited table, or None (only where ``one_column`` is False) when no delimiter splits
    it into columns: a text named as a workbook is read as a table only when it is one."""
    text = unquote_whole_lines(text, said)
    text = columns_by_spaces(text, said)
    text = columns_by_wide_commas(text, said)
    delimiter = sniff_delimiter(text)
    width = used_width(text, delimiter)
    if width > MAX_COLUMNS:  # refused before a cell is made (raw.within_width refuses it after)
        raise ReadError("table_too_wide", sheet=Path(file_name).stem or "data", columns=f"{width:,}",
                        limit=f"{MAX_COLUMNS:,}")
    cells, lines = parse_text(text, delimiter, said)
    if not one_column and cells.shape[1] < 2:
        return None
    rebuilt: list[tuple[str, dict]] = []
    if cells.shape[1] == 1:
        cells, lines, rebuilt = _one_cell_per_line(cells, lines)
    _marks_by_cell(cells, lines, said)
    # Traditional characters, those no clean sheet holds (raw.clean_text) and pinyin's tone marks (a gloss),
    # in one pass over the text.
    traditional, unclean, tones = text_flags(text, UNCLEAN_CHARS, TONE_MARKS)
    if traditional or tones is not False:  # most files have neither: then no cell needs looking at
        cells = simplify(cells, said)
    clean = clean_text(text) if unclean is None else not unclean
    sheet = Sheet(Path(file_name).stem or "data", cells, lines, clean=clean, warnings=rebuilt)
    return RawFile("text", [sheet], encoding=encoding, delimiter=delimiter, warnings=said)



# A line quoted whole ("项目名称,建设地点,总投资（万元）"): a text column exported with its quotes, or a table pasted
# into one column. Every line one cell: "no header found". Read as the delimited text inside, said.
_WHOLE_LINE = re.compile(r'^\s*"((?:[^"]|"")*)"\s*$')


def unquote_whole_lines(text: str, said: list[tuple[str, dict]]) -> str:
    """``text`` with each line quoted whole replaced by the text inside (a doubled quote as one) where most of
    the first lines are so quoted and their insides split by a delimiter into several cells; else as it is."""
    if not text.lstrip().startswith('"'):
        return text
    head = [ln for ln in text[:100_000].splitlines()[:60] if ln.strip()]
    whole = [m.group(1).replace('""', '"') for m in map(_WHOLE_LINE.match, head) if m]
    if len(whole) < max(2, len(head) * 0.8):
        return text
    delimiter = sniff_delimiter("\n".join(whole))
    if sum(len(r) > 1 for r in csv.reader(whole, delimiter=delimiter)) < len(whole) * 0.8:
        return text
    lines = text.splitlines()
    out = []
    for line in lines:
        m = _WHOLE_LINE.match(line)
        out.append(m.group(1).replace('""', '"') if m else line)
    said.append(("lines_quoted_whole", {"count": sum(1 for ln in lines if _WHOLE_LINE.match(ln)),
                                        "delimiter": delimiter}))
    return "\n".join(out) + "\n"


# Text copied from a PDF's table: no delimiter, each field set apart by a run of two or more spaces (the PDF's
# column gap), the same number of fields on most lines. "No header found"; read as a table split at those runs,
# said. A line with one field (a title, 单位：万元) is no row of the table and does not count against it.
_SPACE_RUN = re.compile(r"[ \u3000\u00a0]{2,}")


def columns_by_spaces(text: str, said: list[tuple[str, dict]]) -> str:
    """``text`` with each run of two or more spaces between fields as a tab, where the first lines hold no tab,
    comma, semicolon or pipe and most of those with several fields hold the same number (three or more); else
    as it is."""
    head = [ln.strip() for ln in text[:100_000].splitlines()[:60] if ln.strip()]
    if len(head) < 2 or any(c in ln for ln in head for c in "\t,，;|"):
        return text
    counts = [len(_SPACE_RUN.split(ln)) for ln in head]
    several = [c for c in counts if c > 1]
    if not several:
        return text
    width = max(set(several), key=several.count)
    if width < 3 or several.count(width) < max(2, len(several) * 0.8):
        return text
    lines = text.splitlines()
    said.append(("columns_by_spaces", {"columns": width, "count": sum(1 for ln in lines if _SPACE_RUN.search(
        ln.strip()))}))
    return "\n".join(_SPACE_RUN.sub("\t", ln.strip()) for ln in lines) + "\n"


def columns_by_wide_commas(text: str, said: list[tuple[str, dict]]) -> str:
    """``text`` with each full-width comma (，) as a tab, where the first lines hold no tab, no ASCII comma splits
    them into regular fields, and most of those holding a ， split into the same number of fields (three or more):
    a list typed with a Chinese input method's comma between fields ("no header found"); else as it is. A name
    holding a ， of its own then has a cell too many, which the row's checks say."""
    head = [ln.strip() for ln in text[:100_000].splitlines()[:60] if ln.strip()]
    if len(head) < 2 or "，" not in text[:100_000] or any("\t" in ln for ln in head):
        return text
    ascii_counts = [c for c in (ln.count(",") + 1 for ln in head) if c > 1]
    if ascii_counts and ascii_counts.count(max(set(ascii_counts), key=ascii_counts.count)) >= len(head) * 0.5:
        return text
    several = [c for c in (ln.count("，") + 1 for ln in head) if c > 1]
    if not several:
        return text
    width = max(set(several), key=several.count)
    if width < 3 or several.count(width) < max(2, len(head) * 0.8):
        return text
    said.append(("columns_by_wide_commas", {"columns": width}))
    return text.replace("，", "\t")


def _one_cell_per_line(cells, lines: np.ndarray):  # noqa: ANN001, ANN202 - a one-column frame
    """A text with one cell per line whose first lines are a table's headers one below another (项目名称, 建设地点,
    总投资…: a table copied from a PDF or a web page cell by cell), rebuilt as the table it was where the file
    itself tells the table's width for certain: every header a recognised field's label (their count is the width,
    the first value no label), and the values after them a whole number of rows, every line a cell (no blank line,
    where an empty cell and a gap cannot be told apart). The rebuilt sheet carries ``one_cell_per_line_rebuilt``
    (said, and every rebuilt row's typed cells checked against their columns once the places are known: see
    importer._rebuilt_fits). Refused saying why where the width is not certain. (cells, lines, the sheet's
    warnings); a text that is no such table as it was."""
    from .headers import field_of

    # a header alone on its line: no "field: value" (a project described in lines), nothing longer than a label
    everything = [str(v).strip() for v in cells[0].tolist()]
    column = [c if len(c) <= 20 and ":" not in c and "：" not in c else "" for c in everything[:60]]
    for start, text in enumerate(column):
        if not text or field_of(text) is None:
            continue
        run = 0
        while start + run < len(column) and column[start + run] and field_of(column[start + run]) is not None:
            run += 1
        if run < 2 or not any(field_of(c) == "name" for c in column[start:start + run]):
            break
        labels = column[start:start + run]
        said = {"labels": "、".join(labels), "labels_en": ", ".join(labels), "count": run, "line": int(lines[start])}
        first = start + run
        end = len(everything)
        while end > first and everything[end - 1] == "":
            end -= 1
        found = everything[first:end]
        numbers = lines[first:end]
        gaps = [k for k in range(len(found)) if found[k] == "" or (k and numbers[k] != numbers[k - 1] + 1)]
        if not found:  # headers one per line and nothing after them
            raise ReadError("one_cell_per_line", **said)
        if gaps:
            raise ReadError("one_cell_per_line_blank", **said, blank=int(numbers[gaps[0]]) - (found[gaps[0]] != ""))
        if len(found) % run:
            raise ReadError("one_cell_per_line_uneven", **said, values=len(found), rest=len(found) % run)
        rows = [[c] + [""] * (run - 1) for c in everything[:start]] + [labels] + [
            found[k:k + run] for k in range(0, len(found), run)]
        rebuilt = pd.DataFrame(rows, columns=range(run), dtype=object)
        numbered = np.concatenate([lines[:start], lines[start:start + 1], numbers[::run]]).astype(int)
        return rebuilt, numbered, [("one_cell_per_line_rebuilt", {**said, "rows": len(found) // run})]
    return cells, lines, []


_MARKS = "\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
_MARK_CELLS = 20   # cells named one by one; the rest are counted


def _marks_by_cell(cells, lines, said: list[tuple[str, dict]]) -> None:  # noqa: ANN001 - frame, row numbers
    """The decoder's Windows-1252 marks (``cp1252_marks``, by line) said by cell: the row, the column and the
    cell as read, for the first cells; the file-wide count stays beside them when there are more."""
    for k, (code, values) in enumerate(said):
        if code != "cp1252_marks" or "line_numbers" not in values:
            continue
        numbers = values.pop("line_numbers")
        found: list[tuple[str, dict]] = []
        for r in np.flatnonzero(np.isin(lines, numbers)):
            for c in range(cells.shape[1]):
                value = cells.iat[r, c]
                if isinstance(value, str) and any(m in value for m in _MARKS):
                    found.append(("cp1252_marks_cell", {"row": int(lines[r]), "line": int(lines[r]), "col": c,
                                                        "value": value, "encoding": values["encoding"]}))
        if found:
            said[k:k + 1] = found[:_MARK_CELLS] + ([(code, values)] if len(found) > _MARK_CELLS else [])
        break


def _read_mht(data: bytes, file_name: str) -> RawFile:
    """The tables of a MIME "web archive" (Excel's 单个文件网页, .mht/.mhtml): its first HTML part's."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        body = part.get_payload(decode=True) if part is not None else None
    except Exception:  # noqa: BLE001 - a damaged archive: no table in it
        body = None
    if not body:
        raise ReadError("format_mht")
    said: list[tuple[str, dict]] = []
    charset = part.get_content_charset() if part is not None else None
    try:
        text, encoding = (body.decode(charset), charset) if charset else decode(body, said)
    except (LookupError, UnicodeDecodeError):
        text, encoding = decode(body, said)
    sheets = read_tables(text, Path(file_name).stem or "data")
    if not sheets:
        raise ReadError("format_mht")
    if Path(file_name).suffix.lower() in (".xls", ".xlsx", ".xlsm"):
        said.append(("html_workbook", {"suffix": Path(file_name).suffix.lower()}))
    return RawFile("html", sheets, encoding=encoding, warnings=said)
