"""Every file the app hands to a user goes through this module: tables and chart data as CSV or
XLSX, the summary's meeting export, the import page's problem and review lists, the blank templates.

Why one module: a download is where the store's text (project names, owners, file names: anything an
uploaded file put there) reaches a spreadsheet program, so it is where formula injection is stopped
(OWASP "CSV Injection"), and it is the one place a role check and an audit record belong.

Neutralisation: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
or a full-width or other compatibility form of ``= + - @`` (``＝ ＋ － ＠``: :data:`FORMULA_START`),
gets a ``'`` in front, so Excel and WPS show it as text instead of evaluating it. Numbers stay
numbers. XLSX cells holding text are written as strings, never as formulas; characters XML cannot
hold (NUL and other C0 controls) are dropped from XLSX text. CSV is UTF-8 with a BOM, so Chinese
Excel opens it without asking for an encoding.

Pure functions (:func:`neutralise`, :func:`csv_bytes`, :func:`xlsx_bytes`) serve notebooks and
tests; :func:`button` and :func:`file_button` put a download on a page. Both generate the file only
when the user clicks (deferred data), through :func:`_offer`, the single point where access control
and auditing hook in.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Mapping
from numbers import Real
from typing import Any, Literal

import pandas as pd

Kind = Literal["csv", "xlsx"]
Frames = pd.DataFrame | Iterable[pd.DataFrame]

# Leading characters a spreadsheet treats as the start of a formula (or a DDE call): = + - @, tab and
# CR, and every character whose compatibility form (NFKC) is one of = + - @: the full-width ＝ ＋ － ＠
# a Chinese input method types, the small ﹦ ﹢ ﹣ ﹫, super- and subscript ⁼ ⁺ ₌ ₊, ⩵ ⩶ and the Hebrew
# alternative plus ﬩. Spreadsheet programs in CJK locales may fold these into their ASCII forms as a cell
# is entered or imported, so they start formulas too (tests/test_downloads.py derives the list from NFKC).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r",
                 "\uff1d", "\uff0b", "\uff0d", "\uff20",            # ＝ ＋ － ＠
                 "\ufe66", "\ufe62", "\ufe63", "\ufe6b",            # ﹦ ﹢ ﹣ ﹫
                 "\u207c", "\u207a", "\u208c", "\u208a",            # ⁼ ⁺ ₌ ₊
                 "\u2a75", "\u2a76", "\ufb29")                      # ⩵ ⩶ ﬩
_FORMULA_RE = re.compile("^[" + re.escape("".join(FORMULA_START)) + "]")
# Characters an XML 1.0 document cannot carry (openpyxl refuses them with IllegalCharacterError).
_XML_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ICON = {"csv": ":material/download:", "xlsx": ":material/table:"}


def neutralise_text(value: str) -> str:
    """``'=1+1`` for ``=1+1``; any other text unchanged."""
    return "'" + value if value.startswith(FORMULA_START) else value


def neutralise_value(value: object) -> object:
    """Text is neutralised; numbers, dates, booleans and missing values pass through."""
    return neutralise_text(value) if isinstance(value, str) else value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` safe to open in a spreadsheet: column names and every text cell neutralised.

    Only columns that can hold text are touched (object and string dtypes), column-wise, so a
    100k-row export costs milliseconds; numeric columns keep their dtype.
    """
    out = frame.copy(deep=False)
    out.columns = [neutralise_text(c) if isinstance(c, str) else c for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object:
            hostile = col.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START)).to_numpy(dtype=bool)
        elif pd.api.types.is_string_dtype(col.dtype):
            hostile = col.str.contains(_FORMULA_RE, na=False).to_numpy(dtype=bool)
        else:  # numbers, dates, booleans, categories of numbers: nothing to neutralise
            if isinstance(col.dtype, pd.CategoricalDtype):
                out.isetitem(i, neutralise(col.astype(object).to_frame()).iloc[:, 0])
            continue
        if hostile.any():
            values = col.to_numpy(dtype=object, copy=True)
            values[hostile] = ["'" + v for v in values[hostile]]
            out.isetitem(i, pd.Series(values, index=col.index, dtype=col.dtype))
    return out


def _frames(data: Frames) -> Iterable[pd.DataFrame]:
    return [data] if isinstance(data, pd.DataFrame) else data


def csv_bytes(data: Frames) -> bytes:
    """CSV in UTF-8 with a BOM; several frames (an export's batches) are written under one header."""
    buf = io.StringIO()
    first = True
    for frame in _frames(data):
        neutralise(frame).to_csv(buf, index=False, header=first, lineterminator="\r\n")
        first = False
    return buf.getvalue().encode("utf-8-sig")


def _xlsx_cell(ws: Any, value: object) -> Any:  # noqa: ANN401 - openpyxl's cell types
    from openpyxl.cell import WriteOnlyCell

    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, value=None)
        cell.value = _XML_ILLEGAL_RE.sub("", neutralise_text(value))
        cell.data_type = "s"  # a string, never a formula, whatever it starts with
        return cell
    try:
        if pd.isna(value):  # pd.NA and numpy NaN
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


# A money column's header names its unit (locales/columns.toml: 总投资（亿元）, Total investment (CNY bn));
# its cells are shown as the pages write money: thousands separators and 0.01 亿元 (0.001 CNY bn).
MONEY_FORMATS = {"亿元": "#,##0.00", "CNY bn": "#,##0.000"}


def money_format(header: object) -> str | None:
    """The spreadsheet number format of a column whose header names a money unit, else None."""
    text = str(header)
    return next((fmt for unit, fmt in MONEY_FORMATS.items() if text.endswith((f"（{unit}）", f"({unit})"))), None)


def xlsx_bytes(data: Frames, sheet: str = "data") -> bytes:
    """An XLSX written row by row (openpyxl write-only mode), text cells stored as strings, money cells
    formatted as the pages write money (:func:`money_format`)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    def formatted(value: object, fmt: str | None) -> object:
        cell = _xlsx_cell(ws, value)
        if fmt is None or not isinstance(cell, Real) or isinstance(cell, bool):  # text comes back as a cell
            return cell
        out = WriteOnlyCell(ws, value=cell)
        out.number_format = fmt
        return out

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31] or "data")
    first = True
    formats: list[str | None] = []
    for frame in _frames(data):
        if first:
            ws.append([_xlsx_cell(ws, str(c)) for c in frame.columns])
            formats = [money_format(c) for c in frame.columns]
            first = False
        for row in frame.itertuples(index=False, name=None):
            ws.append([formatted(v, f) for v, f in zip(row, formats, strict=False)])
    if first:  # nothing at all: still a valid, empty workbook
        ws.append([])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Chart data as it leaves the page (:func:`labelled`): the coded columns a query returns, the taxonomy
# kind that names their values, the columns a page adds for its own chart labels (dropped: the coded
# column says the same in the reader's language) and the pairs of zh/en name columns that become one.
CODED = {"sector": "sector", "subfield": "subfield", "tier": "tier", "stage": "stage", "ownership": "ownership",
         "source": "funding", "programme": "programme", "region_group": "region_group"}
CHART_HELPERS = ("name", "channel", "kind_name", "list_slug", "region")
NAME_PAIRS = (("short_name", "name_en"), ("name_zh", "name_en"))
SHARES = ("share", "growth")


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A chart's data as the reader gets it: headers from ``locales/columns.toml`` in ``lang``, coded
    values by name (``data/taxonomy.toml``), one name column in the reader's language, money (the
    queries' ``*_yi`` columns) in 亿元 / CNY bn as the charts show it, rounded to 0.01 亿元, with the
    unit in its header, and shares in per cent.

    A column the locale does not know keeps its name (tests/test_download_labels.py finds any)."""
    from . import taxonomy
    from .formatting import money_unit
    from .i18n import messages, t

    out = frame.copy()
    pair = next(((zh, en) for zh, en in NAME_PAIRS if zh in out.columns and en in out.columns), None)
    named_otherwise = pair is not None or any(c in out.columns for c in CODED)
    out = out.drop(columns=[c for c in CHART_HELPERS if c in out.columns and (c != "name" or named_otherwise)])
    if pair is not None:
        zh, en = pair
        names = out[zh] if lang == "zh" else out[en].where(out[en].notna() & (out[en] != out[zh]), None)
        names = names.fillna(out[zh]) if lang == "zh" else names.fillna(out[zh].map(
            lambda v: taxonomy.label("region_group", v, lang) if isinstance(v, str) else v))
        out = out.drop(columns=[zh, en])
        out.insert(0, "name", names)
    factor, unit = money_unit(lang)
    digits = 2 if factor == 1 else 3  # 0.01 亿元 either way
    known = messages()[lang]
    headers = {}
    for column in out.columns:
        if column in CODED:
            out[column] = out[column].map(lambda v, k=CODED[column]: taxonomy.label(k, v, lang))
        elif column == "kind":
            out[column] = out[column].map(lambda v: t(f"funding.kind_{v}", lang) if isinstance(v, str) else v)
        elif column.endswith("_yi"):
            out[column] = (pd.to_numeric(out[column]) * factor).round(digits)
        elif column in SHARES:
            out[column] = (pd.to_numeric(out[column]) * 100).round(2)
        key = f"columns.{column}"
        headers[column] = t(key, lang, unit=unit, pct="%") if key in known else column
    return out.rename(columns=headers)


def file_bytes(data: Frames, kind: Kind) -> bytes:
    if kind == "csv":
        return csv_bytes(data)
    if kind == "xlsx":
        return xlsx_bytes(data)
    raise ValueError(f"unknown download kind {kind!r}")


def _offer(label: str, make: Callable[..., bytes], file_name: str, mime: str, *, what: str,
           filters: Mapping[str, object] | object | None, key: str | None, where: Any,  # noqa: ANN401
           icon: str | None, help: str | None) -> None:  # noqa: A002
    """The one place a download is put on a page.

    ``what`` names the data (``"projects"``, ``"chart:sector_bars"``, ``"overdue"``, ...) and
    ``filters`` the filters it was cut with, for the audit record; the access check and the record
    belong here, around ``make``, which runs only when the user clicks. A role without the right
    (:func:`dashboard.auth.permissions.download_perm`) gets no button; each click is recorded with
    what, the filters, the province scope and the row count.
    """
    import streamlit as st

    from .auth import session
    from .auth.permissions import allows, download_perm

    perm = download_perm(what)
    who = session.current()
    if who is None or not allows(who.role, perm):  # not drawn: the file is never made, nothing to fetch
        return

    def audited() -> bytes:
        # Runs when the browser asks for the file, outside the script run: the person who was shown
        # the button acts, with their province scope (every query inside make() is cut to it).
        with session.acting_as(who):
            rows: list[int] = []
            body = make(rows) if _counts_rows(make) else make()
            session.audit("download", detail={"what": what, "file": file_name,
                                              "rows": sum(rows) if rows else None,
                                              "filters": _filters_detail(filters), "scope": list(who.provinces)})
        return body

    target = where if where is not None else st
    target.download_button(label, data=audited, file_name=file_name, mime=mime, key=key, icon=icon, help=help,
                           on_click="ignore")


def _counts_rows(make: Callable[..., bytes]) -> bool:
    return getattr(make, "counts_rows", False)


def _filters_detail(filters: Mapping[str, object] | object | None) -> object:
    """The filters a download was cut with, as the audit record keeps them (only those set)."""
    import dataclasses

    if filters is None:
        return None
    if dataclasses.is_dataclass(filters) and not isinstance(filters, type):
        return {k: v for k, v in dataclasses.asdict(filters).items() if v not in (None, (), [], "")}
    if isinstance(filters, Mapping):
        return {str(k): _filters_detail(v) if dataclasses.is_dataclass(v) else v for k, v in filters.items()}
    return str(filters)


def button(label: str, data: Frames | Callable[[], Frames], file_stem: str, *, kind: Kind = "csv",
           what: str, filters: Mapping[str, object] | object | None = None, key: str | None = None,
           where: Any = None, icon: str | None = None, help: str | None = None) -> None:  # noqa: ANN401, A002
    """A download button for a table: ``data`` is a frame, an iterable of frames, or a callable
    returning either (called on click, so large exports cost nothing until asked for)."""

    def make(rows: list[int]) -> bytes:
        frames = data() if callable(data) else data

        def counted() -> Iterable[pd.DataFrame]:
            for frame in _frames(frames):
                rows.append(len(frame))
                yield frame

        return file_bytes(counted(), kind)

    make.counts_rows = True  # type: ignore[attr-defined]  # the audit record gets the row count
    _offer(label, make, f"{file_stem}.{kind}", MIME[kind], what=what, filters=filters, key=key, where=where,
           icon=icon or ICON[kind], help=help)


def file_button(label: str, data: bytes | Callable[[], bytes], file_name: str, mime: str, *, what: str,
                filters: Mapping[str, object] | object | None = None, key: str | None = None,
                where: Any = None, icon: str | None = None, help: str | None = None) -> None:  # noqa: ANN401, A002
    """A download of a finished document (the HTML/PDF meeting export, a blank template): the bytes
    are the caller's; text in them must already be escaped for their format."""

    def make() -> bytes:
        return data() if callable(data) else data

    _offer(label, make, file_name, mime, what=what, filters=filters, key=key, where=where,
           icon=icon or ":material/download:", help=help)
