"""Checks across rows of one file: the same project twice, and 合计/小计 rows against what they total."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import headers as hd
from . import values
from .normalise import Body, Problems
from .plan import Problem


def duplicates_in_file(body: Body, rec: pd.DataFrame) -> Problems:
    """An error for every row whose name, province and start year an earlier row already has."""
    key = rec[["name_key", "province_code", "start_year"]].astype(str)
    dup = key.duplicated(keep="first").to_numpy() & (rec["name"] != "").to_numpy() \
        & rec["province_code"].notna().to_numpy()
    if not dup.any():
        return []
    # dropna=False: a row without a start year (most lists) has a missing key, and its group was dropped:
    # the message said "duplicates row nan".
    first_row = rec.groupby([key[c] for c in key.columns], sort=False, dropna=False)["row"].transform("first")
    return body.problems(dup, "duplicate_in_file", "name", first=first_row.to_numpy())


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
        text = stripped.iloc[i].str.cat()
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
