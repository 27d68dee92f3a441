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
    changes its stored project, and the changes as (field, old, new) tuples (``what``; the annual plan's years as
    ``plan:YEAR``, the channels as ``funding:SLUG``)."""
    out = dups[["row", "project_id"]].copy()
    if out.empty:
        out["changed"] = pd.Series(dtype=bool)
        out["what"] = pd.Series(dtype=object)
        return out
    stored, plans, funds = store.batches.stored_values(con, out["project_id"].astype("int64").tolist())
    old = stored.set_index("project_id")
    new = rec.set_index("row")
    file_plans = investments.groupby("row") if len(investments) else None
    file_funds = funding.groupby("row") if len(funding) else None
    stored_plans = {pid: dict(zip(g["year"], g["planned_wan"], strict=True)) for pid, g in plans.groupby("project_id")}
    stored_funds = {pid: dict(zip(g["source"], g["amount_wan"], strict=True)) for pid, g in funds.groupby("project_id")}
    what: list[list[tuple[str, object, object]]] = []
    for row, pid in zip(out["row"].tolist(), out["project_id"].astype("int64").tolist(), strict=True):
        o, n = old.loc[pid], new.loc[row]
        found: list[tuple[str, object, object]] = []
        for f in FIELDS:
            before, after = o.get(f), n.get(f)
            if f == "sector":
                keep = o.get("sector_source") in _KEPT_SECTOR and n.get("sector_source") not in _KEPT_SECTOR
                after = before if keep else after
            elif f != "name" and _missing(after):
                after = before  # a blank cell keeps the stored value
            if not _same(before, after):
                found.append((f, before, after))
        if file_plans is not None and row in file_plans.groups:
            had = stored_plans.get(pid, {})
            for year, planned in zip(*(file_plans.get_group(row)[c] for c in ("year", "planned_wan")), strict=True):
                if not _same(had.get(year), planned):
                    found.append((f"plan:{int(year)}", had.get(year), planned))
        if file_funds is not None and row in file_funds.groups:
            had = stored_funds.get(pid, {})
            given = dict(zip(*(file_funds.get_group(row)[c] for c in ("source", "amount_wan")), strict=True))
            for source in sorted(set(had) | set(given)):
                if not _same(had.get(source), given.get(source)):
                    found.append((f"funding:{source}", had.get(source), given.get(source)))
        what.append(found)
    out["what"] = pd.Series(what, index=out.index, dtype=object)
    out["changed"] = out["what"].map(bool).astype(bool)
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
