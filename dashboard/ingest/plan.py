"""What an import found and what it did: problems, the plan ``preview`` makes, the result of ``commit``."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import t
from ..store.batches import SHEET_SEPARATOR

DEFAULT_USD_RATE = 7.1
QUOTED_CHARS = 80                   # characters of a cell a message quotes
MAX_LISTED = 20                     # problems of one kind listed in full; the rest are counted
LOW_CONFIDENCE = 0.5                # auto-tags below this are listed for review
ON_DUPLICATE = ("update", "skip")
# A workbook read whole (one project table per sheet) numbers its rows sheet by sheet: a row's key is
# (sheet's place among those read + 1) x ROW_BASE + its row in the sheet, so that rows of two sheets never
# share a key (an .xlsx sheet has at most 1,048,576 rows). A file read as one sheet keeps its row numbers.
ROW_BASE = 10_000_000
# A message's values that name an encoding (by Python's codec name, as the reader found it).
ENCODING_VALUES = frozenset({"encoding", "bom", "majority", "minority"})
MAX_SHEETS = 200                    # sheets read in one import: keys stay within a 32-bit source_row


def said(values: dict[str, object], lang: str) -> dict[str, object]:
    """A message's values in ``lang``: a list (sheets, columns, hidden sheets) as prose of that language,
    甲、乙、丙 or "a, b, c" (they were joined with 、 where found, in the English page too); an encoding as
    editors name it (Windows-1252, not cp1252)."""
    from ..formatting import join_list
    from .encodings import display_name

    return {k: join_list(v, lang) if isinstance(v, list | tuple) else display_name(v) if k in ENCODING_VALUES else v
            for k, v in values.items()}


class MappingError(ValueError):
    """A `--map` override (or the upload page's mapping) names a header the file lacks or a field that does
    not exist. ``message(lang)`` says so in either language; ``str()`` stays the English one."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(t(f"importer.{code}", "en", **said(values, "en")))
        self.code, self.values = code, values

    def message(self, lang: str = "zh") -> str:
        return t(f"importer.{self.code}", lang, **said(self.values, lang))


class RevertError(Exception):
    def __init__(self, code: str, lang: str = "zh", **values: object) -> None:
        super().__init__(t(f"importer.{code}", lang, **values))
        self.code = code


def shorten(text: str) -> str:
    """A cell as a message quotes it: its first :data:`QUOTED_CHARS` characters (a hostile cell may hold
    100,000)."""
    return text if len(text) <= QUOTED_CHARS else text[: QUOTED_CHARS - 1] + "…"


@dataclass
class Problem:
    """One thing wrong with a row (or the whole file, when ``row`` is None)."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    level: str = "error"
    values: dict[str, object] = field(default_factory=dict)
    # Set on the one entry that stands for the problems of this kind not listed: the rows they concern.
    more_rows: np.ndarray | None = None
    # The sheet it concerns, in an import of several sheets (``row`` is then a key: see ROW_BASE).
    sheet: str | None = None
    # The message's key when it is not the code's: a text file's ``no_header`` speaks of the file, not of
    # a sheet named after it (``no_header_file``); the code, which ``--json`` reports, stays the same.
    key: str | None = None

    @property
    def is_summary(self) -> bool:
        return self.more_rows is not None

    @property
    def line(self) -> int | None:
        """The row number as seen in its sheet."""
        if self.row is None or self.sheet is None:
            return self.row
        return self.row % ROW_BASE

    def message(self, lang: str = "zh", *, with_sheet: bool = True) -> str:
        """The message; in an import of several sheets, headed by its sheet (unless the caller shows it)."""
        if self.more_rows is not None:
            # Named by the first row listed of its kind (in its sheet, in an import of several), in words of the
            # page's language: the code (place_unknown) said it in an identifier, in the Chinese page too.
            like, sheet = self.values.get("like"), self.values.get("like_sheet")
            key = "more_of_kind" if like is None else "more_of_kind_like" if sheet is None else "more_of_kind_sheet"
            text = t(f"importer.{key}", lang, count=f"{len(self.more_rows):,}", column=self.column or "-",
                     like=like, sheet=sheet)
        else:
            values = self.values
            if isinstance(values.get("value"), str):  # the value field keeps the cell whole
                values = {**values, "value": shorten(values["value"])}
            text = t(f"importer.{self.key or self.code}", lang, **said(values, lang))
        if with_sheet and self.sheet is not None:
            return t("importer.in_sheet", lang, sheet=self.sheet, message=text)
        return text

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        out: dict[str, object] = {"sheet": self.sheet, "row": self.line, "column": self.column, "value": self.value,
                                  "code": self.code, "message": self.message(lang, with_sheet=False)}
        if self.more_rows is not None:
            out["more"] = int(len(self.more_rows))
        return out


def bounded(problems: list[Problem], limit: int = MAX_LISTED) -> list[Problem]:
    """The problems in row order (file-wide ones first, every one), at most ``limit`` rows of each code listed,
    the rest of that code folded into one summary entry that keeps their rows and names the first row listed; the
    summaries come last, where the page's note says they are (they came before every row)."""
    by_code: dict[str, list[Problem]] = {}
    for p in problems:
        by_code.setdefault(p.code, []).append(p)
    out: list[Problem] = []
    for code, group in by_code.items():
        # A problem of the whole file or of a sheet (no row) is always listed: it has no row to fold into a
        # summary, and it may be what blocks the file (see ``ImportPlan.blocking``); a workbook of many sheets
        # gives one per sheet, bounded by the sheets read.
        whole = [p for p in group if not p.is_summary and p.row is None]
        listed = sorted((p for p in group if not p.is_summary and p.row is not None), key=lambda p: p.row)
        rest = [np.asarray([p.row for p in listed[limit:]], dtype=np.int64)]
        rest += [p.more_rows for p in group if p.more_rows is not None]
        out += whole + listed[:limit]
        more = np.concatenate(rest) if rest else np.array([], dtype=np.int64)
        if len(more):
            first = listed[0] if listed else next(p for p in group if p.is_summary)
            like = ({"like": first.line, "like_sheet": first.sheet} if listed and first.line is not None
                    else {k: v for k, v in first.values.items() if k in ("like", "like_sheet")})
            out.append(Problem(code, None, first.column, None, first.level, like, np.sort(more)))
    return sorted(out, key=lambda p: (p.is_summary, p.row is not None, p.row or 0))


@dataclass
class ImportPlan:
    """Everything ``preview`` found; nothing is written until ``commit``."""

    file_name: str
    sha256: str
    lang: str = "zh"
    usd_rate: float = DEFAULT_USD_RATE
    kind: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None                    # the sheet read (None when several were: sheets_read)
    sheets_read: list[str] = field(default_factory=list)   # every sheet read, in an import of several
    # Per sheet read (several): sheet, header_row, rows_read; rows_rejected by rows_by_sheet().
    sheet_rows: list[dict[str, object]] = field(default_factory=list)
    header_row: int | None = None               # 1-based, as seen in the file
    notes: list[str] = field(default_factory=list)   # title and notes above the header
    list_year: int | None = None
    columns: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field, mapped columns only
    unmapped: list[str] = field(default_factory=list)
    raw: pd.DataFrame = field(default_factory=pd.DataFrame)      # project rows as read, + 'row'
    # The first rows of a sheet with no header found (the rows the header is looked for in), so that the
    # upload page can offer its cells to map by hand; empty otherwise.
    top_rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    records: pd.DataFrame = field(default_factory=pd.DataFrame)  # normalised, one per project row
    investments: pd.DataFrame = field(default_factory=pd.DataFrame)  # row, year, planned_wan
    funding: pd.DataFrame = field(default_factory=pd.DataFrame)      # row, source, amount_wan
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    duplicates: pd.DataFrame = field(default_factory=pd.DataFrame)   # row, project_id
    duplicates_version: int | None = None       # the store's data version the duplicates were found in
    refused: Problem | None = None
    rows_read: int = 0
    usd_rows: int = 0                           # rows with an amount converted from US dollars
    counts: dict[str, int] = field(default_factory=dict)   # problems of each code, listed or not

    @property
    def rejected_rows(self) -> set[int]:
        rows = {p.row for p in self.errors if p.row is not None}
        for p in self.errors:
            if p.more_rows is not None:
                rows.update(p.more_rows.tolist())
        return rows

    def blocking(self) -> Problem | None:
        """What stops this file from being imported as it is: the refusal, a problem with the whole
        file (no place column), else rows that failed validation; None if nothing does."""
        if self.refused:
            return self.refused
        whole = [p for p in self.errors if p.row is None and not p.is_summary]
        if whole:
            return whole[0]
        if self.errors:
            return Problem("has_errors", values={"rows": self.rows_rejected})
        return None

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected_rows)

    @property
    def batch_sheet(self) -> str | None:
        """What import_batches.sheet records: the sheets read, when the file has several; None for one."""
        if len(self.sheets_read) > 1:
            return SHEET_SEPARATOR.join(self.sheets_read)
        return self.sheet if len(self.sheets) > 1 else None

    def where(self, rows: pd.Series | np.ndarray) -> tuple[list[str | None], np.ndarray]:
        """(sheet, row number in that sheet) of each row key."""
        keys = np.asarray(rows, dtype=np.int64)
        if len(self.sheets_read) < 2:
            return [self.sheet] * len(keys), keys
        names = [None, *self.sheets_read]
        return [names[k // ROW_BASE] if k // ROW_BASE < len(names) else None for k in keys], keys % ROW_BASE

    def rows_by_sheet(self) -> list[dict[str, object]]:
        """Each sheet read with its header row, rows read, rows rejected and rows valid (several sheets)."""
        rejected = np.fromiter(self.rejected_rows, dtype=np.int64, count=len(self.rejected_rows)) // ROW_BASE
        out = []
        for i, info in enumerate(self.sheet_rows, start=1):
            bad = int((rejected == i).sum())
            out.append({**info, "rows_rejected": bad, "rows_valid": int(info["rows_read"]) - bad})
        return out

    @property
    def rows_valid(self) -> int:
        return self.rows_read - self.rows_rejected

    def review_rows(self) -> pd.DataFrame:
        """Rows whose sector a person should look at: unclassified, or auto-tagged with low confidence."""
        r = self.records
        if r.empty:
            return r
        mask = r["sector"].isna() | ((r["sector_source"] == "auto") & (r["sector_confidence"] < LOW_CONFIDENCE))
        return r.loc[mask & ~r["row"].isin(self.rejected_rows),
                     ["row", "name", "content", "sector", "sector_confidence", "sector_keywords"]]

    def report(self, lang: str | None = None) -> dict[str, object]:
        lang = lang or self.lang
        return {
            "file_name": self.file_name, "sha256": self.sha256,
            "sheet": self.sheet if self.sheet is not None else "、".join(self.sheets_read) or None,
            "sheets_read": list(self.sheets_read), "sheet_rows": self.rows_by_sheet(),
            "encoding": self.encoding, "header_row": self.header_row, "rows_read": self.rows_read,
            "rows_valid": self.rows_valid, "rows_rejected": self.rows_rejected,
            "mapping": self.mapping, "unmapped": self.unmapped,
            "errors": [p.as_dict(lang) for p in self.errors],
            "warnings": [p.as_dict(lang) for p in self.warnings],
            "problem_counts": dict(self.counts),
            "duplicates": int(len(self.duplicates)),
            "usd_rate": self.usd_rate, "usd_rows": self.usd_rows,
            "message": self.refused.message(lang) if self.refused else None,
        }


@dataclass
class ImportResult:
    batch_id: int | None
    rows_read: int
    rows_imported: int = 0
    rows_updated: int = 0          # rows that changed the stored project they match
    rows_unchanged: int = 0        # rows matching a stored project that they leave as it is
    rows_skipped: int = 0
    rows_rejected: int = 0
    refused: Problem | None = None

    @property
    def committed(self) -> bool:
        return self.batch_id is not None
