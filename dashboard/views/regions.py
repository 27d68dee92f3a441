"""区域 Regions: the province map (with the South China Sea inset), cluster cities, the four region
groups compared, and one province's profile.

Streamlit's selection events do not reach choropleth/geo traces (checked in Chromium with 1.67),
so a province picker beside the map sets the province filter and the profile.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import appdb, filters, taxonomy, ui
from ..charts import regions as charts
from ..formatting import count, join_list, money
from ..i18n import current_lang, relabel, t
from ..queries import common
from ..queries import public_lists as public
from ..queries import regions as queries
from .base import current_filters

PICKER_PREFIX = "regions_province_picker"  # + _zh / _en: a selectbox keeps its old labels otherwise
METRIC_KEY = "regions_metric"
METRICS = ("investment", "projects", "clusters")


def _pick_province(key: str) -> None:
    """Picker callback: the chosen province becomes the sidebar's province filter."""
    code = st.session_state.get(key)
    st.session_state[filters.KEY_PROVINCE] = [code] if code else []


def _names(lang: str) -> dict[str, str]:
    provs = appdb.load(common.provinces)
    return dict(zip(provs["code"], provs["name_en"] if lang == "en" else provs["short_name"], strict=True))


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("nav.regions"))
    st.caption(t("regions.intro"))
    as_of = ui.as_of_line()
    names = _names(lang)
    picker_key = f"{PICKER_PREFIX}_{lang}"
    selected = f.provinces[0] if len(f.provinces) == 1 else None
    # Keep the picker in step with the sidebar (e.g. after a reset or a copied link).
    if st.session_state.get(picker_key) != selected:
        st.session_state[picker_key] = selected

    totals = appdb.load(queries.province_totals, f)
    cities = appdb.load(queries.cluster_cities, f)
    relabel(METRIC_KEY)
    metric = st.segmented_control(
        t("regions.metric"), METRICS, format_func=lambda m: t(f"regions.metric_{m}", lang),
        default="investment", key=METRIC_KEY, required=True) or "investment"
    map_col, side = st.columns([4, 1])
    with side:
        st.selectbox(t("regions.picker"), [None, *names], key=picker_key, on_change=_pick_province,
                     args=(picker_key,),
                     format_func=lambda c: t("regions.picker_none", lang) if c is None else names.get(c, c),
                     help=t("regions.picker_help"), placeholder=t("chrome.choose"))
        if len(f.provinces) > 1:
            st.caption(t("regions.multi", n=len(f.provinces)))
        top = totals[totals["investment_yi"] > 0].nlargest(5, "investment_yi")
        if not top.empty:
            st.markdown(f"**{t('regions.top_title')}**")
            st.markdown("\n".join(f"{i}. {names.get(r.code, r.code)} · {money(r.investment_yi, lang)}"
                                  for i, r in enumerate(top.itertuples(), start=1)))
    with map_col:
        if int(totals["projects"].sum()) == 0 and int(totals["clusters"].sum()) == 0:
            ui.empty_state()
            return
        fig = charts.province_map(totals, cities, metric, lang, as_of, selected=selected)
        data = totals.assign(name=totals["code"].map(names))
        ui.chart(fig, data, "regions_map")
        st.caption(t("regions.map_note", counted=_counted(lang)))

    groups = appdb.load(queries.region_groups, f)
    fig = charts.region_groups(groups, lang, as_of)
    ui.chart(fig, groups.assign(name=[charts.group_label(g, lang) for g in groups["region_group"]]),
             "regions_groups", on_select=ui.select_filter("regions_groups", filters.KEY_GROUP))
    st.caption(t("regions.groups_hint"))
    _outside_groups(f, lang)

    st.divider()
    if selected is None:
        st.info(t("regions.profile_hint"), icon=":material/travel_explore:")
        return
    _profile(selected, names.get(selected, selected), lang, as_of)


def _outside_groups(f: filters.Filters, lang: str) -> None:
    """Under the groups' chart: the projects in none of the four groups (香港, 澳门, 台湾), which it leaves out,
    so that its sums and the other pages' totals add up."""
    outside = appdb.load(queries.outside_groups, f)
    if outside.empty:
        return
    unknown = t("regions.groups_outside_unknown", lang)
    places = [unknown if pd.isna(r.province_code) else (r.short_name if lang == "zh" else r.name_en)
              for r in outside.itertuples()]
    st.caption(t("regions.groups_outside", lang, n=count(int(outside["projects"].sum()), lang),
                 money=money(float(outside["investment_yi"].sum()), lang), places=join_list(places, lang)))


def _profile(code: str, name: str, lang: str, as_of: str) -> None:
    f = current_filters()
    st.header(t("regions.profile", name=name))
    kpis = appdb.load(queries.province_kpis, f, province=code).iloc[0]
    if int(kpis["projects"]) == 0 and int(kpis["clusters"]) == 0:
        ui.empty_state()
        _public_lists(f, code, name, lang)
        return
    c1, c2, c3, c4 = st.columns([3.2, 1.6, 3.2, 2.6])  # money needs the room: 'CNY 392.36 bn' was cut in quarters
    c1.metric(t("regions.kpi_investment"), money(kpis["investment_yi"], lang))
    c2.metric(t("regions.kpi_projects"), count(int(kpis["projects"]), lang))
    c3.metric(t("regions.kpi_completed"), money(kpis["completed_yi"], lang))
    c4.metric(t("regions.kpi_clusters"), count(int(kpis["clusters"]), lang),
              help=t("regions.kpi_clusters_help", counted=_counted(lang)))
    left, right = st.columns(2)
    with left:
        sectors = appdb.load(queries.province_sectors, f, province=code)
        if sectors.empty:
            ui.empty_state()
        else:
            fig = charts.province_sectors(sectors, name, lang, as_of)
            ui.chart(fig, sectors, "regions_profile_sectors",
                     on_select=ui.select_filter("regions_profile_sectors", filters.KEY_SECTOR))
    with right:
        trend = appdb.load(queries.province_trend, f, province=code)
        if trend.empty:
            ui.empty_state()
        else:
            ui.chart(charts.province_trend(trend, name, lang, as_of), trend, "regions_profile_trend")
    left, right = st.columns(2)
    with left:
        cities = appdb.load(queries.province_cities, f, province=code)
        if not cities.empty:
            ui.chart(charts.province_cities(cities, name, lang, as_of), cities, "regions_profile_cities")
    with right:
        clusters = appdb.load(queries.province_clusters, f, province=code)
        st.subheader(t("regions.clusters_title", name=name, n=len(clusters)))
        st.caption(t("regions.clusters_caption", counted=_counted(lang)))
        if clusters.empty:
            st.caption(t("common.empty"))
        else:
            ui.table(_cluster_table(clusters, lang), "regions_profile_clusters", height=360)
    _public_lists(f, code, name, lang)


def _counted(lang: str) -> str:
    """What counts towards the targets, each tier in its own words (never 已认定 for all three)."""
    return taxonomy.status_phrase("designated", lang, sep="、" if lang == "zh" else ", ")


def _public_lists(f: filters.Filters, code: str, name: str, lang: str) -> None:
    """The province's real national designations (data/public_lists/), apart from the store's data."""
    rows = appdb.load(public.province_public_clusters, f, province=code)
    st.subheader(t("regions.public_title", name=name))
    st.caption(t("regions.public_caption"))
    if rows.empty:
        st.caption(t("regions.public_none", name=name))
        return
    zh = lang == "zh"
    source = t("regions.col_source")
    table = pd.DataFrame({
        t("regions.col_name"): rows["name"],
        t("regions.col_list"): rows["list_zh" if zh else "list_en"],
        t("regions.col_field"): rows["field_zh"],
        t("regions.col_sector"): [taxonomy.label("sector", s, lang) if isinstance(s, str) else "—"
                                   for s in rows["sector"]],
        t("regions.col_city"): rows["city" if zh else "city_en"].fillna("—"),
        t("regions.col_list_year"): rows["designated_year"].astype("Int64"),
        source: rows["source_url"],
    })
    ui.table(table, "regions_profile_public", width="stretch", column_config={source: st.column_config.LinkColumn()})


def _cluster_table(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("regions.col_name"): df["name"],
        t("regions.col_tier"): [taxonomy.label("tier", t, lang) for t in df["tier"]],
        t("regions.col_status"): [taxonomy.status_label(tier, s, lang)
                                   for tier, s in zip(df["tier"], df["status"], strict=True)],
        t("regions.col_sector"): [taxonomy.label("sector", s, lang) if isinstance(s, str) else "—"
                                   for s in df["sector"]],
        t("regions.col_city"): df["city_en" if lang == "en" else "city_short"].fillna("—"),
        t("regions.col_year"): df["designated_year"].map(lambda y: "—" if pd.isna(y) else str(int(y))),
    })
