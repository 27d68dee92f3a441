"""产业领域 Sectors: the eight sectors side by side; a sector drills into sub-fields, then projects."""

from __future__ import annotations

import streamlit as st

from .. import appdb, filters, report, taxonomy, ui
from ..charts import overview as charts
from ..i18n import current_lang, relabel, t
from ..queries import overview as oq
from .base import current_filters

ROMAN = dict(zip("一二三四五六七八九十", ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"), strict=True))
PROJECT_LIMIT = 200


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("sectors.title"))
    st.caption(t("sectors.caption"))
    as_of_year = ui.as_of_year()
    totals = appdb.load(oq.sector_totals, f)
    if totals.empty:
        ui.empty_state()
        return
    flows = appdb.load(oq.sector_year_flows, f)
    as_of = ui.as_of_line()
    years = report.growth_years(flows, f)
    table = report.sector_table(totals, flows, years)

    ui.chart(charts.sector_compare(table, lang, as_of, years), table, "sectors_compare",
             on_select=ui.select_filter("sectors_compare", filters.KEY_SECTOR))
    st.caption(t("sectors.compare_hint"))

    _drill(f, lang, as_of)

    if flows[~flows["is_total"] & flows["completed_yi"].notna()].empty:
        ui.empty_state(key="sectors_trend_empty")
    else:
        ui.chart(charts.sector_trend(flows, lang, as_of, as_of_year),
                 flows[~flows["is_total"]].drop(columns=["is_total"]), "sectors_trend")
    stages = appdb.load(oq.stage_mix, f)
    ui.chart(charts.stage_mix(stages, lang, as_of), stages, "sectors_stages")


def _drill(f: filters.Filters, lang: str, as_of: str) -> None:
    """A sector's profile, its sub-fields (click to filter) and its projects."""
    chosen = [s for s in f.sectors if s != filters.UNCLASSIFIED]
    if not chosen:
        st.info(t("sectors.pick_hint"), icon=":material/touch_app:")
        return
    relabel("sectors_pick")
    slug = chosen[0] if len(chosen) == 1 else st.selectbox(
        t("sectors.pick_sector"), chosen, format_func=lambda s: charts.sector_name(s, lang), key="sectors_pick",
        placeholder=t("chrome.choose"))
    sector = taxonomy.sector(slug)
    clause = sector.clause if lang == "zh" else ROMAN.get(sector.clause, sector.clause)
    st.subheader(t("sectors.profile", name=sector.name_zh if lang == "zh" else sector.name_en, clause=clause))
    names = [taxonomy.department_name(d, lang) for d in sector.lead_departments]
    if lang == "zh":
        st.markdown(f"**{t('sectors.lead_departments')}**：" + "、".join(names) + t("sectors.lead_departments_tail"))
    else:
        st.markdown(f"**{t('sectors.lead_departments')}**: " + "; ".join(names) + t("sectors.lead_departments_tail"))
    st.markdown(f"**{t('sectors.nbs')}**{'：' if lang == 'zh' else ': '}" + t(
        "sectors.nbs_value", n=sector.nbs_group, name=sector.nbs_name_zh if lang == "zh" else sector.nbs_name_en)
        + ("。" if lang == "zh" else ". ") + t("sectors.nbs_approx"))
    notes = [(taxonomy.label("subfield", sf.slug, lang), sf.note_zh if lang == "zh" else sf.note_en)
             for sf in sector.subfields if sf.note_zh]
    if notes:
        with st.expander(t("sectors.beyond_text"), icon=":material/info:"):
            st.markdown("\n".join(f"- **{name}**：{note}" if lang == "zh" else f"- **{name}**: {note}"
                                   for name, note in notes))

    # all sub-fields of the sector, whatever sub-field is already picked, so the analyst can switch
    subs = appdb.load(oq.subfield_totals, f.replace(sectors=(slug,), subfields=()))
    if subs.empty:
        ui.empty_state(key="sectors_subfields_empty")
    else:
        ui.chart(charts.subfield_bar(subs, slug, lang, as_of), subs, "sectors_subfields",
                 on_select=ui.select_filter("sectors_subfields", filters.KEY_SUBFIELD))
        st.caption(t("sectors.subfield_hint"))
    own = [s for s in f.subfields if s in {sf.slug for sf in sector.subfields}]
    scope = f.replace(sectors=(slug,), subfields=tuple(own))
    name = (", ".join(taxonomy.label("subfield", s, lang) for s in own) if own
            else charts.sector_name(slug, lang))
    st.markdown(f"**{t('sectors.projects_title', name=name, n=PROJECT_LIMIT)}**")
    projects = appdb.load(oq.project_list, scope, limit=PROJECT_LIMIT)
    if projects.empty:
        ui.empty_state(key="sectors_projects_empty")
    else:
        table = report.top_projects_table(projects, lang)
        ui.table(table, "sectors_projects", width="stretch", height=420, column_config=ui.money_last(table))
