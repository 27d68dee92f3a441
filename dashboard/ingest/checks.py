"""Checks across rows of one file: the same project twice, and 合计/小计 rows against what they total."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..textchars import KEY_CLASS, KEY_FOLD
from . import headers as hd
from . import values
from .normalise import Body, Problems
from .plan import Problem
from .raw import may_hold_bytes


def duplicates_in_file(body: Body, rec: pd.DataFrame, investments: pd.DataFrame,
                       funding: pd.DataFrame) -> tuple[Problems, np.ndarray]:
    """An error for every row whose name, province and start year an earlier row already has; the names are
    compared through ``rec["name_key"]``, full-width ASCII and ASCII case already folded (:func:`fold_key`).

    A row that repeats the earlier one in every column read (place, amounts, years, stage, annual plans,
    funding…) is the same project listed again, not a second one: a bond disclosure lists a project once per
    bond issue, the bond's name and amount (columns no field takes) differing. It is read once, said with a
    warning, and its rows marked in the mask returned (the caller leaves them out)."""
    repeated = np.zeros(len(rec), dtype=bool)
    # Only a row whose name key another row has can repeat one: a list of distinct names (most) is seen so,
    # by one column's hash, and its keys of three columns are not made.
    if not rec["name_key"].duplicated(keep=False).any():
        return [], repeated
    key = rec[["name_key", "province_code", "start_year"]].astype(str)
    dup = key.duplicated(keep="first").to_numpy() & (rec["name"] != "").to_numpy() \
        & rec["province_code"].notna().to_numpy()
    said = _other_year(body, rec, key, dup)
    if not dup.any():
        return said, repeated
    # dropna=False: a row without a start year (most lists) has a missing key, and its group was dropped:
    # the message said "duplicates row nan".
    first_row = rec.groupby([key[c] for c in key.columns], sort=False, dropna=False)["row"].transform("first")
    first = first_row.to_numpy()
    at = np.flatnonzero(dup)
    rows = rec["row"].to_numpy()
    signature = _signatures(rec, investments, funding, set(rows[at].tolist()) | set(first[at].tolist()))
    repeated[at] = [signature[r] == signature[f] for r, f in zip(rows[at].tolist(), first[at].tolist(), strict=True)]
    return (_duplicates(body, rec, dup & ~repeated, first)
            + body.problems(repeated, "row_repeats_project", "name", level="warning", first=first) + said), repeated


def _duplicates(body: Body, rec: pd.DataFrame, dup: np.ndarray, first: np.ndarray) -> Problems:
    """The refused duplicates; one whose city differs from the row it repeats (光伏项目 in 苏州市 and in 南京市, a
    list numbering each city's projects apart) says both places, and why they still are one project: a project
    is known by its name, province and start year (the store's key), so the two would be stored as one."""
    problems = body.problems(dup, "duplicate_in_file", "name", first=first)
    if not dup.any() or "city_code" not in rec:
        return problems
    city = rec["city_code"].astype(object).where(rec["city_code"].notna(), "").astype(str).to_numpy()
    by_row = dict(zip(rec["row"].tolist(), city.tolist(), strict=True))
    places = _place_text(body)
    at = {int(r): i for i, r in enumerate(rec["row"].tolist())}
    for p in problems:
        if p.row is None or p.is_summary:
            continue
        there = int(p.values["first"])
        if by_row.get(p.row) and by_row.get(there) and by_row[p.row] != by_row[there]:
            p.key = "duplicate_in_file_places"
            p.values.update(here=places[at[p.row]], there=places[at[there]], name=str(rec["name"].iat[at[p.row]]))
    return problems


def _place_text(body: Body) -> list[str]:
    """Each row's place as the file wrote it: its place, province, city and district cells joined."""
    cols = [body.column(f).astype(str) for f in ("place", "province", "city", "district") if f in body.col_of]
    if not cols:
        return [""] * len(body)
    joined = cols[0]
    for c in cols[1:]:
        joined = joined + " " + c
    return [t.strip() for t in joined.tolist()]


def _other_year(body: Body, rec: pd.DataFrame, key: pd.DataFrame, dup: np.ndarray) -> Problems:
    """A warning for every row whose name and province an earlier row has, with another start year: the same
    project listed twice (an old row left beside the corrected one, 2024–2026 and 2025–2027) was stored twice,
    its investment counted twice, unsaid. Stored as two projects still (phases can share a name), and said."""
    pair = key[["name_key", "province_code"]]
    again = pair.duplicated(keep="first").to_numpy() & ~dup & (rec["name"] != "").to_numpy() \
        & rec["province_code"].notna().to_numpy()
    if not again.any():
        return []
    first_row = rec.groupby([pair[c] for c in pair.columns], sort=False, dropna=False)["row"].transform("first")
    years = rec["start_year"].astype(object).where(rec["start_year"].notna(), "—").astype(str).to_numpy()
    by_row = dict(zip(rec["row"].tolist(), years.tolist(), strict=True))
    first = first_row.to_numpy()
    return body.problems(again, "name_again_other_year", "name", level="warning", first=first, year=years,
                         first_year=np.array([by_row[int(r)] for r in first], dtype=object))


def _signatures(rec: pd.DataFrame, investments: pd.DataFrame, funding: pd.DataFrame, rows: set[int]) -> dict[int, str]:
    """Every value read for each of ``rows`` (file row numbers) but the row and the name as written, as one text."""
    def per_row(frame: pd.DataFrame) -> dict[int, str]:
        if frame.empty or "row" not in frame.columns:
            return {}
        part = frame[frame["row"].isin(rows)]
        return {int(r): g.drop(columns="row").to_csv(index=False) for r, g in part.groupby("row")}

    part = rec[rec["row"].isin(rows)]
    own = part.drop(columns=["row", "name"]).astype(object).fillna("").astype(str).agg("\x1f".join, axis=1)
    plans, funds = per_row(investments), per_row(funding)
    return {int(r): f"{o}\x1e{plans.get(int(r), '')}\x1e{funds.get(int(r), '')}"
            for r, o in zip(part["row"].tolist(), own.tolist(), strict=True)}


def fold_key(keys: pd.Series) -> pd.Series:
    """Duplicate keys with full-width ASCII folded to half-width and ASCII letters to lower case: ＡＢＣ新材料项目
    and ABC新材料项目, ５Ｇ基站, 5G基站 and 5g基站, AI产业园 and ai产业园 are the same name to a reader, typed in
    another input mode or case (the store's key folds alike: :mod:`dashboard.store.namekeys`). Only the keys
    holding such a character are translated; the column itself when none has any."""
    if not (may_hold_bytes(keys, 0x41, 0x5A) or may_hold_bytes(keys, 0xEF, 0xEF)):  # no A-Z, no U+F000-FFFF
        return keys
    has = keys.str.contains(KEY_CLASS, regex=True, na=False)
    if not has.any():
        return keys
    out = keys.copy()
    out[has] = keys[has].str.translate(KEY_FOLD)
    return out


def totals(stripped: pd.DataFrame, rownum: np.ndarray, total: np.ndarray, project: np.ndarray,
           section_id: np.ndarray, header: hd.Header, col_of: dict[str, int], project_wan: np.ndarray | None,
           unit: values.Unit | None, usd_rate: float) -> Problems:
    """A warning for every 合计 (all rows above; for a 合计 above every project, the rows below it) or 小计
    (rows since the last total, in its section) row whose stated total investment differs from the sum of
    the rows it totals."""
    if "total_investment" not in col_of or not total.any() or project_wan is None:
        return []
    pos = col_of["total_investment"]
    unit = header.units.get(pos) or unit or values.WAN
    project_amounts = pd.Series(np.nan_to_num(project_wan), index=np.flatnonzero(project))
    problems: Problems = []
    last_total = -1
    for i in np.flatnonzero(total):
        stated = values.parse_amount(stripped.iat[i, pos], unit, usd_rate).wan
        if stated is None:
            continue
        text = re.sub(r"\s+", "", stripped.iloc[i].str.cat())  # 小 计, spaced out to a column's width
        if "小计" in text or "subtotal" in text.lower():
            in_scope = (project_amounts.index > last_total) & (project_amounts.index < i)
            if section_id[i]:
                in_scope &= section_id[project_amounts.index] == section_id[i]
        elif (project_amounts.index < i).any() or last_total >= 0:
            in_scope = project_amounts.index < i
        else:  # a 合计 heading the table (its first row, as many lists print it): the rows below it
            in_scope = project_amounts.index > i
        computed = float(project_amounts[in_scope].sum())
        last_total = i
        if abs(computed - stated) > max(1.0, 0.0005 * abs(stated)):
            problems.append(Problem("total_mismatch", int(rownum[i]), header.labels[pos], stripped.iat[i, pos],
                                    "warning", {"stated": f"{stated:,.2f}", "computed": f"{computed:,.2f}"}))
    return problems
