"""集群与目标 Clusters and targets: the 10 / 100 / 1000 tiers of clause (九), designations over time,
clusters by sector and region, the cluster list and one cluster's own view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import appdb, filters, report, taxonomy, ui
from ..charts import clusters as charts
from ..charts.overview import sector_name
from ..formatting import batch, money_unit
from ..i18n import current_lang, relabel, t
from ..queries import clusters as cq
from ..queries import public_lists as pq
from .base import current_filters


def render() -> None:
    lang = current_lang()
    f = current_filters()
    tiers = appdb.load(cq.tier_progress, f)
    target_year = int(tiers["target_year"].max()) if not tiers.empty else 2025
    st.title(t("clusters.title"))
    st.caption(t("clusters.caption", year=target_year))
    _public_lists(lang)
    st.subheader(t("clusters.store_title"))
    st.caption(t("clusters.store_caption"))
    table = appdb.load(cq.cluster_table, f)
    if table.empty:
        ui.empty_state()
        return
    as_of = ui.as_of_line()

    left, right = st.columns(2)
    with left:
        ui.chart(charts.tier_pyramid(tiers, lang, as_of), tiers, "clusters_pyramid")
        st.caption(t("clusters.pyramid_hint"))
    with right:
        by_sector = appdb.load(cq.clusters_by_sector, f)
        if by_sector.empty:
            ui.empty_state(key="clusters_sector_empty")
        else:
            ui.chart(charts.by_sector(by_sector, lang, as_of), by_sector, "clusters_sector",
                     on_select=ui.select_filter("clusters_sector", filters.KEY_SECTOR))
            st.caption(t("clusters.sector_hint"))

    history = appdb.load(cq.designations_by_year, f)
    if history.empty:
        ui.empty_state(key="clusters_history_empty")
    else:
        ui.chart(charts.designations(history, tiers, lang, as_of), history, "clusters_history")

    relabel("clusters_level")
    level = st.segmented_control(t("clusters.region_level"), ["group", "province"], default="group",
                                 format_func=lambda v: t(f"clusters.level_{v}", lang), key="clusters_level",
                                 required=True) or "group"
    by_region = appdb.load(cq.clusters_by_region, f, level=level)
    if by_region.empty:
        ui.empty_state(key="clusters_region_empty")
    else:
        key = f"clusters_region_{level}"
        ui.chart(charts.by_region(by_region, level, lang, as_of), by_region, key,
                 on_select=ui.select_filter(key, filters.KEY_GROUP if level == "group" else filters.KEY_PROVINCE))

    st.subheader(t("clusters.table_title"))
    shown = _table(table, lang)
    ui.table(shown, "clusters_table", width="stretch", height=360, column_config=ui.money_last(shown))

    _cluster_view(f, table, lang, as_of)


def _public_lists(lang: str) -> None:
    """The real national designations (data/public_lists/) against the clause (九) target, each row with
    its source, and MIIT's related list as a different programme; apart from demo and imported clusters."""
    lists = appdb.load(pq.lists)
    if lists.empty:
        return
    zh = lang == "zh"
    st.subheader(t("clusters.public_title"))
    st.caption(t("clusters.public_caption"))
    counted = lists[lists["counts_to_tier"].notna()]
    ui.chart(charts.public_progress(lists, lang, t("clusters.public_subtitle")),
             counted[["list_slug", "name_zh", "name_en", "announced_total", "verified", "target_count", "source_url"]],
             "clusters_public")
    for r in counted.itertuples():
        note = t("clusters.public_note", name=r.name_zh if zh else r.name_en,
                  publisher=r.publisher_zh if zh else r.publisher_en,
                  document=r.document if zh else r.document_en,
                  year=r.announced_year, total=r.announced_total, verified=r.verified,
                  missing=int(r.announced_total) - int(r.verified))
        st.markdown(f"{note} [{t('clusters.col_source')}]({r.source_url})")
    rows = appdb.load(pq.public_clusters)
    names = dict(zip(lists["list_slug"], lists["name_zh" if zh else "name_en"], strict=True))
    st.markdown(f"**{t('clusters.public_table')}**")
    ndrc = rows[rows["list_slug"].isin(counted["list_slug"])]
    ui.table(_public_table(ndrc, names, lang), "clusters_public_table", width="stretch",
             column_config={t("clusters.col_source"): st.column_config.LinkColumn()})
    related = lists[lists["counts_to_tier"].isna()]
    if not related.empty:
        with st.expander(t("clusters.related_title"), icon=":material/link:"):
            st.caption(t("clusters.related_note"))
            for r in related.itertuples():
                st.markdown(t("clusters.related_line", name=r.name_zh if zh else r.name_en,
                               total=r.announced_total, verified=r.verified)
                            + f" [{t('clusters.col_source')}]({r.source_url})")
            others = rows[rows["list_slug"].isin(related["list_slug"])]
            ui.table(_public_table(others, names, lang), "clusters_related_table", width="stretch",
                     column_config={t("clusters.col_source"): st.column_config.LinkColumn()})


def _public_table(rows: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    zh = lang == "zh"
    return pd.DataFrame({
        t("clusters.col_name"): rows["name"],
        t("clusters.col_field"): rows["field_zh"],
        t("clusters.col_sector"): [sector_name(s, lang) if isinstance(s, str) else "—" for s in rows["sector"]],
        t("clusters.col_province"): rows["province" if zh else "province_en"].fillna("—"),
        t("clusters.col_city"): rows["city" if zh else "city_en"].fillna("—"),
        t("clusters.col_list_year"): rows["designated_year"].astype("Int64"),
        t("clusters.col_source"): rows["source_url"],
        # a store restored from a backup made before migration 011 has neither: "—" and the Chinese note
        t("clusters.col_source_kind"): [t(f"clusters.source_kind_{k}") if isinstance(k, str) else "—"
                                        for k in rows["source_kind"]],
        t("clusters.col_source_note"): rows["source_publisher"] if zh else
        rows["source_publisher_en"].fillna(rows["source_publisher"]),
        t("clusters.col_list"): rows["list_slug"].map(names),
    })


def _table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    factor, unit = money_unit(lang)
    zh = lang == "zh"
    return pd.DataFrame({
        t("clusters.col_name"): table["name"],
        t("clusters.col_tier"): [taxonomy.label("tier", s, lang) for s in table["tier"]],
        t("clusters.col_status"): [taxonomy.status_label(tier, s, lang)
                                    for tier, s in zip(table["tier"], table["status"], strict=True)],
        t("clusters.col_sector"): [sector_name(s, lang) for s in table["sector"]],
        t("clusters.col_province"): table["province_short" if zh else "province_en"].fillna("—"),
        t("clusters.col_city"): table["city_short" if zh else "city_en"].fillna("—"),
        t("clusters.col_batch"): [batch(b, lang) for b in table["batch"]],
        t("clusters.col_year"): table["designated_year"].astype("Int64"),
        t("clusters.col_projects"): table["projects"],
        t("clusters.col_investment", unit=unit): (table["investment_yi"] * factor).round(2),
    })


def _cluster_view(f: filters.Filters, table: pd.DataFrame, lang: str, as_of: str) -> None:
    """One cluster: its facts, its projects, investment by year from its projects, its metrics."""
    zh = lang == "zh"
    ids = table["cluster_id"].tolist()
    labels = {int(r.cluster_id): f"{r.name}（{r.city_short if zh else r.city_en}）" if not pd.isna(
        r.city_short) else r.name for r in table.itertuples()}
    default = int(table.sort_values(["projects", "investment_yi"], ascending=False)["cluster_id"].iloc[0])
    relabel("clusters_pick")
    chosen = st.selectbox(t("clusters.cluster_pick"), ids, index=ids.index(default), format_func=labels.get,
                          key="clusters_pick", help=t("clusters.cluster_pick_help"), placeholder=t("chrome.choose"))
    row = table[table["cluster_id"] == chosen].iloc[0]
    st.subheader(row["name"])
    province, city = row["province_short" if zh else "province_en"], row["city_short" if zh else "city_en"]
    place = province if pd.isna(city) or city == province else f"{province} {city}"
    st.caption(t("clusters.cluster_facts", tier=taxonomy.label("tier", row["tier"], lang),
                  status=taxonomy.status_label(row["tier"], row["status"], lang),
                  sector=sector_name(row["sector"], lang), place=place,
                  batch="" if pd.isna(row["batch"]) else t("clusters.cluster_batch", batch=batch(row["batch"], lang)),
                  year="" if pd.isna(row["designated_year"])
                  else t("clusters.cluster_year", year=int(row["designated_year"]))))

    invest = appdb.load(cq.cluster_investment_years, f, cluster_id=chosen)
    metrics = appdb.load(cq.cluster_metrics, f, cluster_id=chosen)
    if invest.empty:
        st.info(t("clusters.cluster_no_projects"), icon=":material/info:")
    else:
        ui.chart(charts.cluster_investment(invest, lang, as_of), invest, "clusters_one_invest")
    if metrics.empty:
        st.info(t("clusters.no_metrics"), icon=":material/info:")
    else:
        ui.chart(charts.cluster_metrics(metrics, lang, as_of), metrics, "clusters_one_metrics")

    st.markdown(f"**{t('clusters.cluster_projects')}**")
    projects = appdb.load(cq.cluster_projects, f, cluster_id=chosen)
    if projects.empty:
        st.info(t("clusters.cluster_no_projects"), icon=":material/info:")
    else:
        shown = projects.assign(province_short=projects["city_short"], province_en=projects["city_en"])
        table = report.top_projects_table(shown, lang, place="city")
        ui.table(table, "clusters_one_projects", width="stretch", column_config=ui.money_last(table))
