"""What a list imported again changes in the projects it updates: per row, each stored value it replaces (old →
new), as the store's update will write it (a blank cell keeps the stored value; a person's or the file's sector
beats a new automatic guess; the years and channels the file gives replace the stored ones)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from .. import store, taxonomy
from ..i18n import t
from .plan import MAX_LISTED, Problem, shorten

# The project columns compared, in the order a message lists them.
FIELDS = ("name", "total_investment_wan", "city_code", "stage", "ownership", "owner", "end_year", "cluster_id",
          "sector", "content")
_KEPT_SECTOR = ("given", "manual")


def _same(old: object, new: object) -> bool:
    if _missing(old) and _missing(new):
        return True
    if _missing(old) or _missing(new):
        return False
    numbers = float | int | np.floating | np.integer
    if isinstance(old, numbers) and isinstance(new, numbers):
        return round(float(old), 2) == round(float(new), 2)
    return str(old) == str(new)


def _missing(v: object) -> bool:
    return (v is None or (isinstance(v, float | np.floating) and np.isnan(v)) or v is pd.NA or v is pd.NaT
            or (isinstance(v, str) and not v.strip()))


def changes(con: duckdb.DuckDBPyConnection, rec: pd.DataFrame, dups: pd.DataFrame, investments: pd.DataFrame,
            funding: pd.DataFrame) -> pd.DataFrame:
    """(row, project_id, changed, what) for each row of ``dups`` (row, project_id): whether importing the row
    changes its stored project, and, for the first :data:`MAX_LISTED` rows that do (the ones a message lists), the
    changes as (field, old, new) tuples (``what``, None for the rest; the annual plan's years as ``plan:YEAR``,
    the channels as ``funding:SLUG``). Compared column by column over all the rows at once (a list of 100,000
    rows imported again), the tuples made only for the rows listed."""
    out = dups[["row", "project_id"]].reset_index(drop=True)
    if out.empty:
        return out.assign(changed=pd.Series(dtype=bool), what=pd.Series(dtype=object))
    stored, plans, funds = store.batches.stored_values(con, out["project_id"].astype("int64").tolist())
    new = rec.set_index("row").reindex(out["row"])
    old = stored.set_index("project_id").reindex(out["project_id"].astype("int64"))
    after_of: dict[str, np.ndarray] = {}
    differs: dict[str, np.ndarray] = {}
    for f in FIELDS:
        before = old[f].to_numpy(dtype=object) if f in old.columns else np.full(len(out), None, dtype=object)
        after = new[f].to_numpy(dtype=object) if f in new.columns else np.full(len(out), None, dtype=object)
        if f == "sector":
            keep = (old["sector_source"].isin(_KEPT_SECTOR).to_numpy()
                    & ~new["sector_source"].isin(_KEPT_SECTOR).to_numpy()) if "sector_source" in new.columns else \
                np.zeros(len(out), dtype=bool)
            after = np.where(keep, before, after)
        elif f != "name":  # a blank cell keeps the stored value
            blank = np.fromiter((_missing(v) for v in after), dtype=bool, count=len(after))
            after = np.where(blank, before, after)
        after_of[f] = after
        differs[f] = ~np.fromiter((_same(b, a) for b, a in zip(before, after, strict=True)), dtype=bool,
                                  count=len(out))
    changed = np.logical_or.reduce(list(differs.values()))
    by_row = {r: i for i, r in enumerate(out["row"].tolist())}
    extra: dict[int, list[tuple[str, object, object]]] = {}
    pids = out["project_id"].astype("int64").tolist()
    if len(investments):
        had = {(int(p), int(y)): v for p, y, v in plans[["project_id", "year", "planned_wan"]].itertuples(index=False)}
        for r, y, v in investments[investments["row"].isin(by_row)][["row", "year", "planned_wan"]].itertuples(
                index=False):
            i = by_row[r]
            before = had.get((pids[i], int(y)))
            if not _same(before, v):
                extra.setdefault(i, []).append((f"plan:{int(y)}", before, v))
    if len(funding):
        had_f: dict[int, dict[str, float]] = {}
        for p, src, v in funds[["project_id", "source", "amount_wan"]].itertuples(index=False):
            had_f.setdefault(int(p), {})[src] = v
        given: dict[int, dict[str, float]] = {}
        for r, src, v in funding[funding["row"].isin(by_row)][["row", "source", "amount_wan"]].itertuples(index=False):
            given.setdefault(by_row[r], {})[src] = v
        for i, channels in given.items():
            had_i = had_f.get(pids[i], {})
            for src in sorted(set(had_i) | set(channels)):
                if not _same(had_i.get(src), channels.get(src)):
                    extra.setdefault(i, []).append((f"funding:{src}", had_i.get(src), channels.get(src)))
    changed[list(extra)] = True
    what = np.full(len(out), None, dtype=object)
    for i in np.flatnonzero(changed)[:MAX_LISTED]:
        what[i] = [(f, old[f].iat[i] if f in old.columns else None, after_of[f][i]) for f in FIELDS
                   if differs[f][i]] + extra.get(int(i), [])
    out["changed"] = changed
    out["what"] = what
    return out


def _said(field: str, value: object, lang: str, regions: dict[str, tuple[str, str]]) -> str:
    if _missing(value):
        return "—"
    if field in ("total_investment_wan",) or field.startswith(("plan:", "funding:")):
        return f"{float(value):,.2f}"
    if field == "city_code":
        names = regions.get(str(value))
        return (names[0] if lang == "zh" else names[1]) if names else str(value)
    if field in ("stage", "ownership", "sector"):
        terms = {"stage": taxonomy.stage_terms, "ownership": taxonomy.ownership_terms, "sector": taxonomy.sectors}
        term = next((x for x in terms[field]() if x.slug == value), None)
        return (term.name_zh if lang == "zh" else term.name_en) if term is not None else str(value)
    if field in ("end_year", "cluster_id"):
        return str(int(value))
    return shorten(str(value))


def _label(field: str, lang: str) -> str:
    if field.startswith("plan:"):
        return t("importer.change_plan", lang, year=field.split(":", 1)[1])
    if field.startswith("funding:"):
        slug = field.split(":", 1)[1]
        term = next((x for x in taxonomy.funding_sources() if x.slug == slug), None)
        name = (term.name_zh if lang == "zh" else term.name_en) if term is not None else slug
        return t("importer.change_funding", lang, channel=name)
    return t(f"importer.change_{field}", lang)


def describe(found: list[tuple[str, object, object]], lang: str, regions: dict[str, tuple[str, str]]) -> str:
    """The changes of one row as a message lists them: 总投资（万元） 150,000.00 → 160,000.00；阶段 在建 → 竣工."""
    parts = []
    for field, before, after in found:
        if field == "content":
            parts.append(t("importer.change_content_text", lang))
            continue
        old, new = _said(field, before, lang, regions), _said(field, after, lang, regions)
        parts.append(f"{_label(field, lang)} {old} → {new}")
    return ("；" if lang == "zh" else "; ").join(parts)


def problems(con: duckdb.DuckDBPyConnection, rec: pd.DataFrame, changed: pd.DataFrame, name_label: str
             ) -> list[Problem]:
    """A warning per row that changes its stored project, saying what (old → new), and one for the file
    counting the rows the store already holds as they are (nothing of them changes)."""
    if changed.empty:
        return []
    names = dict(zip(rec["row"].tolist(), rec["name"].tolist(), strict=True))
    rows = changed[changed["changed"]]
    regions = store.batches.region_names(con) if any(
        f == "city_code" for found in rows["what"].head(MAX_LISTED) for f, _o, _n in found) else {}
    out = [Problem("updated_values", int(r), name_label, names.get(int(r)), "warning",
                   {"value": names.get(int(r)), "id": int(pid), "column": name_label,
                    "changes": describe(found, "zh", regions), "changes_en": describe(found, "en", regions)})
           for r, pid, found in zip(rows["row"].head(MAX_LISTED).tolist(),
                                    rows["project_id"].head(MAX_LISTED).tolist(),
                                    rows["what"].head(MAX_LISTED).tolist(), strict=True)]
    if len(rows) > MAX_LISTED:
        out.append(Problem("updated_values", None, name_label, None, "warning", {},
                           np.asarray(rows["row"].iloc[MAX_LISTED:], dtype=np.int64)))
    same = int((~changed["changed"]).sum())
    if same:
        out.insert(0, Problem("duplicates_unchanged", None, None, None, "warning", {"count": same}))
    return out
