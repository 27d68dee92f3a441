"""政策 Policy: the guidance's twenty measures (一)–(二十) as an outline by section, each with the
data that tracks it, or a plain statement that the data does not."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import appdb, taxonomy, ui
from ..formatting import count, join_list, money, percent
from ..i18n import current_lang, t
from ..queries import clusters, overview
from ..queries import policy as queries
from .base import current_filters, page


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("nav.policy"))
    st.caption(t("policy.intro"))
    st.caption(ui.as_of_line())
    sectors = appdb.load(overview.sector_totals, f).set_index("sector")
    programmes = appdb.load(queries.programme_totals, f).set_index("programme")
    tiers = appdb.load(clusters.tier_progress, f).set_index("tier")
    channels = appdb.load(queries.channel_totals, f).set_index("source")
    measures = taxonomy.measures()
    tracked = sum(m.tracked_by != "none" for m in measures)
    st.caption(t("policy.tracked_count", n=tracked, m=len(measures) - tracked))
    section = None
    for m in measures:
        name = m.section_zh if lang == "zh" else m.section_en
        if name != section:
            section = name
            st.header(name)
        number = f"（{m.clause}）" if lang == "zh" else f"({m.number})"
        title = m.title_zh if lang == "zh" else m.title_en
        with st.container(border=True):
            st.markdown(f"**{number} {title}**")
            _tracking(m, lang, sectors, programmes, tiers, channels)
            depts = [taxonomy.department_name(d, lang) for d in m.lead_departments]
            if depts:
                key = "policy.leads_sentence" if any("牵头" in d for d in m.lead_departments) else "policy.leads"
                st.caption(t(key, names=join_list(depts, lang)))


def _tracking(m: taxonomy.Measure, lang: str, sectors: pd.DataFrame, programmes: pd.DataFrame,
              tiers: pd.DataFrame, channels: pd.DataFrame) -> None:
    kind, _, slug = m.tracked_by.partition(":")
    if kind == "sector":
        all_investment = float(sectors["investment_yi"].sum()) or 1.0
        name = taxonomy.label("sector", slug, lang)
        if slug in sectors.index and int(sectors.loc[slug, "projects"]) > 0:
            r = sectors.loc[slug]
            st.markdown(t("policy.sector_line", name=name, projects=count(int(r["projects"]), lang),
                           money=money(float(r["investment_yi"]), lang),
                           share=percent(float(r["investment_yi"]) / all_investment)))
        else:
            st.caption(t("policy.empty"))
        st.page_link(page("sectors"), label=t("policy.sector_link", name=name), icon=":material/category:",
                     query_params={"sector": slug, "lang": lang})
    elif kind == "targets":
        for tier in taxonomy.tiers():
            if tier.slug not in tiers.index:
                continue
            r = tiers.loc[tier.slug]
            n, target = int(r["designated"]), int(r["target_count"])
            st.markdown(t("policy.targets_line", name=tier.short_zh if lang == "zh" else tier.short_en,
                           status=taxonomy.status_label(tier.slug, "designated", lang),
                           n=count(n, lang), target=count(target, lang), share=percent(n / target, 0),
                           year=int(r["target_year"])))
        st.caption(t("policy.targets_year_note"))
        st.page_link(page("clusters"), label=t("nav.clusters"), icon=":material/hub:",
                     query_params={"lang": lang})
    elif kind == "programme":
        name = taxonomy.label("programme", slug, lang)
        if slug in programmes.index:
            r = programmes.loc[slug]
            st.markdown(t("policy.programme_line", name=name, projects=count(int(r["projects"]), lang),
                           money=money(float(r["investment_yi"]), lang)))
        else:
            st.caption(t("policy.empty"))
    elif kind == "funding":
        clause_channels = [s for s in taxonomy.funding_sources() if s.clause == m.clause]
        total = float(channels["amount_yi"].sum()) or 1.0
        shown = False
        for s in clause_channels:
            amount = float(channels.loc[s.slug, "amount_yi"]) if s.slug in channels.index else 0.0
            st.markdown(t("policy.funding_line", name=taxonomy.label("funding", s.slug, lang),
                           kind=t(f"policy.kind_{s.kind}"), money=money(amount, lang),
                           share=percent(amount / total))
                        + ("" if s.named_in_text else t("policy.funding_not_named")))
            shown = True
        if not shown:
            st.caption(t("policy.empty"))
        st.page_link(page("funding"), label=t("policy.funding_link"), icon=":material/account_balance:",
                     query_params={"lang": lang})
    else:
        note = m.note_zh if lang == "zh" else m.note_en
        st.markdown(f":gray[{t('policy.untracked')} {note}]")
