"""The import: a file in, a report out; a commit is one import batch, and a batch can be reverted.

``preview`` reads, maps, normalises, tags and validates without writing anything. ``commit`` writes
the plan in one transaction (or refuses and writes nothing). ``revert`` removes a batch and puts
back the projects it updated. The upload page and ``python -m dashboard import`` both call these.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb
import numpy as np
import pandas as pd

from .. import store
from ..i18n import t
from . import headers as hd
from . import places, reading, values
from .reading import ReadError

DEFAULT_USD_RATE = 7.1
MAX_AMOUNT_WAN = 100_000_000        # 10,000 亿元: above this an amount is surely a unit error
LOW_CONFIDENCE = 0.5                # auto-tags below this are listed for review
ON_DUPLICATE = ("update", "skip")

Progress = Callable[[float, str], None]
_T = TypeVar("_T")


class MappingError(ValueError):
    """A `--map` override names a header the file lacks or a field that does not exist."""


class RevertError(Exception):
    def __init__(self, code: str, lang: str = "zh", **values: object) -> None:
        super().__init__(t(f"importer.{code}", lang, **values))
        self.code = code


@dataclass
class Problem:
    """One thing wrong with a row (or the whole file, when ``row`` is None)."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    level: str = "error"
    values: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        return t(f"importer.{self.code}", lang, **self.values)

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {"row": self.row, "column": self.column, "value": self.value, "code": self.code,
                "message": self.message(lang)}


@dataclass
class ImportPlan:
    """Everything ``preview`` found; nothing is written until :func:`commit`."""

    file_name: str
    sha256: str
    lang: str = "zh"
    usd_rate: float = DEFAULT_USD_RATE
    kind: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    header_row: int | None = None               # 1-based, as seen in the file
    notes: list[str] = field(default_factory=list)   # title and notes above the header
    list_year: int | None = None
    columns: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field, mapped columns only
    unmapped: list[str] = field(default_factory=list)
    raw: pd.DataFrame = field(default_factory=pd.DataFrame)      # project rows as read, + 'row'
    records: pd.DataFrame = field(default_factory=pd.DataFrame)  # normalised, one per project row
    investments: pd.DataFrame = field(default_factory=pd.DataFrame)  # row, year, planned_wan
    funding: pd.DataFrame = field(default_factory=pd.DataFrame)      # row, source, amount_wan
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    duplicates: pd.DataFrame = field(default_factory=pd.DataFrame)   # row, project_id
    refused: Problem | None = None
    rows_read: int = 0

    @property
    def rejected_rows(self) -> set[int]:
        return {p.row for p in self.errors if p.row is not None}

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected_rows)

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
            "file_name": self.file_name, "sha256": self.sha256, "sheet": self.sheet,
            "encoding": self.encoding, "header_row": self.header_row, "rows_read": self.rows_read,
            "rows_valid": self.rows_valid, "rows_rejected": self.rows_rejected,
            "mapping": self.mapping, "unmapped": self.unmapped,
            "errors": [p.as_dict(lang) for p in self.errors],
            "warnings": [p.as_dict(lang) for p in self.warnings],
            "duplicates": int(len(self.duplicates)),
            "message": self.refused.message(lang) if self.refused else None,
        }


@dataclass
class ImportResult:
    batch_id: int | None
    rows_read: int
    rows_imported: int = 0
    rows_updated: int = 0
    rows_skipped: int = 0
    rows_rejected: int = 0
    refused: Problem | None = None

    @property
    def committed(self) -> bool:
        return self.batch_id is not None


# ============================================================================================ preview

def _gc_paused(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Run ``fn`` with the cyclic garbage collector paused: an import allocates a few hundred thousand
    small objects (cells, keys, verdicts), none of them in cycles, and the collections their
    allocation would trigger, each walking every object the process holds, cost more than the work."""

    @functools.wraps(fn)
    def paused(*args: object, **kwargs: object) -> _T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_gc_paused
def preview(
    source: str | Path | bytes,
    file_name: str | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    *,
    sheet: str | None = None,
    mapping_overrides: Mapping[str, str] | None = None,
    lang: str = "zh",
    usd_rate: float = DEFAULT_USD_RATE,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read, map, normalise, tag and validate a file; writes nothing."""
    if con is None:
        raise TypeError("preview needs the store connection (regions, clusters, duplicates)")
    if isinstance(source, (str, Path)):
        path = Path(source)
        data = path.read_bytes()
        file_name = file_name or path.name
    else:
        data = bytes(source)
    file_name = file_name or "upload"
    plan = ImportPlan(file_name=file_name, sha256=hashlib.sha256(data).hexdigest(), lang=lang,
                      usd_rate=usd_rate)
    step = progress or (lambda _f, _s: None)
    step(0.05, "read")
    try:
        raw = reading.read(data, file_name)
    except ReadError as exc:
        plan.refused = Problem(exc.code, values=exc.values)
        return plan
    plan.kind, plan.encoding, plan.delimiter = raw.kind, raw.encoding, raw.delimiter
    plan.sheets = [s.name for s in raw.sheets]
    aliases = _funding_aliases()
    chosen, header = _choose_sheet(raw, sheet, aliases, plan)
    if chosen is None:
        return plan
    plan.sheet = chosen.name
    if header is None:
        plan.refused = Problem("no_header", values={"sheet": chosen.name})
        return plan
    _apply_overrides(header, mapping_overrides)
    plan.header_row = int(chosen.rows[header.index])
    plan.notes = header.above
    plan.columns = header.labels
    plan.mapping = {header.labels[pos]: f for pos, f in sorted(header.fields.items()) if f != "seq"}
    plan.unmapped = [lab for pos, lab in enumerate(header.labels)
                     if pos not in header.fields and (chosen.cells[pos].iloc[header.index:] != "").any()]
    if "name" not in header.fields.values():
        plan.refused = Problem("no_name_column", values={"columns": "、".join(header.labels)})
        return plan
    step(0.2, "normalise")
    _build(plan, chosen, header, con, step)
    return plan


def _funding_aliases() -> dict[str, str]:
    try:
        from .. import taxonomy
    except ImportError:
        return {}
    out: dict[str, str] = {}
    sources = taxonomy.funding_sources()
    items = sources.items() if isinstance(sources, Mapping) else [(getattr(s, "slug", None), s) for s in sources]
    for slug, source in items:
        names = []
        if isinstance(source, (list, tuple, set)):
            names = list(source)
        else:
            for attr in ("name_zh", "name_en"):
                if getattr(source, attr, None):
                    names.append(getattr(source, attr))
            names += list(getattr(source, "aliases", ()) or ())
        for name in names:
            out[str(name)] = str(slug or getattr(source, "slug", ""))
    return out


def _choose_sheet(raw: reading.RawFile, wanted: str | None, aliases: dict[str, str], plan: ImportPlan
                  ) -> tuple[reading.Sheet | None, hd.Header | None]:
    if wanted is not None:
        for s in raw.sheets:
            if s.name == wanted or s.name.strip() == wanted.strip():
                return s, hd.find_header(s.cells, aliases)
        if wanted.isdigit() and 1 <= int(wanted) <= len(raw.sheets):
            s = raw.sheets[int(wanted) - 1]
            return s, hd.find_header(s.cells, aliases)
        plan.refused = Problem("sheet_not_found", values={"sheet": wanted, "sheets": "、".join(plan.sheets)})
        return None, None
    nonempty = [s for s in raw.sheets if not s.cells.empty and (s.cells != "").any().any()]
    if not nonempty:
        plan.refused = Problem("file_empty")
        return None, None
    for s in nonempty:
        header = hd.find_header(s.cells, aliases)
        if header is not None:
            return s, header
    return nonempty[0], None


def _apply_overrides(header: hd.Header, overrides: Mapping[str, str] | None) -> None:
    if not overrides:
        return
    by_key = {hd.label_key(lab): pos for pos, lab in enumerate(header.labels)}
    for label, target in overrides.items():
        pos = by_key.get(hd.label_key(label))
        if pos is None:
            raise MappingError(f"the file has no column {label!r}; its columns are: " + ", ".join(header.labels))
        target = (target or "").strip()
        if target in ("", hd.IGNORE, "-"):
            header.fields.pop(pos, None)
            continue
        if target not in hd.FIELDS and not (target.startswith(hd.FUNDING_PREFIX)
                                            and target[len(hd.FUNDING_PREFIX):] in FUNDING_SOURCES):
            raise MappingError(f"{target!r} is not a field; use one of: " + ", ".join(all_fields()))
        for other, f in list(header.fields.items()):
            if f == target:
                del header.fields[other]
        header.fields[pos] = target


FUNDING_SOURCES = ("central_budget", "local_special_bonds", "gov_industry_fund", "bank_loans",
                   "corporate_bonds", "equity_vc_pe", "infra_reits", "foreign_capital", "self_raised")


def all_fields() -> list[str]:
    return [*hd.FIELDS, *(hd.FUNDING_PREFIX + s for s in FUNDING_SOURCES), hd.IGNORE]


_TOTAL = re.compile(r"^.{0,10}?(合计|小计|总计|共计)|^(total|subtotal|sum|grand total)\b", re.I)
_SECTION = re.compile(
    r"^([一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|[IVX]+\s*[.、]|"
    r"第[一二三四五六七八九十\d]+(部分|类|批|章)|part\s+[ivx\d]+|section\s+\w+)", re.I)
_NOTE = re.compile(r"^(注|备注|说明|附注|数据来源|资料来源|填报|制表|note|source)\s*[:：\d]", re.I)
_NUMBERED = re.compile(r"^\s*\d+(\.0)?\s*$")


def _match(series: pd.Series, pattern: re.Pattern[str]) -> np.ndarray:
    return series.str.match(pattern, na=False).to_numpy(dtype=bool)


def _first_texts(stripped: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """(cell is non-empty, per cell; each row's first non-empty cell, or its first cell if none)."""
    if stripped.isna().to_numpy().any():  # not from our readers: the general, slower way
        grid = stripped.to_numpy(dtype=object)
        nonempty = grid != ""
        return nonempty, pd.Series(grid[np.arange(len(grid)), nonempty.argmax(axis=1)], dtype=str)
    columns = [stripped.iloc[:, j] for j in range(stripped.shape[1])]
    nonempty = np.column_stack([(c != "").to_numpy(dtype=bool) for c in columns])
    first_pos = nonempty.argmax(axis=1)
    first = columns[0].to_numpy(dtype=object).copy()
    for j in range(1, len(columns)):
        at = np.flatnonzero(first_pos == j)
        if len(at):
            first[at] = columns[j].iloc[at].to_numpy(dtype=object)
    return nonempty, pd.Series(first, dtype=str)


_SPACE = re.compile(r"\s+")


def _replace_space(column: pd.Series, repl: str) -> pd.Series:
    """``column.str.replace(r"\\s+", repl, regex=True)`` as one regex pass over the joined column
    (NUL, which ``\\s`` never matches, keeps the cells apart)."""
    values = column.tolist()
    if values and isinstance(column.dtype, pd.StringDtype) and all(type(v) is str for v in values):
        joined = "\x00".join(values)
        if joined.count("\x00") == len(values) - 1:
            if _SPACE.search(joined) is None:  # nothing to replace (the usual case)
                return column.copy()
            return pd.Series(_SPACE.sub(repl, joined).split("\x00"), index=column.index, name=column.name,
                             dtype=column.dtype)
    return column.str.replace(r"\s+", repl, regex=True)


def _build(plan: ImportPlan, sheet: reading.Sheet, header: hd.Header, con: duckdb.DuckDBPyConnection,
           step: Progress) -> None:
    cells = sheet.cells.iloc[header.index + 1:].reset_index(drop=True)
    rownum = sheet.rows[header.index + 1:]
    width = len(header.labels)
    cells = cells.reindex(columns=range(width), fill_value="")
    col_of = {f: pos for pos, f in header.fields.items()}
    label = header.labels

    stripped = cells.apply(lambda c: c.astype(str).str.strip()) if width else cells
    if stripped.empty:
        plan.refused = Problem("no_rows")
        return
    nonempty, first_text = _first_texts(stripped)
    filled = nonempty.sum(axis=1)
    name_pos = col_of["name"]
    names = stripped[name_pos]
    seq = stripped[col_of["seq"]] if "seq" in col_of else pd.Series("", index=cells.index, dtype=str)
    head_text = _replace_space(first_text, "")

    blank = filled == 0
    numbered = _match(seq, _NUMBERED)
    # The regexes only where the cheaper conditions already hold (most rows are numbered projects).
    total = ~blank & (head_text.str.len() <= 20).to_numpy(dtype=bool) & ~numbered
    total[total] = _match(head_text[total], _TOTAL)
    note = ~blank & ~total & (filled <= 2)
    note[note] = _match(head_text[note], _NOTE)
    repeat = ~blank & (names == label[name_pos]).to_numpy(dtype=bool)
    stage_aliases = _stage_aliases()
    candidate = ~blank & ~total & ~note & ~repeat & ~numbered & (filled <= 3)
    section = np.zeros(len(cells), dtype=bool)
    section_stage = pd.Series([None] * len(cells), dtype=object)
    section_sector = pd.Series([None] * len(cells), dtype=object)
    section_id = np.zeros(len(cells), dtype=int)
    for i in np.flatnonzero(candidate):
        text = head_text.iat[i]
        numbered = bool(_SECTION.match(text))
        stage = values.stage_of(re.sub(_SECTION, "", text), stage_aliases)
        sector = _sector_from_name(re.sub(r"[（(].*$", "", re.sub(_SECTION, "", text)))
        if numbered or (stage and len(text) <= 14 and (text.endswith("项目") or "项目" in text)):
            section[i] = True
            section_stage.iat[i] = stage
            section_sector.iat[i] = sector
            section_id[i] = i + 1
    # Every row below a section heading belongs to it, until the next heading.
    section_id = pd.Series(np.where(section, section_id, np.nan)).ffill().fillna(0).astype(int).to_numpy()
    row_stage = section_stage.where(section).ffill()
    row_sector = section_sector.where(section).ffill()

    project = ~blank & ~total & ~note & ~repeat & ~section
    for i in np.flatnonzero(note | repeat):
        plan.warnings.append(Problem("row_skipped_note" if note[i] else "row_skipped_header",
                                     int(rownum[i]), None, head_text.iat[i][:40], "warning"))

    # The list's year (for 年度计划投资) and a unit line (单位：万元) from the title and notes.
    above = " ".join(header.above)
    year_match = re.search(r"((?:19|20)\d{2})\s*年", above)
    plan.list_year = int(year_match.group(1)) if year_match else None
    if plan.list_year is None and "annual_plan" in col_of:
        m = re.search(r"((?:19|20)\d{2})", label[col_of["annual_plan"]])
        plan.list_year = int(m.group(1)) if m else None
    note_unit = None
    for line in header.above:
        m = re.search(r"(单位|unit)\s*[:：]\s*(.+)", values.halfwidth(line), re.I)
        if m:
            note_unit = values.unit_in(m.group(2))
            if note_unit:
                break

    body = stripped[project].reset_index(drop=True)
    rows = rownum[project]
    n = len(body)
    plan.rows_read = n
    plan.raw = cells[project].reset_index(drop=True).set_axis(label, axis=1)
    plan.raw.insert(0, "row", rows)
    if n == 0:
        plan.refused = Problem("no_rows")
        return
    rec = pd.DataFrame({"row": rows})
    rec["name"] = _replace_space(body[name_pos], " ").str.strip()
    rec["name_key"] = _replace_space(body[name_pos], "")

    def text(f: str) -> pd.Series:
        if f not in col_of:
            return pd.Series([None] * n, dtype=object)
        return body[col_of[f]].replace("", None)

    rec["content"] = text("content")
    rec["owner"] = text("owner")
    errors: list[Problem] = []
    warnings: list[Problem] = []

    def flag(mask: np.ndarray, code: str, f: str | None, level: str = "error",
             cell: pd.Series | None = None, **extra: object) -> None:
        target = errors if level == "error" else warnings
        col_label = label[col_of[f]] if f in col_of else None
        src = cell if cell is not None else (body[col_of[f]] if f in col_of else None)
        for i in np.flatnonzero(mask):
            val = None if src is None else str(src.iat[i])
            vals = {"value": val, "column": col_label, **{k: (v[i] if isinstance(v, np.ndarray) else v)
                                                         for k, v in extra.items()}}
            target.append(Problem(code, int(rows[i]), col_label, val, level, vals))

    flag((rec["name"] == "").to_numpy(), "name_missing", "name")

    # ---- place
    step(0.3, "places")
    place_parts = [body[col_of[f]] for f in ("province", "city", "district", "place") if f in col_of]
    index = places.PlaceIndex.load(con)
    hint = places.province_in_title(index, above)
    if place_parts:
        place_text = place_parts[0]
        for part in place_parts[1:]:
            place_text = place_text.str.cat(part, sep="/")
        place_text = place_text.str.strip("/")
        province, city, ambiguous = places.resolve_column(index, place_text, hint)
        rec["province_code"] = province.to_numpy()
        rec["city_code"] = city.to_numpy()
        place_field = next(f for f in ("place", "city", "district", "province") if f in col_of)
        empty = (place_text == "").to_numpy()
        flag(empty & (rec["name"] != "").to_numpy(), "place_missing", place_field, cell=place_text)
        flag(~empty & ambiguous.to_numpy(dtype=bool), "place_ambiguous", place_field, cell=place_text)
        flag(~empty & province.isna().to_numpy() & ~ambiguous.to_numpy(dtype=bool), "place_unknown", place_field,
             cell=place_text)
    else:
        rec["province_code"] = None
        rec["city_code"] = None
        errors.append(Problem("no_place_column"))

    # ---- amounts
    step(0.45, "amounts")
    unit_warned = False
    amount_fields = ["total_investment", "annual_plan"] + [f for f in col_of if f.startswith(hd.FUNDING_PREFIX)]
    amounts: dict[str, np.ndarray] = {}
    for f in amount_fields:
        if f not in col_of:
            continue
        pos = col_of[f]
        unit = header.units.get(pos) or note_unit
        if unit is None:
            unit = values.WAN
            plain = pd.to_numeric(body[pos].str.replace(",", "", regex=False), errors="coerce")
            if plain.notna().any() and not unit_warned:
                warnings.append(Problem("unit_assumed", None, label[pos], None, "warning",
                                        {"column": label[pos]}))
                unit_warned = True
        wan, codes = values.parse_amounts(body[pos], unit, plan.usd_rate)
        for code in ("amount_unparsable", "amount_negative"):
            flag((codes == code).to_numpy(), code, f)
        for code in ("amount_range", "amount_usd"):
            flag((codes == code).to_numpy(), code, f, level="warning", rate=plan.usd_rate)
        too_big = np.nan_to_num(wan, nan=0.0) > MAX_AMOUNT_WAN
        flag(too_big, "amount_too_large", f, yi=np.round(np.nan_to_num(wan) / 10_000, 1))
        wan = np.where(too_big, np.nan, wan)
        amounts[f] = np.round(wan, 2)
    rec["total_investment_wan"] = amounts.get("total_investment", np.full(n, np.nan))

    # ---- years
    step(0.55, "years")
    start = np.full(n, np.nan)
    end = np.full(n, np.nan)
    for f in ("years", "start_year", "end_year"):
        if f not in col_of:
            continue
        first, last, codes = values.parse_years(body[col_of[f]])
        flag((codes == "year_unparsable").to_numpy(), "year_unparsable", f, level="warning")
        if f == "years":
            start = np.where(np.isnan(start), first, start)
            two = ~np.isnan(last) & (last != first)
            end = np.where(np.isnan(end) & two, last, end)
        elif f == "start_year":
            start = np.where(np.isnan(first), start, first)
        else:
            end = np.where(np.isnan(last), end, last)
    rec["start_year"] = pd.array(start, dtype="Int64")
    rec["end_year"] = pd.array(end, dtype="Int64")
    reversed_ = ~np.isnan(start) & ~np.isnan(end) & (end < start)
    years_col = next((f for f in ("years", "end_year", "start_year") if f in col_of), None)
    flag(reversed_, "years_reversed", years_col, start=np.nan_to_num(start).astype(int),
         end=np.nan_to_num(end).astype(int))

    # ---- stage, ownership, cluster
    stage = pd.Series([None] * n, dtype=object)
    if "stage" in col_of:
        cells_ = body[col_of["stage"]]
        found = {u: values.stage_of(u, stage_aliases) for u in pd.unique(cells_)}
        stage = cells_.map(found)
        flag(((cells_ != "") & stage.isna()).to_numpy(), "stage_unknown", "stage", level="warning")
    rec["stage"] = stage.where(stage.notna(), row_stage[project].reset_index(drop=True)).to_numpy()
    rec["ownership"] = None
    if "ownership" in col_of:
        own = _ownership_aliases()
        cells_ = body[col_of["ownership"]]
        found = {u: _lookup(u, own) for u in pd.unique(cells_)}
        rec["ownership"] = cells_.map(found).to_numpy()
        flag(((cells_ != "") & rec["ownership"].isna()).to_numpy(), "ownership_unknown", "ownership",
             level="warning")
    rec["cluster_id"] = pd.array([None] * n, dtype="Int32")
    if "cluster" in col_of:
        known = dict(con.execute("SELECT regexp_replace(name, '\\s', '', 'g'), min(cluster_id) FROM clusters "
                                 "GROUP BY 1").fetchall())
        keys = body[col_of["cluster"]].str.replace(r"\s+", "", regex=True)
        rec["cluster_id"] = pd.array(keys.map(known).to_numpy(), dtype="Int32")
        flag(((keys != "") & rec["cluster_id"].isna()).to_numpy(), "cluster_unknown", "cluster", level="warning")

    # ---- sector: given, else from the section heading, else the tagger
    step(0.65, "sectors")
    rec["sector"] = None
    rec["subfield"] = None
    rec["sector_source"] = None
    rec["sector_confidence"] = np.nan
    rec["sector_keywords"] = None
    given = pd.Series([None] * n, dtype=object)
    if "sector" in col_of:
        cells_ = body[col_of["sector"]]
        found = {u: _sector_from_name(u) for u in pd.unique(cells_)}
        given = cells_.map(found)
        flag(((cells_ != "") & given.isna()).to_numpy(), "sector_unknown", "sector", level="warning")
    given = given.where(given.notna(), row_sector[project].reset_index(drop=True))
    has_given = given.notna().to_numpy()
    rec.loc[has_given, "sector"] = given[has_given].to_numpy()
    rec.loc[has_given, "sector_source"] = "given"
    todo = np.flatnonzero(~has_given & (rec["name"] != "").to_numpy())
    if len(todo):
        tags = _tag(rec["name"].iloc[todo].tolist(), rec["content"].iloc[todo].tolist())
        rec.loc[todo, "sector"] = tags["sector"].to_numpy()
        rec.loc[todo, "subfield"] = tags["subfield"].to_numpy()
        rec.loc[todo, "sector_confidence"] = tags["confidence"].to_numpy()
        rec.loc[todo, "sector_keywords"] = tags["matched"].to_numpy()
        tagged = tags["sector"].notna().to_numpy()
        rec.loc[todo[tagged], "sector_source"] = "auto"
        rec.loc[todo[~tagged], "sector_confidence"] = np.nan
        rec.loc[todo[~tagged], "sector_keywords"] = None

    # ---- annual plan and funding: their own tables
    step(0.75, "validate")
    year_for_plan = pd.Series(start).fillna(plan.list_year if plan.list_year else np.nan)
    if plan.list_year:
        year_for_plan = pd.Series(np.full(n, float(plan.list_year)))
    if "annual_plan" in amounts:
        planned = amounts["annual_plan"]
        has = ~np.isnan(planned)
        no_year = has & year_for_plan.isna().to_numpy()
        flag(no_year, "annual_no_year", "annual_plan", level="warning")
        keep = has & ~no_year
        plan.investments = pd.DataFrame({"row": rows[keep], "year": year_for_plan[keep].astype(int).to_numpy(),
                                         "planned_wan": planned[keep]})
        total_wan = rec["total_investment_wan"].to_numpy(dtype=float)
        over = keep & ~np.isnan(total_wan) & (planned > total_wan + 0.005)
        flag(over, "annual_over_total", "annual_plan", level="warning")
    funding = [pd.DataFrame({"row": rows, "source": f[len(hd.FUNDING_PREFIX):], "amount_wan": a})
               for f, a in amounts.items() if f.startswith(hd.FUNDING_PREFIX)]
    plan.funding = (pd.concat(funding).dropna(subset=["amount_wan"]).query("amount_wan > 0")
                    .reset_index(drop=True) if funding else pd.DataFrame(columns=["row", "source", "amount_wan"]))

    # ---- duplicates within the file
    key = rec[["name_key", "province_code", "start_year"]].astype(str)
    dup = key.duplicated(keep="first").to_numpy() & (rec["name"] != "").to_numpy() \
        & rec["province_code"].notna().to_numpy()
    if dup.any():
        first_row = rec.groupby([key[c] for c in key.columns], sort=False)["row"].transform("first")
        flag(dup, "duplicate_in_file", "name", first=first_row.to_numpy())

    # ---- totals rows: checked against the sum of the rows they total
    _check_totals(plan, stripped, rownum, total, project, section_id, col_of, amounts, rows, header, note_unit,
                  warnings)

    plan.records = rec
    plan.errors = sorted(errors, key=lambda p: (p.row or 0))
    plan.warnings = sorted(plan.warnings + warnings, key=lambda p: (p.row or 0))
    step(0.85, "duplicates")
    plan.duplicates = find_store_duplicates(con, rec[~rec["row"].isin(plan.rejected_rows)])
    if len(plan.duplicates):
        plan.warnings.insert(0, Problem("duplicates_in_store", None, None, None, "warning",
                                        {"count": len(plan.duplicates)}))
    step(1.0, "done")


def _check_totals(plan: ImportPlan, stripped: pd.DataFrame, rownum: np.ndarray, total: np.ndarray,
                  project: np.ndarray, section_id: np.ndarray, col_of: dict[str, int],
                  amounts: dict[str, np.ndarray], rows: np.ndarray, header: hd.Header, note_unit: values.Unit | None,
                  warnings: list[Problem]) -> None:
    if "total_investment" not in col_of or not total.any():
        return
    pos = col_of["total_investment"]
    unit = header.units.get(pos) or note_unit or values.WAN
    project_amounts = pd.Series(np.nan_to_num(amounts["total_investment"]), index=np.flatnonzero(project))
    last_total = -1
    for i in np.flatnonzero(total):
        stated = values.parse_amount(stripped.iat[i, pos], unit, plan.usd_rate).wan
        if stated is None:
            continue
        sub = "小计" in stripped.iloc[i].str.cat() or "subtotal" in stripped.iloc[i].str.cat().lower()
        if sub:
            in_scope = (project_amounts.index > last_total) & (project_amounts.index < i)
            if section_id[i]:
                in_scope &= section_id[project_amounts.index] == section_id[i]
        else:
            in_scope = project_amounts.index < i
        computed = float(project_amounts[in_scope].sum())
        last_total = i
        if abs(computed - stated) > max(1.0, 0.0005 * abs(stated)):
            warnings.append(Problem("total_mismatch", int(rownum[i]), header.labels[pos],
                                    stripped.iat[i, pos], "warning",
                                    {"stated": f"{stated:,.2f}", "computed": f"{computed:,.2f}"}))


def find_store_duplicates(con: duckdb.DuckDBPyConnection, rec: pd.DataFrame) -> pd.DataFrame:
    """(row, project_id) for rows whose name, province and start year a stored project already has."""
    if rec.empty:
        return pd.DataFrame({"row": pd.Series(dtype=int), "project_id": pd.Series(dtype="int64")})
    keys = rec.loc[rec["province_code"].notna() & (rec["name_key"] != ""),
                   ["row", "name_key", "province_code", "start_year"]]
    cur = con.cursor()
    try:
        cur.register("import_keys", keys)
        return cur.execute(
            """
            SELECT k.row, min(p.project_id) AS project_id
            FROM import_keys k
            JOIN projects p
              ON p.province_code = k.province_code
             AND regexp_replace(p.name, '\\s', '', 'g') = k.name_key
             AND p.start_year IS NOT DISTINCT FROM k.start_year
            GROUP BY k.row ORDER BY k.row
            """
        ).df()
    finally:
        cur.close()


# ---------------------------------------------------------------------------------- taxonomy adapters

def _stage_aliases() -> dict[str, str]:
    aliases = dict(values.DEFAULT_STAGE_ALIASES)
    try:
        from .. import taxonomy

        for k, v in taxonomy.stage_aliases().items():
            aliases[values.stage_key(k)] = v
    except (ImportError, AttributeError):
        pass
    return aliases


_DEFAULT_OWNERSHIP = {
    "国有": "state", "国企": "state", "国有企业": "state", "央企": "state", "地方国企": "state", "state": "state",
    "soe": "state", "民营": "private", "民企": "private", "民营企业": "private", "私营": "private",
    "private": "private", "外资": "foreign", "外商独资": "foreign", "外企": "foreign", "中外合资": "mixed",
    "foreign": "foreign", "混合所有制": "mixed", "混合": "mixed", "合资": "mixed", "mixed": "mixed",
}


def _ownership_aliases() -> dict[str, str]:
    aliases = dict(_DEFAULT_OWNERSHIP)
    try:
        from .. import taxonomy

        for k, v in taxonomy.ownership_aliases().items():
            aliases[values.stage_key(k)] = v
    except (ImportError, AttributeError):
        pass
    return aliases


def _lookup(text: str, aliases: dict[str, str]) -> str | None:
    return values.stage_of(text, aliases)


def _sector_from_name(text: str) -> str | None:
    text = (text or "").strip()
    if not text:
        return None
    from .. import taxonomy

    return taxonomy.sector_from_name(text)


def _tag(names: list[str], contents: list[str | None]) -> pd.DataFrame:
    """The tagger's verdicts as columns sector, subfield, confidence, matched ('、'-joined)."""
    from .. import tagging

    results = tagging.tag_many(names, contents)
    if isinstance(results, pd.DataFrame) or not len(results):
        out = results.copy() if isinstance(results, pd.DataFrame) else \
            pd.DataFrame([], columns=["sector", "subfield", "confidence", "matched"])
        out["matched"] = out["matched"].map(_joined)
    else:
        # Columns straight from the results; each distinct verdict's keywords are joined once.
        joined: dict[int, str | None] = {}
        matched = []
        for r in results:
            key = id(r)
            if key not in joined:
                joined[key] = _joined(r.matched)
            matched.append(joined[key])
        out = pd.DataFrame({"sector": [r.sector for r in results], "subfield": [r.subfield for r in results],
                            "confidence": [r.confidence for r in results], "matched": matched},
                           columns=["sector", "subfield", "confidence", "matched"])
    out["confidence"] = pd.to_numeric(out["confidence"], errors="coerce")
    return out.reset_index(drop=True)


def _joined(m: object) -> str | None:
    if m is None or (not isinstance(m, str) and len(m) == 0):
        return None
    return m if isinstance(m, str) else "、".join(map(str, m))


# ============================================================================================= commit

@_gc_paused
def commit(
    con: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    *,
    on_duplicate: str = "update",
    skip_invalid: bool = False,
    force: bool = False,
    imported_by: str | None = None,
    manual_sectors: Mapping[int, str | None] | None = None,
) -> ImportResult:
    """Write the plan as one import batch in one transaction, or refuse and write nothing."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    result = ImportResult(None, plan.rows_read, rows_rejected=plan.rows_rejected)
    if plan.refused:
        result.refused = plan.refused
        return result
    file_errors = [p for p in plan.errors if p.row is None]
    if file_errors:
        result.refused = file_errors[0]
        return result
    if plan.errors and not skip_invalid:
        result.refused = Problem("has_errors", values={"rows": plan.rows_rejected})
        return result
    rejected = plan.rejected_rows
    rec = plan.records[~plan.records["row"].isin(rejected)].copy()
    if rec.empty:
        result.refused = Problem("nothing_to_import")
        return result
    if not force:
        earlier = con.execute(
            "SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'committed' ORDER BY batch_id",
            [plan.sha256],
        ).fetchone()
        if earlier:
            result.refused = Problem("already_imported", values={"batch": earlier[0]})
            return result
    for row, slug in (manual_sectors or {}).items():
        mask = rec["row"] == int(row)
        rec.loc[mask, ["sector", "subfield", "sector_source", "sector_confidence", "sector_keywords"]] = (
            [slug, None, "manual" if slug else None, np.nan, None])

    with store.write(con):
        batch_id = store.new_batch(con, plan.file_name, sha256=plan.sha256, imported_by=imported_by)
        dups = find_store_duplicates(con, rec)
        existing = rec["row"].map(dict(zip(dups["row"], dups["project_id"], strict=True)))
        if on_duplicate == "skip":
            result.rows_skipped = int(existing.notna().sum())
            rec = rec[existing.isna().to_numpy()].copy()
            existing = existing[existing.isna()]
        first_id = store.next_project_id(con)
        is_update = existing.notna().to_numpy()
        new_ids = first_id + np.cumsum(~is_update) - 1
        rec["project_id"] = np.where(is_update, existing.fillna(0).to_numpy(), new_ids).astype("int64")
        rec["is_update"] = is_update
        rec["batch_id"] = batch_id
        _write_rows(con, plan, rec, batch_id)
        result.rows_imported = len(rec)
        result.rows_updated = int(is_update.sum())
        con.execute(
            "UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_updated = ?, "
            "warnings = ?, mapping = ? WHERE batch_id = ?",
            [plan.rows_read, result.rows_imported, plan.rows_rejected, result.rows_updated, len(plan.warnings),
             json.dumps(plan.mapping, ensure_ascii=False), batch_id],
        )
    result.batch_id = batch_id
    return result


_PROJECT_COLUMNS = (
    "project_id, name, content, sector, subfield, sector_source, sector_confidence, sector_keywords, "
    "cluster_id, province_code, city_code, owner, ownership, stage, programme, start_year, end_year, "
    "total_investment_wan, batch_id"
)


def _write_rows(con: duckdb.DuckDBPyConnection, plan: ImportPlan, rec: pd.DataFrame, batch_id: int) -> None:
    cols = ["project_id", "is_update", "row", "name", "content", "sector", "subfield", "sector_source",
            "sector_confidence", "sector_keywords", "cluster_id", "province_code", "city_code", "owner",
            "ownership", "stage", "start_year", "end_year", "total_investment_wan"]
    new = rec[cols].reset_index(drop=True)
    for c in ("content", "sector", "subfield", "sector_source", "sector_keywords", "province_code", "city_code",
              "owner", "ownership", "stage", "name"):
        if isinstance(new[c].dtype, pd.StringDtype):
            continue  # DuckDB reads a pandas string column's missing values as NULL already
        new[c] = new[c].astype(object).where(new[c].notna(), None)
    con.register("import_new", new)
    row_ids = new[["row", "project_id"]]
    con.register("import_row_ids", row_ids)
    params = {"batch": batch_id}
    # Keep what updated projects looked like, so a revert can put it back.
    con.execute("INSERT INTO replaced_projects SELECT p.*, $batch FROM projects p "
                "WHERE p.project_id IN (SELECT project_id FROM import_new WHERE is_update)", params)
    con.execute("INSERT INTO replaced_investments SELECT i.*, $batch FROM project_investments i "
                "WHERE i.project_id IN (SELECT project_id FROM import_new WHERE is_update)", params)
    con.execute("INSERT INTO replaced_funding SELECT f.*, $batch FROM project_funding f "
                "WHERE f.project_id IN (SELECT project_id FROM import_new WHERE is_update)", params)
    con.execute("DELETE FROM projects WHERE project_id IN (SELECT project_id FROM import_new WHERE is_update)")
    # A blank cell keeps the stored value; a person's or the file's sector beats a new automatic guess.
    con.execute(
        f"""
        INSERT INTO projects ({_PROJECT_COLUMNS})
        SELECT n.project_id, n.name,
               coalesce(n.content, o.content),
               CASE WHEN keep_old THEN o.sector ELSE n.sector END,
               CASE WHEN keep_old THEN o.subfield ELSE n.subfield END,
               CASE WHEN keep_old THEN o.sector_source ELSE n.sector_source END,
               CASE WHEN keep_old THEN o.sector_confidence ELSE n.sector_confidence END,
               CASE WHEN keep_old THEN o.sector_keywords ELSE n.sector_keywords END,
               coalesce(n.cluster_id, o.cluster_id),
               n.province_code, coalesce(n.city_code, o.city_code),
               coalesce(n.owner, o.owner), coalesce(n.ownership, o.ownership),
               coalesce(n.stage, o.stage), o.programme,
               coalesce(n.start_year, o.start_year), coalesce(n.end_year, o.end_year),
               CAST(coalesce(n.total_investment_wan, o.total_investment_wan) AS DECIMAL(18, 2)),
               $batch
        FROM (
            SELECT n.*, o.project_id IS NOT NULL AND o.sector_source IN ('given', 'manual')
                        AND coalesce(n.sector_source, '') NOT IN ('given', 'manual') AS keep_old
            FROM import_new n
            LEFT JOIN replaced_projects o ON o.project_id = n.project_id AND o.replaced_by = $batch
        ) n
        LEFT JOIN replaced_projects o ON o.project_id = n.project_id AND o.replaced_by = $batch
        ORDER BY n.project_id
        """,
        params,
    )
    if not plan.investments.empty:
        con.register("import_inv", plan.investments)
        con.execute(
            """
            DELETE FROM project_investments WHERE (project_id, year) IN (
                SELECT r.project_id, i.year FROM import_inv i JOIN import_row_ids r USING (row))
            """
        )
        con.execute(
            "INSERT INTO project_investments (project_id, year, planned_wan, completed_wan) "
            "SELECT r.project_id, i.year, CAST(i.planned_wan AS DECIMAL(18, 2)), NULL "
            "FROM import_inv i JOIN import_row_ids r USING (row) ORDER BY r.project_id"
        )
    if not plan.funding.empty:
        con.register("import_funding", plan.funding)
        con.execute("DELETE FROM project_funding WHERE project_id IN "
                    "(SELECT r.project_id FROM import_funding f JOIN import_row_ids r USING (row))")
        con.execute(
            "INSERT INTO project_funding (project_id, source, amount_wan) "
            "SELECT r.project_id, f.source, CAST(f.amount_wan AS DECIMAL(18, 2)) "
            "FROM import_funding f JOIN import_row_ids r USING (row) ORDER BY r.project_id, f.source"
        )
    if plan.unmapped:
        extra = plan.raw[["row", *plan.unmapped]].melt(id_vars="row", var_name="column_name", value_name="value")
        extra = extra[extra["value"].astype(str).str.strip() != ""]
        if not extra.empty:
            con.register("import_extra", extra)
            con.execute(
                "INSERT INTO batch_extra_values (batch_id, source_row, project_id, column_name, value) "
                "SELECT $batch, e.row, r.project_id, e.column_name, e.value "
                "FROM import_extra e JOIN import_row_ids r USING (row) ORDER BY e.row",
                params,
            )
    for view in ("import_new", "import_row_ids", "import_inv", "import_funding", "import_extra"):
        con.unregister(view)


# ============================================================================================= revert

def revert(con: duckdb.DuckDBPyConnection, batch_id: int, *, lang: str = "zh") -> int:
    """Remove a batch's projects and restore those it updated; returns the projects removed.

    A batch whose projects a later, still-committed batch updated is refused: reverting it would
    either delete the later batch's data or leave a project behind that no batch owns.
    """
    row = con.execute("SELECT status FROM import_batches WHERE batch_id = ?", [batch_id]).fetchone()
    if row is None:
        raise RevertError("revert_unknown", lang, batch=batch_id)
    if row[0] != "committed":
        raise RevertError("revert_already", lang, batch=batch_id)
    later = [r[0] for r in con.execute(
        "SELECT DISTINCT r.replaced_by FROM replaced_projects r JOIN import_batches b ON b.batch_id = r.replaced_by "
        "WHERE r.batch_id = ? AND b.status = 'committed' ORDER BY 1", [batch_id]).fetchall()]
    if later:
        raise RevertError("revert_later", lang, batch=batch_id, later=", ".join(map(str, later)))
    with store.write(con):
        removed = store.delete_batch_rows(con, batch_id)
        restored = con.execute("SELECT count(*) FROM replaced_projects WHERE replaced_by = ?",
                               [batch_id]).fetchone()[0]
        con.execute("INSERT INTO projects SELECT * EXCLUDE (replaced_by) FROM replaced_projects "
                    "WHERE replaced_by = ?", [batch_id])
        con.execute("INSERT INTO project_investments SELECT * EXCLUDE (replaced_by) FROM replaced_investments "
                    "WHERE replaced_by = ?", [batch_id])
        con.execute("INSERT INTO project_funding SELECT * EXCLUDE (replaced_by) FROM replaced_funding "
                    "WHERE replaced_by = ?", [batch_id])
        for table in ("replaced_projects", "replaced_investments", "replaced_funding"):
            con.execute(f"DELETE FROM {table} WHERE replaced_by = ?", [batch_id])
    return removed - restored


def list_batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import batch, newest first, with the projects it holds now."""
    return con.execute(
        """
        SELECT b.batch_id, b.file_name, b.imported_at, b.imported_by, b.rows_read, b.rows_imported,
               b.rows_updated, b.rows_rejected, b.warnings, b.status, b.is_demo, b.reverted_at, b.sha256,
               coalesce(p.projects, 0) AS projects
        FROM import_batches b
        LEFT JOIN (SELECT batch_id, count(*) AS projects FROM projects GROUP BY 1) p USING (batch_id)
        ORDER BY b.batch_id DESC
        """
    ).df()
