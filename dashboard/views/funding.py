"""资金 Funding: government vs market money, each channel, by sector and start year, ownership mix."""

from __future__ import annotations

import streamlit as st

from .. import appdb, filters, taxonomy, ui
from ..charts import funding as charts
from ..formatting import join_list, money, money_unit, percent
from ..i18n import current_lang, t
from ..queries import funding as queries
from .base import current_filters


def _kinds() -> dict[str, str]:
    return {s.slug: s.kind for s in taxonomy.funding_sources()}


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("nav.funding"))
    st.caption(t("funding.intro"))
    as_of = ui.as_of_line()
    mix = appdb.load(queries.funding_mix, f)
    owners = appdb.load(queries.ownership_mix, f)
    if mix.empty or float(mix["amount_yi"].sum()) <= 0:
        ui.empty_state()
        return
    _, unit = money_unit(lang)
    kinds = _kinds()
    mix = mix.assign(kind=mix["source"].map(kinds).fillna("market"))
    total = float(mix["amount_yi"].sum())
    gov = float(mix.loc[mix["kind"] == "government", "amount_yi"].sum())
    market = total - gov
    invest = float(owners["investment_yi"].sum())
    c1, c2, c3 = st.columns(3)
    c1.metric(t("funding.kpi_total"), money(total, lang),
              help=t("funding.kpi_total_help", total=money(invest, lang)))
    c2.metric(t("funding.kpi_government"), money(gov, lang),
              t("funding.kpi_share", share=percent(gov / total)), delta_color="off", delta_arrow="off")
    c3.metric(t("funding.kpi_market"), money(market, lang),
              t("funding.kpi_share", share=percent(market / total)), delta_color="off", delta_arrow="off")

    kind_names = {"government": t("funding.kind_government"), "market": t("funding.kind_market")}
    totals = (mix.groupby(["source", "kind"], as_index=False)[["amount_yi", "projects"]].sum())
    fig = charts.channels(totals, lang, as_of, title=t("funding.channels_title"),
                          x_title=t("funding.channels_x", unit=unit), kind_names=kind_names)
    data = totals.assign(channel=[charts.channel_name(s, lang) for s in totals["source"]],
                         kind_name=totals["kind"].map(kind_names))
    ui.chart(fig, data, "funding_channels")
    by_sector = mix.groupby(["sector", "source"], as_index=False)["amount_yi"].sum()
    fig = charts.by_sector(by_sector, lang, as_of, title=t("funding.sector_title"),
                           x_title=t("funding.sector_x"))
    ui.chart(fig, by_sector, "funding_by_sector", on_select=ui.select_filter(
        "funding_by_sector", filters.KEY_SECTOR))
    by_year = mix.groupby(["start_year", "source"], as_index=False)["amount_yi"].sum()
    fig = charts.by_year(by_year, lang, as_of, title=t("funding.year_title"), x_title=t("funding.year_x"),
                         y_title=t("funding.year_y", unit=unit))
    ui.chart(fig, by_year, "funding_by_year")

    st.markdown(t("funding.clause_head"))
    sep = "  \n"  # the channels on a line of their own under the quote
    for clause, key in (("十四", "clause_14"), ("十五", "clause_15"), ("十六", "clause_16"), ("十一", "clause_11")):
        names = join_list((charts.channel_name(s.slug, lang) for s in taxonomy.funding_sources()
                           if s.clause == clause and s.named_in_text), lang)
        st.markdown(f"- {t(f'funding.{key}')}{sep}{t('funding.clause_items', names=names)}")
    unnamed = [charts.channel_name(s.slug, lang) for s in taxonomy.funding_sources() if not s.named_in_text]
    if unnamed:
        st.markdown(f"- {t('funding.not_named', names=join_list(unnamed, lang))}")

    names = {o.slug: t(f"filters.own_{o.slug}") for o in taxonomy.ownership_terms()}
    names["unknown"] = t("funding.own_unknown")
    fig = charts.ownership(owners, lang, as_of, title=t("funding.own_title"), names=names,
                           investment_title=t("funding.own_investment", unit=unit),
                           projects_title=t("funding.own_projects"))
    ui.chart(fig, owners.assign(name=owners["ownership"].map(names)), "funding_ownership")

