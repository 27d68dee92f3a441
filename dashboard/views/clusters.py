"""集群与目标 Clusters and targets: the 10 / 100 / 1000 tiers of clause (九), designations over time,
clusters by sector and region, the cluster list and one cluster's own view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import appdb, filters, report, taxonomy, ui
from ..charts import clusters as charts
from ..charts.overview import sector_name
from ..formatting import money_unit
from ..i18n import current_lang, tr
from ..queries import clusters as cq
from . import current_filters
from .summary import ui_money


def render() -> None:
    lang = current_lang()
    f = current_filters()
    tiers = appdb.load(cq.tier_progress, f)
    target_year = int(tiers["target_year"].max()) if not tiers.empty else 2025
    st.title(tr("clusters.title"))
    st.caption(tr("clusters.caption", year=target_year))
    table = appdb.load(cq.cluster_table, f)
    if table.empty:
        ui.empty_state()
        return
    as_of = ui.as_of_line()

    left, right = st.columns(2)
    with left:
        ui.chart(charts.tier_pyramid(tiers, lang, as_of), tiers, "clusters_pyramid")
        st.caption(tr("clusters.pyramid_hint"))
    with right:
        by_sector = appdb.load(cq.clusters_by_sector, f)
        if by_sector.empty:
            ui.empty_state(key="clusters_sector_empty")
        else:
            ui.chart(charts.by_sector(by_sector, lang, as_of), by_sector, "clusters_sector",
                     on_select=ui.select_filter("clusters_sector", filters.KEY_SECTOR))
            st.caption(tr("clusters.sector_hint"))

    history = appdb.load(cq.designations_by_year, f)
    if history.empty:
        ui.empty_state(key="clusters_history_empty")
    else:
        ui.chart(charts.designations(history, tiers, lang, as_of), history, "clusters_history")

    level = st.segmented_control(tr("clusters.region_level"), ["group", "province"], default="group",
                                 format_func=lambda v: tr(f"clusters.level_{v}"), key="clusters_level",
                                 required=True) or "group"
    by_region = appdb.load(cq.clusters_by_region, f, level=level)
    if by_region.empty:
        ui.empty_state(key="clusters_region_empty")
    else:
        key = f"clusters_region_{level}"
        ui.chart(charts.by_region(by_region, level, lang, as_of), by_region, key,
                 on_select=ui.select_filter(key, filters.KEY_GROUP if level == "group" else filters.KEY_PROVINCE))

    st.subheader(tr("clusters.table_title"))
    shown = _table(table, lang)
    ui.table(shown, "clusters_table", width="stretch", height=360, column_config=ui_money(shown))

    _cluster_view(f, table, lang, as_of)


def _table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    factor, unit = money_unit(lang)
    zh = lang == "zh"
    return pd.DataFrame({
        tr("clusters.col_name"): table["name"],
        tr("clusters.col_tier"): [taxonomy.label("tier", s, lang) for s in table["tier"]],
        tr("clusters.col_status"): [taxonomy.status_label(t, s, lang)
                                    for t, s in zip(table["tier"], table["status"], strict=True)],
        tr("clusters.col_sector"): [sector_name(s, lang) for s in table["sector"]],
        tr("clusters.col_province"): table["province_short" if zh else "province_en"].fillna("—"),
        tr("clusters.col_city"): table["city_short" if zh else "city_en"].fillna("—"),
        tr("clusters.col_batch"): table["batch"].fillna("—"),
        tr("clusters.col_year"): table["designated_year"].astype("Int64"),
        tr("clusters.col_projects"): table["projects"],
        tr("clusters.col_investment", unit=unit): (table["investment_yi"] * factor).round(2),
    })


def _cluster_view(f: filters.Filters, table: pd.DataFrame, lang: str, as_of: str) -> None:
    """One cluster: its facts, its projects, investment by year from its projects, its metrics."""
    zh = lang == "zh"
    ids = table["cluster_id"].tolist()
    labels = {int(r.cluster_id): f"{r.name}（{r.city_short if zh else r.city_en}）" if not pd.isna(
        r.city_short) else r.name for r in table.itertuples()}
    default = int(table.sort_values(["projects", "investment_yi"], ascending=False)["cluster_id"].iloc[0])
    chosen = st.selectbox(tr("clusters.cluster_pick"), ids, index=ids.index(default), format_func=labels.get,
                          key="clusters_pick", help=tr("clusters.cluster_pick_help"))
    row = table[table["cluster_id"] == chosen].iloc[0]
    st.subheader(row["name"])
    province, city = row["province_short" if zh else "province_en"], row["city_short" if zh else "city_en"]
    place = province if pd.isna(city) or city == province else f"{province} {city}"
    st.caption(tr("clusters.cluster_facts", tier=taxonomy.label("tier", row["tier"], lang),
                  status=taxonomy.status_label(row["tier"], row["status"], lang),
                  sector=sector_name(row["sector"], lang), place=place,
                  batch="" if pd.isna(row["batch"]) else tr("clusters.cluster_batch", batch=row["batch"]),
                  year="" if pd.isna(row["designated_year"])
                  else tr("clusters.cluster_year", year=int(row["designated_year"]))))

    invest = appdb.load(cq.cluster_investment_years, f, cluster_id=chosen)
    metrics = appdb.load(cq.cluster_metrics, f, cluster_id=chosen)
    if invest.empty:
        st.info(tr("clusters.cluster_no_projects"), icon=":material/info:")
    else:
        ui.chart(charts.cluster_investment(invest, lang, as_of), invest, "clusters_one_invest")
    if metrics.empty:
        st.info(tr("clusters.no_metrics"), icon=":material/info:")
    else:
        ui.chart(charts.cluster_metrics(metrics, lang, as_of), metrics, "clusters_one_metrics")

    st.markdown(f"**{tr('clusters.cluster_projects')}**")
    projects = appdb.load(cq.cluster_projects, f, cluster_id=chosen)
    if projects.empty:
        st.info(tr("clusters.cluster_no_projects"), icon=":material/info:")
    else:
        shown = projects.assign(province_short=projects["city_short"], province_en=projects["city_en"])
        table = report.top_projects_table(shown, lang, place="city")
        ui.table(table, "clusters_one_projects", width="stretch", column_config=ui_money(table))
