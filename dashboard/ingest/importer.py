"""The import: a file in, a report out; a commit is one import batch, and a batch can be reverted.

``preview`` reads, maps, normalises, tags and validates without writing anything. ``commit`` writes
the plan in one transaction (or refuses and writes nothing). ``revert`` removes a batch and puts
back the projects it updated. The upload page and ``python -m dashboard import`` both call these,
always with the store connection first.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import math
import re
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import store
from ..textchars import unify_radicals
from . import changes, checks, fields, layout, normalise, places, reading, shifts, vocab
from . import headers as hd
from .normalise import Body
from .plan import (
    DEFAULT_USD_RATE,
    MAX_LISTED,
    MAX_SHEETS,
    ON_DUPLICATE,
    ROW_BASE,
    ImportPlan,
    ImportResult,
    Problem,
    RevertError,
    bounded,
)
from .raw import BLANKS, CONTROL, CONTROL_RE, DECOMPOSED, DIRECTION, may_hold
from .reading import ReadError
from .values import unit_in

Progress = Callable[[float, str], None]
_T = TypeVar("_T")


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


def _one_thread(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Run ``fn(con, ...)`` with DuckDB's statements each on the thread that asks for it
    (:func:`dashboard.store.engine.one_thread`): an import is many small statements, some on the preview's
    side threads beside the main thread's Python, and a worker thread handing each one back cost about
    as much CPU as it saved (the bench file into a fresh store: the commit 1.02 / 1.33 -> 0.75 / 0.85
    CPU-s, best / median of 10; docs/performance.md)."""

    @functools.wraps(fn)
    def single(con: duckdb.DuckDBPyConnection, *args: object, **kwargs: object) -> _T:
        with store.engine.one_thread(con):
            return fn(con, *args, **kwargs)

    return single


# ============================================================================================ preview

@dataclass(frozen=True)
class _StoreFacts:
    """What a preview reads from the store besides the duplicates, all independent of the file."""

    places: places.PlaceIndex
    target_year: int | None
    clusters: dict[str, int]        # stored clusters by name, whitespace removed
    version: int                    # the data version, read before any of the rest


def _read_store_facts(con: duckdb.DuckDBPyConnection) -> _StoreFacts:
    """:class:`_StoreFacts`, on a cursor of its own (run in a thread while the file is read: DuckDB
    works without holding the interpreter, so on two cores the reads cost the preview no time).
    The version is read first (with the target year and the clusters, in one statement): duplicates found
    later may only look older than they are (then the commit looks for them again), never newer."""
    with store.cursor(con) as cur:
        version, year, clusters = store.batches.preview_facts(cur)
        return _StoreFacts(places.PlaceIndex.load(cur), year, clusters, version)


@_gc_paused
@_one_thread
def preview(
    con: duckdb.DuckDBPyConnection,
    source: str | Path | bytes,
    file_name: str | None = None,
    *,
    sheet: str | None = None,
    mapping_overrides: Mapping[str, str] | None = None,
    lang: str = "zh",
    usd_rate: float = DEFAULT_USD_RATE,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read, map, normalise, tag and validate a file; writes nothing.

    Raises ValueError for a ``usd_rate`` that is not a positive finite number (a caller's mistake);
    everything wrong with the file itself is in the plan."""
    if not (isinstance(usd_rate, (int, float)) and math.isfinite(usd_rate) and usd_rate > 0):
        raise ValueError(f"usd_rate must be a positive finite number, not {usd_rate!r}")
    if isinstance(source, (str, Path)):
        path = Path(source)
        file_name = file_name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:  # no permission, a folder, gone since it was chosen, a read error
            plan = ImportPlan(file_name=file_name, sha256="", lang=lang, usd_rate=usd_rate)
            plan.refused = Problem("file_unreadable", values={"file": str(path), "reason": exc.strerror or str(exc)})
            return plan
    else:
        data = bytes(source)
    file_name = file_name or "upload"
    plan = ImportPlan(file_name=file_name, sha256="", lang=lang, usd_rate=usd_rate)
    step = progress or (lambda _f, _s: None)
    # The file's checksum in a thread while this one reads the file (hashlib works without the interpreter).
    hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-digest")
    digest = hasher.submit(_sha256, data)
    try:
        # The store's side of the preview, read in a thread while this one reads the file.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-store") as pool:
            facts = pool.submit(_read_store_facts, con)
            step(0.05, "read")
            try:
                raw = reading.read(data, file_name)
            except ReadError as exc:
                plan.refused = Problem(exc.code, values=exc.values)
                return plan
            del data  # the cells are read: a large file's bytes need not stay in memory for the rest
            plan.kind, plan.encoding, plan.delimiter = raw.kind, raw.encoding, raw.delimiter
            read_warnings = [(code, dict(values)) for code, values in raw.warnings]
            plan.sheets = [s.name for s in raw.sheets]
            aliases = vocab.funding_aliases()
            named = {hd.label_key(k) for k, v in (mapping_overrides or {}).items() if (v or "").strip() == "name"}
            tables = layout.choose_sheets(raw, sheet, aliases, plan, named)
            if not tables:
                return plan
            chosen, header = tables[0]
            plan.sheet = chosen.name
            # A text file has one table and no sheets: its messages speak of the file (key ``…_file``).
            in_file = "_file" if raw.kind == "text" else ""
            if header is None:
                down = hd.field_column(chosen.cells, aliases)
                if down is not None:  # one project down the rows: no column mapping can read it
                    # its labels beside their values, or in lines of label:value (项目名称:…: ``transposed_lines``)
                    beside = down[1][0] in {str(v).strip() for v in chosen.cells[chosen.cells.columns[down[0]]]}
                    kind = "transposed_table" if beside else "transposed_lines"
                    plan.refused = Problem("transposed_table", values={
                        "sheet": chosen.name, "column": down[0] + 1, "labels": list(down[1][:6])},
                        key=f"{kind}{in_file}" if in_file or not beside else None)
                    return plan
                # A header naming the name and nothing else known: read on, to say what the list lacks.
                header = hd.find_header(chosen.cells, aliases, named=named, lone_name=True)
            if header is None:
                hint = hd.name_column_hint(chosen.cells)
                values = {"sheet": chosen.name, "rows": hd.HEADER_ROWS}
                if hint is not None:  # say which column reads as the names, not "such as 备注"
                    values |= {"column": hint[0], "example": hint[1][:60]}
                prose = hint is None and hd.reads_as_prose(chosen.cells)
                plan.refused = Problem("no_header", values=values, key=(
                    f"no_header_named{in_file}" if hint is not None else f"no_header_prose{in_file}" if prose
                    else f"no_header{in_file}" if in_file else None))
                plan.top_rows = chosen.cells.head(hd.HEADER_ROWS).assign(row=chosen.rows[:hd.HEADER_ROWS])
                return plan
            if len(tables) > 1:
                _preview_sheets(plan, tables, read_warnings, mapping_overrides, con, facts, pool, step)
                return plan
            if not _prepare(plan, chosen, header, read_warnings, mapping_overrides):
                return plan
            step(0.2, "normalise")
            _build(plan, chosen, header, con, facts, pool, step)
    finally:
        plan.sha256 = digest.result()
        hasher.shutdown()
    return plan


def _prose_header(chosen: reading.Sheet, header: hd.Header) -> bool:
    """Whether a "header" with no name column is sentence fragments: the sheet reads as running text and most
    of the labels are longer than a column's label. An English news item split at its commas had its fragments
    (with a total investment of 4.88 billion yuan) mapped as amounts and listed as "the file's columns"."""
    filled = [lab for lab in header.labels if lab]
    long = sum(1 for lab in filled if len(lab) > 2 * hd.SHORT_LABEL)
    return bool(filled) and 2 * long > len(filled) and hd.reads_as_prose(chosen.cells)


def _prepare(plan: ImportPlan, chosen: reading.Sheet, header: hd.Header, read_warnings: list[tuple[str, dict]],
             mapping_overrides: Mapping[str, str] | None) -> bool:
    """Settle the sheet's mapping (its stage columns, the overrides) and fill the plan's columns, mapping and
    reader warnings; False (``plan.refused`` set) when the sheet has no name column."""
    # The cells decide a column of stage words (类别: 促开工, 续建) before the header's word does;
    # a column mapped by hand is left as mapped.
    by_hand = {hd.label_key(k) for k in (mapping_overrides or {})}
    plan.warnings += layout.stage_columns(
        chosen.cells.iloc[header.index + 1:], header, vocab.stage_aliases(),
        {pos for pos, lab in enumerate(header.labels) if hd.label_key(lab) in by_hand})
    fields.apply_overrides(header, mapping_overrides)
    plan.warnings += _visible_first(header, chosen.hidden_columns)
    _full_name_first(header)
    plan.header_row = int(chosen.rows[header.index])
    plan.notes = header.above
    plan.columns = header.labels
    plan.mapping = {header.labels[pos]: f for pos, f in sorted(header.fields.items()) if f != "seq"}
    plan.warnings += (merged := _merged_header(chosen, header))
    plan.unmapped = [lab for pos, lab in enumerate(header.labels)
                     if pos not in header.fields and pos not in header.repeated
                     and (chosen.cells[pos].iloc[header.index:] != "").any()]
    plan.warnings += [Problem("column_bond_issue_amount", None, lab, None, "warning", {"column": lab})
                      for lab in plan.unmapped if hd.is_bond_issue_amount(lab)]
    plan.warnings += _reader_problems(read_warnings + [(c, dict(v)) for c, v in chosen.warnings], header.labels)
    plan.warnings += [Problem("column_label_long", None, header.labels[pos][:40], None, "warning",
                              {"position": pos + 1, "length": f"{len(header.labels[pos]):,}",
                               "start": header.labels[pos][:20]})
                      for pos in header.long_labels if pos in header.fields]
    plan.warnings += [Problem("column_repeated", None, header.labels[pos], None, "warning",
                              {"column": header.labels[pos], "position": pos + 1, "first": first + 1})
                      for pos, first in sorted(header.repeated.items())
                      if not (pos in chosen.hidden_columns and first not in chosen.hidden_columns)
                      and pos + 1 not in {int(q) for p in merged
                                          for q in str(p.values.get("positions_en", p.values["position"])).split(",")}]
    if "name" not in header.fields.values():
        if _prose_header(chosen, header):  # sentence fragments a delimiter split, not a table's labels (河池)
            plan.refused = Problem("no_header", values={"sheet": chosen.name, "rows": hd.HEADER_ROWS},
                                   key="no_header_prose_file" if plan.kind == "text" else "no_header_prose")
            plan.mapping, plan.unmapped, plan.columns = {}, [], []
            return False
        plan.refused = Problem("no_name_column", values={"columns": list(header.labels)})
        return False
    beside = _side_by_side(chosen, header)
    if beside is not None:
        plan.refused = Problem("table_side_by_side", values=beside)
        return False
    plan.warnings += _fill_from_twin(chosen, header)
    return True


def _merged_header(chosen: reading.Sheet, header: hd.Header) -> list[Problem]:
    """A header cell merged over two columns (总投资（万元） over C and D) leaves the second with no label: its figures
    were an unmapped "column 4", lost to the amount. A column with no header right of a labelled one (not the
    name) whose cells are of the same kind (numbers beside numbers, text beside text) takes that label, as
    its twin: it fills the rows the first leaves empty (:func:`_fill_from_twin`), said once."""
    out = []
    body = chosen.cells.iloc[header.index + 1:]

    def numbers(cells: pd.Series) -> bool | None:
        filled = cells.astype(str).str.strip()
        filled = filled[filled != ""]
        return None if filled.empty else bool(filled.map(hd.is_number).mean() >= 0.8)

    covered: dict[int, list[int]] = {}  # a labelled column -> the headerless ones its merged cell covers
    for pos in range(1, min(len(header.labels), body.shape[1])):
        left = pos - 1
        # A header merged over three or more columns (总投资（万元） over C, D and E): E's left neighbour is D, itself
        # headerless and taken as C's; E is C's too, where its cells are of C's kind (it was left unmapped).
        origin = next((o for o, taken in covered.items() if left in taken), left)
        if (header.labels[pos] != f"column {pos + 1}" or pos in header.fields or pos in header.repeated
                or header.fields.get(origin) in (None, "name", "seq")
                or (origin == left and left in header.repeated)):
            continue
        kind = numbers(body[pos])
        if kind is None or kind != numbers(body[origin]):
            continue
        # A twin only fills the rows its first column leaves empty: a column filled only beside a filled one (a
        # row shifted a cell right, its last value past the last header) is no part of a merged header.
        if not ((body[origin].astype(str).str.strip() == "") & (body[pos].astype(str).str.strip() != "")).any():
            continue
        header.labels[pos] = header.labels[origin]
        header.repeated[pos] = origin
        if origin in header.units:
            header.units[pos] = header.units[origin]
        covered.setdefault(origin, []).append(pos)
    for origin, taken in covered.items():
        if len(taken) == 1:
            out.append(Problem("column_label_merged", None, header.labels[origin], None, "warning",
                               {"column": header.labels[origin], "position": taken[0] + 1, "first": origin + 1}))
        else:  # said once for the merged cell, naming every column it covers
            out.append(Problem("column_label_merged_wide", None, header.labels[origin], None, "warning",
                               {"column": header.labels[origin], "positions": "、".join(str(p + 1) for p in taken),
                                "positions_en": ", ".join(str(p + 1) for p in taken), "first": origin + 1,
                                "last": taken[-1] + 1, "position": taken[0] + 1}))
    return out


# The unit words a twin's figures are given when they are read into a column of another unit.
_UNIT_TEXT = {(1.0, False): "万元", (10_000.0, False): "亿元", (1.0, True): "万美元", (10_000.0, True): "亿美元"}


def _fill_from_twin(chosen: reading.Sheet, header: hd.Header) -> list[Problem]:
    """A column ignored as another's twin (总投资（万元） | 总投资（亿元）, each project's figure typed in one of them)
    held the figures of the rows whose read column is empty: they were lost, said only as a repeated column.
    Those rows take the twin's cell, its unit written after a bare figure when the twin's unit differs (15 under
    亿元 read as 15亿元 in a 万元 column), said once per twin. A twin whose unit has no such word is left as it was."""
    out = []
    body = chosen.cells.iloc[header.index + 1:]
    for pos, first in sorted(header.repeated.items()):
        if first not in header.fields or header.fields[first] == "name" or pos >= body.shape[1]:
            continue
        read = body[first].astype(str).str.strip()
        twin = body[pos].astype(str).str.strip()
        fill = ((read == "") & (twin != "")).to_numpy()
        if not fill.any():
            continue
        mine, theirs = header.units.get(first), header.units.get(pos) or unit_in(header.labels[pos])
        values_ = twin[fill]
        if theirs is not None and (mine is None or (mine.wan, mine.usd) != (theirs.wan, theirs.usd)):
            word = _UNIT_TEXT.get((theirs.wan, theirs.usd))
            if word is None or theirs.other:
                continue
            values_ = values_.where(~values_.map(hd.is_number), values_ + word)
        chosen.cells.iloc[header.index + 1 + np.flatnonzero(fill), first] = values_.to_numpy()
        rows = chosen.rows[header.index + 1 + np.flatnonzero(fill)]
        shown = "、".join(map(str, rows[:20].tolist())) + ("…" if len(rows) > 20 else "")
        out.append(Problem("column_twin_filled", int(rows[0]), header.labels[first], None, "warning",
                           {"column": header.labels[first], "twin": header.labels[pos], "position": pos + 1,
                            "first": first + 1, "rows": shown, "count": len(rows)}))
    return out


def _full_name_first(header: hd.Header) -> None:
    """Two name columns, one headed as the full name (项目名称 | 项目名称（全称）): the first was read, and a
    short name (晶圆封装) stored for 苏州晶圆级先进封装测试项目. The full name is read; the other column is the
    ignored twin, said as any repeated column is."""
    for pos, first in sorted(header.repeated.items()):
        if header.fields.get(first) == "name" and _FULL_NAME.search(header.labels[pos]) \
                and not _FULL_NAME.search(header.labels[first]):
            del header.repeated[pos]
            header.repeated[first] = pos
            header.fields[pos] = header.fields.pop(first)


_FULL_NAME = re.compile(r"全称")


def _side_by_side(chosen: reading.Sheet, header: hd.Header) -> dict[str, object] | None:
    """A list pasted twice side by side (项目名称 | 建设地点 | 总投资 | 项目名称 | 建设地点 | 总投资, other projects
    on the right): the right-hand columns were ignored as repeated headers, and their projects lost with only a
    column warning. Two or more columns repeating the left ones at one offset, the name among them, with names
    of their own below: the file is refused saying where the second table starts."""
    name_pos = next(p for p, f in header.fields.items() if f == "name")
    offsets: dict[int, list[int]] = {}
    for pos, first in header.repeated.items():
        offsets.setdefault(pos - first, []).append(first)
    for offset, firsts in sorted(offsets.items()):
        if name_pos not in firsts or len(firsts) < 2 or name_pos + offset >= chosen.cells.shape[1]:
            continue
        body = chosen.cells.iloc[header.index + 1:]
        left = body[name_pos].astype(str).str.strip()
        right = body[name_pos + offset].astype(str).str.strip()
        own = (right != "") & (right != left)
        if own.any():
            return {"sheet": chosen.name, "position": name_pos + offset + 1, "first": name_pos + 1,
                    "column": header.labels[name_pos], "count": int(own.sum()),
                    "row": int(chosen.rows[header.index + 1 + int(np.flatnonzero(own.to_numpy())[0])])}
    return None


def _layout_of(header: hd.Header) -> frozenset[str]:
    """The fields a sheet's columns map to: two sheets of one layout map to the same fields, whatever
    their headers' words (总投资（万元）beside 总投资（亿元）) and the columns no field takes."""
    return frozenset(f for f in header.fields.values() if f != "seq")


def _preview_sheets(plan: ImportPlan, tables: list[tuple[reading.Sheet, hd.Header | None]],
                    read_warnings: list[tuple[str, dict]], mapping_overrides: Mapping[str, str] | None,
                    con: duckdb.DuckDBPyConnection, facts: Future[_StoreFacts], pool: ThreadPoolExecutor,
                    step: Progress) -> None:
    """A workbook with a project table on several sheets (one per city, per batch), read as ONE import.

    Each sheet is previewed on its own (its header, units, title and totals are its own), then the sheets
    of the first one's layout are put together: rows keyed by sheet (:data:`ROW_BASE`), every problem
    naming its sheet. A sheet of another layout, one whose rows repeat the others' (a copy, a summary
    list) or one with no project rows is left out and said. One batch then holds them all: one revert
    removes them, the same workbook again is refused, and a bad row anywhere refuses the whole file
    (or, with skip_invalid, only that row). The first sheet's mapping is the one shown and edited."""
    first_layout: frozenset[str] | None = None
    subs: list[tuple[reading.Sheet, ImportPlan]] = []
    plan.warnings += _reader_problems(read_warnings)  # the file's own (a sheet's are its sheet's)
    past: list[str] = []  # sheets with a table past the limit: not previewed at all (2,000 sheets took 308 CPU-s)
    for n, (sheet, header) in enumerate(tables):
        if len(subs) >= MAX_SHEETS:
            past.append(sheet.name)
            continue
        sub = ImportPlan(file_name=plan.file_name, sha256="", lang=plan.lang, usd_rate=plan.usd_rate,
                         sheets=plan.sheets, sheet=sheet.name)
        assert header is not None  # choose_sheets keeps a sheet beside others only with a header
        # Every override applies to the first sheet (its columns are the ones shown); to the others where
        # they have the column.
        own = {hd.label_key(lab) for lab in header.labels}
        overrides = mapping_overrides if n == 0 else {k: v for k, v in (mapping_overrides or {}).items()
                                                      if hd.label_key(k) in own}
        ok = _prepare(sub, sheet, header, [], overrides)
        if n == 0:
            first_layout = _layout_of(header)
            for attr in ("header_row", "notes", "columns", "mapping", "unmapped"):
                setattr(plan, attr, getattr(sub, attr))
            if not ok:
                plan.refused = _in_sheet(sub.refused, sheet.name)
                plan.warnings += _in_sheets(sub.warnings, sheet.name, 0)
                return
        elif _layout_of(header) != first_layout:
            lay, first = _layout_of(header), tables[0][1]
            missing = [first.labels[pos] for pos, f in sorted(first.fields.items()) if f != "seq" and f not in lay]
            extra = [header.labels[pos] for pos, f in sorted(header.fields.items())
                     if f != "seq" and f not in first_layout]
            plan.warnings.append(Problem("sheet_left_out_layout", None, None, None, "warning", {
                "sheet": sheet.name, "first": tables[0][0].name, "missing": missing or "-",
                "extra": extra or "-"}, sheet=sheet.name))
            continue
        step(0.2 + 0.6 * n / len(tables), f"sheet {sheet.name}")
        _build(sub, sheet, header, con, facts, pool, lambda _f, _s: None)
        if sub.refused is not None:  # a header and no project row under it
            plan.warnings.append(Problem("sheet_left_out_no_rows", None, None, None, "warning",
                                         {"sheet": sheet.name}, sheet=sheet.name))
            continue
        subs.append((sheet, sub))
    if past:
        plan.warnings.append(_too_many_sheets(past))
    subs = _without_copies(plan, subs)
    if plan.refused is not None:
        return
    if len(subs) < 2:  # one sheet left: read as a file of one sheet is
        if not subs:
            plan.refused = Problem("no_rows")
            return
        _take_one(plan, subs[0][1])
        return
    _merge(plan, subs)
    step(1.0, "done")


def _name_keys(sub: ImportPlan) -> set[str]:
    rec = sub.records
    return set(rec.loc[rec["name_key"] != "", "name_key"]) if len(rec) else set()


def _without_copies(plan: ImportPlan, subs: list[tuple[reading.Sheet, ImportPlan]]
                    ) -> list[tuple[reading.Sheet, ImportPlan]]:
    """The sheets less those that repeat the others' projects: a copy of a sheet (the same names), or a
    list of every project that per-city sheets break down (its names hold nearly all of two or more
    sheets' and nearly all of its names are theirs). Read beside them, every project would be counted
    twice. Largest first, the later of two equal sheets before the earlier; each is said."""
    keys = [_name_keys(sub) for _s, sub in subs]
    kept = list(range(len(subs)))
    for i in sorted(kept, key=lambda i: (-len(keys[i]), -i)):
        others = [j for j in kept if j != i]
        if not keys[i] or not others:
            continue
        same = next((j for j in others if keys[j] == keys[i]), None)
        union = set().union(*(keys[j] for j in others))
        covered = len(keys[i] & union) >= 0.9 * len(keys[i])
        held = [j for j in others if keys[j] and len(keys[j] & keys[i]) >= 0.9 * len(keys[j])]
        if same is not None and (changed := _copy_changed(subs[same][1], subs[i][1])) is not None:
            # A copy of a sheet with edits (项目表 (2), 修改稿): the same projects with other figures. Which sheet
            # holds the figures to keep cannot be told from the file; leaving one out stored the other's unsaid.
            plan.refused = Problem("sheet_copy_differs", changed["row"], changed["column"], changed["value"],
                                   values={**changed, "sheet": subs[i][0].name, "other": subs[same][0].name},
                                   sheet=subs[i][0].name)
            return []
        if same is not None or (covered and len(held) >= 2):
            kept.remove(i)
            plan.warnings.append(Problem(
                "sheet_left_out_copy" if same is not None else "sheet_left_out_repeats", None, None, None,
                "warning", {"sheet": subs[i][0].name,
                            "others": [subs[j][0].name for j in ([same] if same is not None else held)]},
                sheet=subs[i][0].name))
    return [subs[i] for i in kept]


_COMPARED = (("total_investment_wan", ("total_investment",)), ("start_year", ("start_year", "years")),
             ("end_year", ("end_year", "years")), ("province_code", ("place", "province")),
             ("city_code", ("place", "city")))


def _copy_changed(first: ImportPlan, copy: ImportPlan) -> dict | None:
    """The first project whose figures differ between a sheet and its copy (the same names): its row in
    the copy, the copy's column, both values, the first sheet's row and how many projects differ; None when
    the copy repeats every figure."""
    a, b = first.records, copy.records
    a = a[a["name_key"] != ""].drop_duplicates("name_key")
    b = b[b["name_key"] != ""].drop_duplicates("name_key")
    both = b.merge(a, on="name_key", suffixes=("", "_first"))
    differs = np.zeros(len(both), dtype=bool)
    first_col: list[str | None] = [None] * len(both)
    for col, _fields in _COMPARED:
        if col not in both.columns or f"{col}_first" not in both.columns:
            continue
        x, y = both[col].astype(object), both[f"{col}_first"].astype(object)
        off = ~((x.isna() & y.isna()) | (x == y)).to_numpy(dtype=bool)
        for k in np.flatnonzero(off & ~differs):
            first_col[k] = col
        differs |= off
    if not differs.any():
        return None
    k = int(np.flatnonzero(differs)[0])
    col = first_col[k]
    fields = dict(_COMPARED)[col]
    label = next((lab for lab, f in copy.mapping.items() if f in fields), col)

    def shown(v: object) -> str:
        if v is None or (isinstance(v, float) and v != v):
            return "-"
        if isinstance(v, float):
            return f"{v:,.2f}"
        return str(v)

    return {"row": int(both["row"].iat[k]), "column": label, "value": shown(both[col].iat[k]),
            "first_value": shown(both[f"{col}_first"].iat[k]), "first_row": int(both["row_first"].iat[k]),
            "name": str(both["name"].iat[k]), "count": int(differs.sum())}


def _in_sheet(p: Problem | None, sheet: str, offset: int = 0) -> Problem | None:
    """The problem of one sheet as one of several: its sheet named, its rows keyed (:data:`ROW_BASE`)."""
    if p is None:
        return None
    p.sheet = sheet
    if offset:
        if p.row is not None:
            p.row += offset
        if p.more_rows is not None:
            p.more_rows = p.more_rows + offset
    return p


def _in_sheets(problems: list[Problem], sheet: str, offset: int) -> list[Problem]:
    return [_in_sheet(p, sheet, offset) for p in problems]


def _take_one(plan: ImportPlan, sub: ImportPlan) -> None:
    """The plan of the one sheet read, as a file of one sheet."""
    warnings = plan.warnings
    for attr in ("sheet", "header_row", "notes", "columns", "mapping", "unmapped", "list_year", "raw", "records",
                 "investments", "funding", "errors", "duplicates", "duplicates_version", "refused", "rows_read",
                 "usd_rows", "counts"):
        setattr(plan, attr, getattr(sub, attr))
    plan.warnings = bounded(warnings + sub.warnings)
    for p in warnings:
        plan.counts[p.code] = plan.counts.get(p.code, 0) + 1


def _shifted(frame: pd.DataFrame, offset: int) -> pd.DataFrame:
    if frame.empty or "row" not in frame.columns:
        return frame
    return frame.assign(row=frame["row"].to_numpy(dtype=np.int64) + offset)


def _too_many_sheets(left: list[str]) -> Problem:
    """One warning for the sheets past :data:`MAX_SHEETS` (a workbook may hold thousands): count, first, last."""
    return Problem("sheet_left_out_too_many", None, None, None, "warning",
                   {"count": f"{len(left):,}", "first": left[0], "last": left[-1], "limit": MAX_SHEETS})


def _merge(plan: ImportPlan, subs: list[tuple[reading.Sheet, ImportPlan]]) -> None:
    """The sheets' plans as one: rows keyed by sheet, problems naming their sheet, bounded again."""
    if len(subs) > MAX_SHEETS:  # (previewed only up to the limit: see _preview_sheets)
        plan.warnings.append(_too_many_sheets([sheet.name for sheet, _sub in subs[MAX_SHEETS:]]))
        subs = subs[:MAX_SHEETS]
    plan.sheet = None
    plan.sheets_read = [sheet.name for sheet, _sub in subs]
    plan.list_year = subs[0][1].list_year
    problems: list[Problem] = []
    frames: dict[str, list[pd.DataFrame]] = {k: [] for k in ("raw", "records", "investments", "funding",
                                                             "duplicates")}
    unmapped = list(plan.unmapped)
    for n, (sheet, sub) in enumerate(subs, start=1):
        offset = n * ROW_BASE
        plan.sheet_rows.append({"sheet": sheet.name, "header_row": sub.header_row, "rows_read": sub.rows_read})
        problems += _in_sheets([p for p in [*sub.errors, *sub.warnings] if p.code != "duplicates_in_store"],
                               sheet.name, offset)
        for k in frames:
            frames[k].append(_shifted(getattr(sub, k), offset))
        unmapped += [c for c in sub.unmapped if c not in unmapped]
        plan.rows_read += sub.rows_read
        plan.usd_rows += sub.usd_rows
        for code, count in sub.counts.items():
            if code != "duplicates_in_store":
                plan.counts[code] = plan.counts.get(code, 0) + count
        plan.duplicates_version = (sub.duplicates_version if plan.duplicates_version is None
                                   else min(plan.duplicates_version, sub.duplicates_version or 0))
    plan.unmapped = unmapped
    for k, parts in frames.items():
        parts = [f for f in parts if not f.empty]
        setattr(plan, k, pd.concat(parts, ignore_index=True) if parts else getattr(subs[0][1], k))
    plan.raw = plan.raw.fillna("") if not plan.raw.empty else plan.raw
    found = _duplicates_across(plan)
    for p in plan.warnings + found:
        plan.counts[p.code] = plan.counts.get(p.code, 0) + (len(p.more_rows) if p.is_summary else 1)
    problems += found
    every = plan.warnings + problems
    plan.errors = bounded([p for p in every if p.level == "error"])
    plan.warnings = bounded([p for p in every if p.level != "error"])
    if len(plan.duplicates):
        plan.duplicates = plan.duplicates[~plan.duplicates["row"].isin(plan.rejected_rows)].reset_index(drop=True)
        plan.counts["duplicates_in_store"] = 1
        plan.warnings.insert(0, Problem("duplicates_in_store", None, None, None, "warning",
                                        {"count": len(plan.duplicates)}))
    plan.warnings.insert(0, Problem("sheets_read", None, None, None, "warning", {
        "count": len(plan.sheets_read), "sheets": list(plan.sheets_read)}))
    plan.counts["sheets_read"] = 1


def _duplicates_across(plan: ImportPlan) -> list[Problem]:
    """An error for every row whose name, province and start year a row of an earlier sheet has (the
    same project on two sheets; those within one sheet its own preview found)."""
    rec = plan.records
    key = rec[["name_key", "province_code", "start_year"]].astype(str)
    sheet_no = rec["row"].to_numpy(dtype=np.int64) // ROW_BASE
    valid = (rec["name"] != "").to_numpy() & rec["province_code"].notna().to_numpy()
    dup = key.duplicated(keep="first").to_numpy() & valid
    if not dup.any():
        return []
    first_row = rec.groupby([key[c] for c in key.columns], sort=False)["row"].transform("first").to_numpy()
    across = dup & (first_row // ROW_BASE != sheet_no)
    at = np.flatnonzero(across)
    names, lines = plan.where(first_row[at[:MAX_LISTED]])
    name_label = next((lab for lab, f in plan.mapping.items() if f == "name"), None)
    out = []
    for i, first_sheet, first_line in zip(at[:MAX_LISTED], names, lines, strict=True):
        row = int(rec["row"].iat[i])
        out.append(Problem("duplicate_in_sheets", row, name_label, str(rec["name"].iat[i]),
                           "error", {"first": int(first_line), "first_sheet": first_sheet},
                           sheet=plan.sheets_read[row // ROW_BASE - 1]))
    if len(at) > MAX_LISTED:  # the rest counted, as every other kind of problem is
        out.append(Problem("duplicate_in_sheets", None, name_label, None, "error", {},
                           rec["row"].to_numpy(dtype=np.int64)[at[MAX_LISTED:]]))
    return out


def _visible_first(header: hd.Header, hidden: frozenset[int]) -> list[Problem]:
    """A header repeated over a column hidden in Excel and a visible one (an old 总投资 hidden beside the current):
    the first was read and the visible one ignored, a figure nobody sees stored. The visible column is read,
    said once per pair; a field read from a hidden column with no visible twin is said too."""
    if not hidden:
        return []
    out = []
    for pos, first in sorted(header.repeated.items()):
        if first in hidden and pos not in hidden:
            del header.repeated[pos]
            header.repeated[first] = pos
            if first in header.fields:
                header.fields[pos] = header.fields.pop(first)
            # the visible column's own unit where its label says one (总投资（亿元） hidden, 总投资（万元） shown: the
            # 亿元 was moved onto the 万元 figures, 10,000 times too large)
            own = hd.unit_in(header.labels[pos])
            hidden_unit = header.units.pop(first, None)
            if own or hidden_unit:
                header.units[pos] = own or hidden_unit
            same = header.labels[pos] == header.labels[first]
            out.append(Problem("column_hidden_twin", None, header.labels[pos], None, "warning",
                               {"column": header.labels[pos], "position": pos + 1, "hidden": first + 1,
                                "hidden_column": header.labels[first]},
                               key=None if same else "column_hidden_twin_labels"))
    twins = {p for pair in header.repeated.items() for p in pair}
    out += [Problem("column_hidden_read", None, header.labels[pos], None, "warning",
                    {"column": header.labels[pos], "position": pos + 1})
            for pos in sorted(header.fields) if pos in hidden and pos not in twins and header.fields[pos] != "seq"]
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _reader_problems(found: list[tuple[str, dict]], labels: list[str] | None = None) -> list[Problem]:
    """The reader's repairs and guesses as warnings (a stray quote names its row and column)."""
    out = []
    for code, values in found:
        row = values.pop("row", None)
        col = values.pop("col", None)
        column = labels[col] if labels is not None and col is not None and col < len(labels) else None
        out.append(Problem(code, row, column, None, "warning", {**values, "column": column or "-"}))
    return out


# raw.CONTROL for Arrow's regular expressions (RE2 spells a code point \x{…}).
_CONTROL_ARROW = re.sub(r"\\U000([0-9a-f]{5})", r"\\x{\1}", re.sub(r"\\u([0-9a-f]{4})", r"\\x{\1}", CONTROL))


def _any_control(column: pd.Series) -> bool:
    """Whether a cell of the column holds a control character (the usual answer is no): Arrow's
    search over a column of Arrow strings, else one pass over the cells joined by line breaks (not
    control characters here)."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        return pc.any(pc.match_substring_regex(pa.array(column), _CONTROL_ARROW)).as_py() is True
    return CONTROL_RE.search("\n".join(column.astype(str).tolist())) is not None


def _strip_control(body: Body) -> list[Problem]:
    """Remove control characters (and zero-width spaces) from every cell, with a warning per cell."""
    problems: list[Problem] = []
    values_at = {pos for f, pos in body.col_of.items()
                 if f in _VALUE_FIELDS or f.startswith(("annual_plan", "funding"))}
    for pos in body.cells.columns:
        column = body.cells[pos]
        if not _any_control(column):
            continue
        has = column.str.contains(CONTROL_RE, regex=True, na=False).to_numpy(dtype=bool)
        if not has.any():
            continue
        label = body.labels[pos] if pos < len(body.labels) else f"column {pos + 1}"
        if pos in values_at:
            problems += _direction_overrides(body, pos, label, column, has)
        problems += body.problems_at(has, "control_stripped", label, "warning", column)
        body.cells[pos] = column.str.replace(CONTROL_RE, "", regex=True).str.strip()
    return problems


# The fields whose cells are read as a value (an amount, a year, a place), not kept as text.
_VALUE_FIELDS = frozenset({"total_investment", "years", "start_year", "end_year", "province", "city", "district",
                           "place", "unit", "currency"})
_DIRECTION_RE = re.compile(DIRECTION)


def _direction_overrides(body: Body, pos: int, label: str, column: pd.Series, has: np.ndarray) -> list[Problem]:
    """An error for every value cell (amount, year, place) holding a text-direction override, embedding or
    isolate: it is shown in another order than its characters run (\u202e0001 shows 1000, 江苏省\u202e市州扬 shows
    江苏省扬州市), so no value read from it is the one the steward sees. Named with the controls made visible."""
    over = np.zeros(len(column), dtype=bool)
    at = np.flatnonzero(has)
    over[at] = column.iloc[at].str.contains(_DIRECTION_RE, na=False).to_numpy(dtype=bool)
    if not over.any():
        return []
    shown = column.str.replace(_DIRECTION_RE, lambda m: f"[U+{ord(m.group()):04X}]", regex=True)
    return body.problems_at(over, "cell_direction_override", label, "error", shown)


_DECOMPOSED_RE = re.compile(DECOMPOSED)


def _composed(body: Body) -> list[Problem]:
    """Every cell in Unicode's composed form (NFC), said by cell where that changed it: a decomposed accent
    (Cafe + U+0301) or a CJK compatibility ideograph (U+F9DC for 隆) reads like its twin and is not equal to it,
    so a name holding one was another project than the stored one. Only columns holding such a character
    are looked at."""
    import unicodedata

    return normalise.rewrite_cells(body, _DECOMPOSED_RE, lambda v: unify_radicals(unicodedata.normalize("NFC", v)),
                                   "text_composed", "composed")


def _continuations(body: Body, problems: list[Problem]) -> list[Problem]:
    """A row holding only a name, or only an amount, under a row that lacks it: a line a PDF copy broke in
    two (苏州晶圆级先进封装 | 测试项目). Refused as a project with no place or no name, which told the steward
    nothing of the row above; now said as the rest of that row (still refused: which cells join is theirs to
    tell)."""
    if "name" not in body.col_of or len(body) < 2:
        return problems
    filled = {f: (body.cells[pos].fillna("").astype(str).str.strip() != "").to_numpy(dtype=bool)
              for f, pos in body.col_of.items() if f != "seq"}
    others = {f: np.logical_or.reduce([m for g, m in filled.items() if g != f] or [np.zeros(len(body), bool)])
              for f in ("name", "total_investment") if f in filled}
    # only rows refused already for the cell the broken line lacks: a name alone is a project where its list
    # leaves place and amount empty (a decision list placed by its title), refused only when no place is found
    refused = {(p.row, p.code) for p in problems if p.code in ("place_missing", "name_missing")}
    out: list[tuple[int, str, str]] = []
    rows = np.asarray(body.rows)
    for f, alone_of in others.items():
        alone = filled[f] & ~alone_of
        for i in np.flatnonzero(alone[1:]) + 1:
            # the row above: a name with the field's cell empty (its amount), or a row with a name (its name)
            above = (filled["name"][i - 1] and not filled[f][i - 1]) if f != "name" else filled["name"][i - 1]
            lacking = "place_missing" if f == "name" else "name_missing"
            if above and rows[i] == rows[i - 1] + 1 and (int(rows[i]), lacking) in refused:
                out.append((int(rows[i]), f, str(body.cells[body.col_of[f]].iat[i]).strip()))
    if not out:
        return problems
    said = {r for r, _f, _v in out}
    kept = [p for p in problems if not (p.row in said and p.code in ("place_missing", "name_missing"))]
    for row, f, value in out:
        label = body.labels[body.col_of[f]]
        kept.append(Problem("row_continuation", row, label, value, "error",
                            {"column": label, "value": value, "above": row - 1}))
    return kept


_PLAIN_NUMBER = re.compile(r"^\s*\d[\d,，]*(?:\.\d+)?\s*$")


def _amount_year_swapped(body: Body, rec: pd.DataFrame, problems: list[Problem]) -> list[Problem]:
    """An error for a row whose amount is a plausible year (2024) while its year cell holds a plain number
    no year is (80000): the two cells typed into each other's columns. The year was said as implausible and
    left empty, and 2024 stored as the amount, 2024万元 for 8亿元."""
    if not body.has("total_investment"):
        return []
    odd = {p.row: p for p in problems if p.code == "year_implausible" and p.value is not None
           and _PLAIN_NUMBER.match(str(p.value))}
    if not odd:
        return []
    label = body.labels[body.col_of["total_investment"]]
    amounts = dict(zip(rec["row"].tolist(), rec["total_investment_wan"].tolist(), strict=True))
    out = []
    for row, p in odd.items():
        amount = amounts.get(row)
        if amount is not None and amount == amount and float(amount).is_integer() \
                and normalise.EARLIEST_YEAR <= amount <= 2045:
            out.append(Problem("amount_year_swapped", row, label, f"{amount:.0f}", "error",
                               {"column": label, "value": f"{amount:.0f}", "year_column": p.column,
                                "year_value": p.value}))
    return out


# A ditto mark for "as the row above" (同上, 〃, ″, ”): a clerk's shorthand in a place, year or stage column, read
# as a place named 同上 (the row refused as "unknown place") or as no year. Amount columns are not filled (a
# figure copied from the row above would count it twice): there it stays "not an amount".
_DITTO = frozenset({"同上", "仝上", "同前", "〃", "″", "”", "\u201d\u201d", "〃〃", "ditto", "do.", "ditto."})
_DITTO_FIELDS = ("place", "province", "city", "district", "years", "start_year", "end_year", "stage", "owner",
                 "sector", "ownership", "programme")


def _dittos(body: Body) -> list[Problem]:
    """Each ditto mark in a place, year, stage, owner or sector column replaced by the nearest value above
    it in that column, said by cell; one with nothing above is left as it is (and read so)."""
    out: list[Problem] = []
    for f in _DITTO_FIELDS:
        if f not in body.col_of:
            continue
        pos = body.col_of[f]
        column = body.cells[pos]
        if not may_hold(column, ["同", "仝", "〃", "″", "”", "itto", "do."]):
            continue
        mark = column.str.strip().str.lower().isin(_DITTO).to_numpy(dtype=bool)
        if not mark.any():
            continue
        values = column.where(~mark & (column.str.strip() != ""))
        filled = values.ffill()
        took = mark & filled.notna().to_numpy(dtype=bool)
        if not took.any():
            continue
        new = column.copy()
        new[took] = filled[took]
        out += body.problems_at(took, "cell_ditto", body.labels[pos], "warning", column,
                                read=new.to_numpy(dtype=object))
        body.cells[pos] = new
    return out


# A picture WPS puts in a cell (插入图片 → 嵌入单元格) is saved as the formula _xlfn.DISPIMG("ID_…",1), whose value
# is that text: a name cell holding a picture was stored as the project =DISPIMG("ID_99",1).
_PICTURE_RE = re.compile(r'^\s*=?\s*(?:_xlfn\.)?DISPIMG\(\s*"[^"]*"\s*,\s*\d+\s*\)\s*$', re.I)


def _cell_pictures(body: Body) -> list[Problem]:
    """Every cell holding a WPS in-cell picture emptied, said by cell (a picture names no project, place or
    amount; the row is then read, or refused, as one with that cell empty)."""
    return normalise.rewrite_cells(body, _PICTURE_RE, lambda _v: "", "cell_picture", "cleared", holding="DISPIMG")


# Every character str.strip() removes, spelled out: Arrow's regex engine reads \s as ASCII only (no 　).
_EDGE_SPACE = f"^[{BLANKS}]|[{BLANKS}]$"


def _header_control(sheet: reading.Sheet, header: hd.Header) -> list[Problem]:
    """A warning per header row holding control characters or terminal colour codes (ESC[1m项目名称ESC[0m):
    they are left out of the labels (which are matched without them), and the steward learns where."""
    out = []
    for i in range(max(header.index - header.rows + 1, 0), header.index + 1):
        texts = [str(v) for v in sheet.cells.iloc[i].tolist()]
        columns = [header.labels[j] for j, t in enumerate(texts) if j < len(header.labels) and CONTROL_RE.search(t)]
        if columns:
            out.append(Problem("header_control_stripped", int(sheet.rows[i]), columns[0], None, "warning",
                               {"row": int(sheet.rows[i]), "columns": list(columns)}))
    return out


def _stripped(column: pd.Series) -> pd.Series:
    """The column's cells without surrounding blanks; the column itself when none has any (most): a
    large file's cells are then not copied."""
    column = column.astype(str)
    if not column.str.contains(_EDGE_SPACE, regex=True, na=False).any():
        return column
    return column.str.strip()


def _indents(cells: pd.DataFrame, sheet: reading.Sheet, col_of: dict[str, int]) -> np.ndarray | None:
    """How many blanks each name cell starts with (an indented part row: "    二期工程"), or None when none does
    (a sheet known to hold no blank at a cell's end, or a name column without such a cell)."""
    if sheet.clean or "name" not in col_of:
        return None
    names = cells[col_of["name"]].astype(str)
    if not names.str.contains(r"^\s", regex=True, na=False).any():
        return None
    return (names.str.len() - names.str.lstrip().str.len()).to_numpy(dtype=int)


def _build(plan: ImportPlan, sheet: reading.Sheet, header: hd.Header, con: duckdb.DuckDBPyConnection,
           facts: Future[_StoreFacts], pool: ThreadPoolExecutor, step: Progress) -> None:
    """Fill the plan from the rows under the header: records, annual plans, funding, problems.

    The stored duplicates are looked up (``pool``, DuckDB working without the interpreter) while the
    names are tagged, for every row that has the keys; the rows the checks reject are left out after."""
    width = len(header.labels)
    cells = sheet.cells.iloc[header.index + 1:].reset_index(drop=True).reindex(columns=range(width), fill_value="")
    rownum = sheet.rows[header.index + 1:]
    col_of = {f: pos for pos, f in header.fields.items()}
    # A sheet known to hold no blank at a cell's end and no control character (most text files) is
    # not searched for them, column by column.
    stripped = cells.astype(str) if sheet.clean else cells.apply(_stripped) if width else cells
    if stripped.empty:
        plan.refused = Problem("no_rows")
        return
    stage_aliases = vocab.stage_aliases()
    rows_ = layout.classify_rows(stripped, rownum, header, col_of, stage_aliases, _indents(cells, sheet, col_of))
    # A formula without a saved result in a row that is read as no project (a 小计 or 合计 row, a heading):
    # its value is not imported, so "read as empty" misled; said only for the projects' rows.
    unread = set(rownum[~rows_.project].tolist())
    plan.warnings = [p for p in plan.warnings if p.code != "formula_no_value" or p.row not in unread]
    plan.warnings += rows_.skipped + layout.heading_in_name(stripped, rownum, rows_, col_of, stage_aliases)
    plan.list_year = layout.list_year(header, col_of)
    note_unit = layout.note_unit(header)

    project = rows_.project
    body = Body(stripped[project].reset_index(drop=True), rownum[project], col_of, header.labels)
    problems = [] if sheet.clean else _strip_control(body) + _header_control(sheet, header) + _composed(body)
    # (a clean sheet, one with no control or odd character, may still hold a picture or a ditto mark)
    problems += _cell_pictures(body) + _dittos(body)
    problems += normalise.html_entities(body) + normalise.footnotes(body) + normalise.quoted_names(body)
    problems += normalise.report_titles(body)
    problems += normalise.numbered_names(body)
    problems += normalise.merged_amounts(body, sheet.merged)
    # A table rebuilt from one cell per line: read only when every row's typed cells fit their columns (a value
    # missing or too many moves every later one; the width was read from the headers, the fit is checked here).
    rebuilt = next((v for c, v in sheet.warnings if c == "one_cell_per_line_rebuilt"), None)
    if rebuilt is not None and (misfit := shifts.first_misfit(body, facts.result().places, stage_aliases)):
        plan.refused = Problem("one_cell_per_line_misfit", misfit[0], misfit[1], misfit[2], values={
            **{k: v for k, v in rebuilt.items() if k != "rows"}, "row": misfit[0], "column": misfit[1],
            "value": misfit[2]})
        plan.warnings = [p for p in plan.warnings if p.code != "one_cell_per_line_rebuilt"]
        return
    # A row shifted a cell or with two columns' values swapped: read back where one reading fits, else refused,
    # said once per row (the place index is needed only when some row looks so).
    shifted, shift_refused = shifts.shifted_rows(body, lambda: facts.result().places, stage_aliases)
    problems += shifted
    if shifted:  # a headerless column that only held a shifted row's last value is no unmapped column now
        plan.unmapped = [lab for lab in plan.unmapped if lab not in header.labels or not (
            lab == f"column {header.labels.index(lab) + 1}" and (body.cells[header.labels.index(lab)] == "").all())]
    excel = normalise.excel_values(body)
    plan.rows_read = len(body)
    kept = [pos for pos in range(width) if pos not in header.repeated]
    plan.raw = cells.loc[project, kept].reset_index(drop=True).set_axis([header.labels[p] for p in kept], axis=1)
    plan.raw.insert(0, "row", body.rows)
    if len(body) == 0:
        plan.refused = Problem("no_rows")
        return

    rec = pd.DataFrame({"row": body.rows})
    rec["name"], rec["name_key"], found = normalise.names(body)
    rec["name_key"] = checks.fold_key(rec["name_key"])
    problems += found
    rec["content"] = body.text("content")
    rec["owner"], found = normalise.owners(body)
    problems += found
    has_name = (rec["name"] != "").to_numpy()
    # The sectors are tagged in a thread from here on: about half the tagger's time (the keyword
    # automaton's scan, Arrow's kernels, NumPy) runs without the interpreter, beside the places, years and
    # stages read here. The tagger reads only the names and contents; its problems keep their place.
    tagger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-sectors")
    try:
        tagging = tagger.submit(normalise.sector, body, rec["name"], rec["content"], rows_.sector)
    finally:
        tagger.shutdown(wait=False)  # the submitted task runs on; nothing else is taken

    step(0.3, "places")
    index = facts.result().places
    problems += normalise.name_only_place(body, rec["name"], index)
    title_place = places.place_in_title(index, header.above)
    # A title naming only a town (黄圃镇2024年重点项目): a note under the table naming the town with its county
    # or city (注：填报单位为中山市黄圃镇人民政府) places the list; otherwise the message says what to add.
    town = places.town_in_title(header.above) if title_place is None else None
    if town is not None:
        notes = [p for p in rows_.skipped if p.code == "row_skipped_note" and town in (p.value or "")]
        for note in notes:
            title_place = places.place_in_title(index, [str(note.value).split(town)[0]])
            if title_place is not None:
                plan.warnings.append(Problem("place_town_from_note", note.row, None, note.value, "warning",
                                             {"town": town, "place": title_place[2], "value": note.value}))
                break
    # A notice with no place in its title or columns, signed under its table by a body that names one
    # (楚雄彝族自治州生态环境局元谋分局): the list is that body's, as a title naming it would say.
    signed = None
    if title_place is None and town is None and not any(body.has(f) for f in ("province", "city", "district", "place")):
        for note in (p for p in rows_.skipped if p.code == "row_skipped_note" and layout.is_publisher(p.value)):
            title_place = places.place_in_title(index, [str(note.value)])
            if title_place is not None:
                signed = Problem("place_from_signature", note.row, None, note.value, "warning",
                                 {"place": title_place[2], "value": note.value})
                plan.warnings.append(signed)
                break
    hint = places.province_in_title(index, " ".join(header.above)) or (title_place[0] if title_place else None)
    rec["province_code"], rec["city_code"], found, rec["zone"] = normalise.place(
        body, index, hint, has_name, title_place, town if title_place is None else None)
    if (town is not None or signed is not None) and title_place is not None:  # placed by a note, said as such
        found = [p for p in found if p.code != "place_from_title"]
    problems += found

    step(0.45, "amounts")
    # The amounts are parsed by Arrow's kernels, which run without the interpreter: in a thread, while
    # this one reads the years, stages and sectors (Python). Nothing below reads them before "validate";
    # their problems keep their place in the list.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-amounts") as side:
        parsing = side.submit(normalise.amounts, body, header.units, note_unit, plan.usd_rate, rows_.units_below)
        rec["total_investment_wan"] = np.full(len(body), np.nan)  # the column's place; filled below
        later: list[Problem] = []

        step(0.55, "years")
        start, end, found = normalise.years(body, facts.result().target_year)
        later += found
        rec["start_year"] = pd.array(start, dtype="Int64")
        rec["end_year"] = pd.array(end, dtype="Int64")

        rec["stage"], found = normalise.stage(body, rows_.stage, stage_aliases)
        later += found
        rec["name"], rec["name_key"], stage_, found = normalise.withdrawn(body, rec["name"], rec["name_key"],
                                                                          rec["stage"].to_numpy(), stage_aliases)
        rec["stage"] = stage_
        later += found
        rec["ownership"], found = normalise.ownership(body, vocab.ownership_aliases())
        later += found
        rec["cluster_id"], found = normalise.cluster(body, facts.result().clusters if body.has("cluster") else {})
        later += found

        # Every key is known now: the store's duplicates are found while the sectors are tagged.
        duplicates = pool.submit(_store_matches, con, _duplicate_keys(rec))
        step(0.65, "sectors")
        sectors, found = tagging.result()
        later += found
        for c in normalise.SECTOR_COLUMNS:
            rec[c] = sectors[c]

        amounts, found, plan.usd_rows = parsing.result()
    problems += found + later
    rec["total_investment_wan"] = amounts.get("total_investment", np.full(len(body), np.nan))
    problems += _amount_year_swapped(body, rec, problems)
    problems += normalise.remark_amounts(body, amounts.get("total_investment"))
    problems += normalise.local_currency_amounts(body, rec["province_code"].to_numpy(dtype=object), amounts)
    problems = _continuations(body, problems)

    step(0.75, "validate")
    plan.investments, found = normalise.annual_plan(body, amounts.get("annual_plan"), start, plan.list_year,
                                                    rec["total_investment_wan"].to_numpy(dtype=float))
    problems += found
    plan.funding = normalise.funding(body.rows, amounts)
    found, repeated = checks.duplicates_in_file(body, rec, plan.investments, plan.funding)
    problems += found
    if repeated.any():  # the same project listed again (once per bond issue): read once
        again = rec["row"][repeated]
        rec = rec[~repeated].reset_index(drop=True)
        plan.investments, plan.funding, plan.raw = (
            frame[~frame["row"].isin(again)].reset_index(drop=True) if "row" in frame.columns else frame
            for frame in (plan.investments, plan.funding, plan.raw))
    problems += checks.totals(stripped, rownum, rows_.total, project, rows_.section_id, header, col_of,
                              amounts.get("total_investment"), note_unit, plan.usd_rate)

    plan.records = rec
    step(0.85, "duplicates")
    found, other_years = duplicates.result()
    problems += _stored_other_year(rec, other_years, body.labels[col_of["name"]])
    if excel:  # a cell holding #REF! or TRUE is said as such, not also as a bad amount, place or year
        said = normalise.said_cells(excel)
        problems = excel + [p for p in problems if (p.row, p.column) not in said]
    problems = shifts.drop_said(problems, shift_refused)
    every = plan.warnings + problems
    for p in every:
        plan.counts[p.code] = plan.counts.get(p.code, 0) + (len(p.more_rows) if p.is_summary else 1)
    plan.errors = bounded([p for p in every if p.level == "error"])
    plan.warnings = bounded([p for p in every if p.level != "error"])
    plan.duplicates_version = facts.result().version
    found = found[found["row"].isin(rec["row"])] if repeated.any() else found
    plan.duplicates = found[~found["row"].isin(plan.rejected_rows)].reset_index(drop=True)
    if len(plan.duplicates):
        # What each row imported again changes in its stored project (old → new), said by row; the rows
        # that change nothing are counted once (rows_updated counts only the rows that change).
        compared = changes.changes(con, rec, plan.duplicates, plan.investments, plan.funding)
        plan.duplicates = compared[["row", "project_id", "changed"]]
        said = changes.problems(con, rec, compared, body.labels[col_of["name"]])
        for p in said:
            plan.counts[p.code] = plan.counts.get(p.code, 0) + (len(p.more_rows) if p.is_summary else 1)
        plan.warnings[:0] = said
        plan.warnings.insert(0, Problem("duplicates_in_store", None, None, None, "warning",
                                        {"count": len(plan.duplicates)}))
    step(1.0, "done")


def _store_matches(con: duckdb.DuckDBPyConnection, keys: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored projects the rows update, and the rows whose name a stored project of the province has with
    another start year, in one read (:func:`store.batches.find_matches`)."""
    return store.batches.find_matches(con, keys)


def _stored_other_year(rec: pd.DataFrame, other: pd.DataFrame, name_label: str) -> list[Problem]:
    """A warning for each row that names a stored project of its province with another start year: it is
    added as a new project beside the stored one (the match is by name, province and start year), and a list
    imported again with a start year corrected counted the project twice, unsaid."""
    if other.empty:
        return []
    names = dict(zip(rec["row"].tolist(), rec["name"].tolist(), strict=True))
    years = dict(zip(rec["row"].tolist(), rec["start_year"].tolist(), strict=True))

    def year(v: object) -> str:
        return "—" if v is None or pd.isna(v) else str(int(v))

    out = [Problem("name_stored_other_year", int(r), name_label, names.get(int(r)), "warning",
                   {"value": names.get(int(r)), "column": name_label, "year": year(years.get(int(r))),
                    "stored_year": year(y)})
           for r, y in zip(other["row"].tolist(), other["stored_year"].tolist(), strict=True)
           if int(r) in names]
    if len(out) > MAX_LISTED:
        rows = np.asarray([p.row for p in out[MAX_LISTED:]], dtype=np.int64)
        out = out[:MAX_LISTED] + [Problem("name_stored_other_year", None, name_label, None, "warning", {},
                                                    rows)]
    return out


def find_store_duplicates(con: duckdb.DuckDBPyConnection, rec: pd.DataFrame) -> pd.DataFrame:
    """(row, project_id) for rows whose name, province and start year a stored project already has."""
    if rec.empty:
        return pd.DataFrame({"row": pd.Series(dtype=int), "project_id": pd.Series(dtype="int64")})
    return store.batches.find_duplicates(con, _duplicate_keys(rec))


def _duplicate_keys(rec: pd.DataFrame) -> pd.DataFrame:
    """(row, name_key, province_code, start_year) of the rows with a name and a province (a copy)."""
    return rec.loc[rec["province_code"].notna() & (rec["name_key"] != ""),
                   ["row", "name_key", "province_code", "start_year"]]


# ============================================================================================= commit

@_gc_paused
@_one_thread
def commit(
    con: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    *,
    on_duplicate: str = "update",
    skip_invalid: bool = False,
    force: bool = False,
    imported_by: str | None = None,
    manual_sectors: Mapping[int, str | None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> ImportResult:
    """Write the plan as one import batch in one transaction, or refuse and write nothing.

    ``on_wait`` is told once if another writer holds the store for more than a second.
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}")
    result = ImportResult(None, plan.rows_read, rows_rejected=plan.rows_rejected)
    result.refused = _refusal(plan, skip_invalid=skip_invalid)
    if result.refused:
        return result
    rec = plan.records[~plan.records["row"].isin(plan.rejected_rows)].copy()
    for row, slug in (manual_sectors or {}).items():
        mask = rec["row"] == int(row)
        rec.loc[mask, normalise.SECTOR_COLUMNS] = [slug, None, "manual" if slug else None, np.nan, None]

    label: dict = {"file": plan.file_name}
    scope = store.integrity.Scope()
    try:
        with store.write(con, message=f"import {plan.file_name}", author=imported_by, what="import", extra=label,
                         on_wait=on_wait, scope=scope):
            batch_id = _insert(con, plan, rec, result, label, scope, on_duplicate=on_duplicate, force=force,
                               imported_by=imported_by)
    except _Refused as refused:  # the write rolled back: nothing of it is kept
        result.refused = refused.problem
        return result
    result.batch_id = batch_id
    return result


class _Refused(Exception):
    """Raised inside the write to roll it back and refuse the import."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _insert(con: duckdb.DuckDBPyConnection, plan: ImportPlan, rec: pd.DataFrame, result: ImportResult, label: dict,
            scope: store.integrity.Scope, *, on_duplicate: str, force: bool, imported_by: str | None) -> int:
    """:func:`commit`'s work inside the write; returns the batch id, or raises :class:`_Refused` when the
    same file was committed before (checked here, under the writer lock, with the batch id's read)."""
    # The sheet tells two imports of one workbook apart (one sheet per city); a text file's "sheet" is its
    # file name, which a copy of the same file does not share, so it is left out.
    sheet = plan.batch_sheet
    batch_id, earlier, version = store.batches.next_batch_and_earlier(con, plan.sha256, sheet)
    if earlier is not None and not force:
        raise _Refused(Problem("already_imported", values={"batch": earlier}))
    label["batch"] = batch_id
    # The preview's duplicates hold unless another write landed since (a scan of every stored name).
    same = plan.duplicates_version is not None and version == plan.duplicates_version
    dups = plan.duplicates if same and len(plan.duplicates.columns) else find_store_duplicates(con, rec)
    if "changed" not in dups.columns:  # looked up again here: what each row changes, compared again
        dups = changes.changes(con, rec, dups, plan.investments, plan.funding)
    existing = rec["row"].map(dict(zip(dups["row"], dups["project_id"], strict=True)))
    if on_duplicate == "skip":
        result.rows_skipped = int(existing.notna().sum())
        rec = rec[existing.isna().to_numpy()].copy()
        existing = existing[existing.isna()]
    first_id = store.batches.next_project_id(con)
    is_update = existing.notna().to_numpy()
    changing = rec["row"].isin(dups.loc[dups["changed"].astype(bool), "row"]).to_numpy(dtype=bool)
    new_ids = first_id + np.cumsum(~is_update) - 1
    rec["project_id"] = np.where(is_update, existing.fillna(0).to_numpy(), new_ids).astype("int64")
    rec["is_update"] = is_update
    scope.project_ids = rec["project_id"].to_numpy()
    written = store.batches.insert_rows(con, batch_id, rec, plan.investments, plan.funding, _extra_values(plan))
    # A child table the batch wrote no row in keeps its rules: the import removes no project.
    scope.tables = frozenset(t for t in store.integrity.IMPORT_TABLES
                             if t not in store.rollups.CHILD_TABLES or t in written)
    result.rows_imported = len(rec)
    # An updated row counts when it changes its stored project; one the store holds as it is, as unchanged.
    result.rows_updated = int((is_update & changing).sum())
    result.rows_unchanged = int(is_update.sum()) - result.rows_updated
    store.batches.new_batch(con, plan.file_name, sha256=plan.sha256, imported_by=imported_by, batch_id=batch_id,
                            sheet=sheet,
                            counts={"rows_read": plan.rows_read, "rows_imported": result.rows_imported,
                                    "rows_rejected": plan.rows_rejected, "rows_updated": result.rows_updated,
                                    "warnings": len(plan.warnings)},
                            mapping=plan.mapping)
    return batch_id


def _refusal(plan: ImportPlan, *, skip_invalid: bool) -> Problem | None:
    """Why the plan may not be committed as asked, or None (a file committed before is refused inside
    the write: :func:`_insert`)."""
    blocking = plan.blocking()
    if blocking is not None and (blocking.code != "has_errors" or not skip_invalid):
        return blocking
    if plan.records["row"].isin(plan.rejected_rows).all():
        return Problem("nothing_to_import")
    return None


def _extra_values(plan: ImportPlan) -> pd.DataFrame:
    """(row, column_name, value) for the non-empty cells of the columns that map to no field, and the
    development zone a row's place was read from (``ZONE_COLUMN``: the store keeps a project's province and
    city only, so the zone's name is kept beside them)."""
    zones = _zone_values(plan)
    if not plan.unmapped:
        return zones
    extra = plan.raw[["row", *plan.unmapped]].melt(id_vars="row", var_name="column_name", value_name="value")
    extra["value"] = extra["value"].astype(str)
    if _any_control(extra["value"]):
        extra["value"] = extra["value"].str.replace(CONTROL_RE, "", regex=True)
    extra = extra[extra["value"].astype(str).str.strip() != ""]
    return pd.concat([extra, zones], ignore_index=True) if len(zones) else extra


# The column name under which a row's development zone (read from its place) is kept in batch_extra_values.
ZONE_COLUMN = "development_zone"


def _zone_values(plan: ImportPlan) -> pd.DataFrame:
    """(row, ZONE_COLUMN, zone name) of the rows whose place was read from a development zone's name."""
    rec = plan.records
    if "zone" not in rec.columns or not rec["zone"].notna().any():
        return pd.DataFrame()
    kept = rec.loc[rec["zone"].notna(), ["row", "zone"]].rename(columns={"zone": "value"})
    kept.insert(1, "column_name", ZONE_COLUMN)
    return kept.astype({"value": str}).reset_index(drop=True)


# ============================================================================================= revert

def revert(con: duckdb.DuckDBPyConnection, batch_id: int, *, lang: str = "zh") -> int:
    """Remove a batch's projects and restore those it updated; returns the projects removed.

    A batch whose projects a later, still-committed batch updated is refused: reverting it would
    either delete the later batch's data or leave a project behind that no batch owns.
    """
    status = store.batches.status(con, batch_id)
    if status is None:
        raise RevertError("revert_unknown", lang, batch=batch_id)
    if status != "committed":
        raise RevertError("revert_already", lang, batch=batch_id)
    later = store.batches.later_updaters(con, batch_id)
    if later:
        raise RevertError("revert_later", lang, batch=batch_id, later=", ".join(map(str, later)))
    with store.write(con, message=f"revert batch {batch_id}", what="revert",
                     extra={"reverted_batch": batch_id}):
        return store.batches.revert(con, batch_id)


def list_batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import batch, newest first, with the projects it holds now and, after its file name, the sheets it
    read (``sheets``: a list, empty for a text file, a workbook of one sheet or a batch from before sheets were
    recorded), so a workbook imported sheet by sheet, or whole, says which of its sheets each batch holds."""
    batches = store.batches.list_all(con)
    sheets = [s.split(store.batches.SHEET_SEPARATOR) if isinstance(s, str) else [] for s in batches.pop("sheet")]
    batches.insert(int(batches.columns.get_loc("file_name")) + 1, "sheets", sheets)
    return batches
