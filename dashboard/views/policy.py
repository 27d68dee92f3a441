"""政策 Policy: the guidance's twenty measures (一)–(二十) as an outline by section, each with the
data that tracks it, or a plain statement that the data does not."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import appdb, taxonomy, ui
from ..formatting import count, join_list, money, percent
from ..i18n import current_lang, tr
from ..queries import clusters, overview
from ..queries import policy as queries
from . import current_filters


def _page(slug: str) -> st.Page:
    """A link target for a page registered by the app (same url_path → same page)."""
    from . import PAGES

    for page_slug, icon, render in PAGES:
        if page_slug == slug:
            return st.Page(render, title=tr(f"nav.{slug}"), icon=icon, url_path=slug)
    raise KeyError(slug)


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(tr("nav.policy"))
    st.caption(tr("policy.intro"))
    st.caption(ui.as_of_line())
    sectors = appdb.load(overview.sector_totals, f).set_index("sector")
    programmes = appdb.load(queries.programme_totals, f).set_index("programme")
    tiers = appdb.load(clusters.tier_progress, f).set_index("tier")
    channels = appdb.load(queries.channel_totals, f).set_index("source")
    measures = taxonomy.measures()
    tracked = sum(m.tracked_by != "none" for m in measures)
    st.caption(tr("policy.tracked_count", n=tracked, m=len(measures) - tracked))
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
                st.caption(tr(key, names=join_list(depts, lang)))


def _tracking(m: taxonomy.Measure, lang: str, sectors: pd.DataFrame, programmes: pd.DataFrame,
              tiers: pd.DataFrame, channels: pd.DataFrame) -> None:
    kind, _, slug = m.tracked_by.partition(":")
    if kind == "sector":
        all_investment = float(sectors["investment_yi"].sum()) or 1.0
        name = taxonomy.label("sector", slug, lang)
        if slug in sectors.index and int(sectors.loc[slug, "projects"]) > 0:
            r = sectors.loc[slug]
            st.markdown(tr("policy.sector_line", name=name, projects=count(int(r["projects"]), lang),
                           money=money(float(r["investment_yi"]), lang),
                           share=percent(float(r["investment_yi"]) / all_investment)))
        else:
            st.caption(tr("policy.empty"))
        st.page_link(_page("sectors"), label=tr("policy.sector_link", name=name), icon=":material/category:",
                     query_params={"sector": slug, "lang": lang})
    elif kind == "targets":
        for t in taxonomy.tiers():
            if t.slug not in tiers.index:
                continue
            r = tiers.loc[t.slug]
            n, target = int(r["designated"]), int(r["target_count"])
            st.markdown(tr("policy.targets_line", name=t.short_zh if lang == "zh" else t.short_en,
                           status=taxonomy.status_label(t.slug, "designated", lang),
                           n=count(n, lang), target=count(target, lang), share=percent(n / target, 0),
                           year=int(r["target_year"])))
        st.caption(tr("policy.targets_year_note"))
        st.page_link(_page("clusters"), label=tr("nav.clusters"), icon=":material/hub:",
                     query_params={"lang": lang})
    elif kind == "programme":
        name = taxonomy.label("programme", slug, lang)
        if slug in programmes.index:
            r = programmes.loc[slug]
            st.markdown(tr("policy.programme_line", name=name, projects=count(int(r["projects"]), lang),
                           money=money(float(r["investment_yi"]), lang)))
        else:
            st.caption(tr("policy.empty"))
    elif kind == "funding":
        clause_channels = [s for s in taxonomy.funding_sources() if s.clause == m.clause]
        total = float(channels["amount_yi"].sum()) or 1.0
        shown = False
        for s in clause_channels:
            amount = float(channels.loc[s.slug, "amount_yi"]) if s.slug in channels.index else 0.0
            st.markdown(tr("policy.funding_line", name=taxonomy.label("funding", s.slug, lang),
                           kind=tr(f"policy.kind_{s.kind}"), money=money(amount, lang),
                           share=percent(amount / total))
                        + ("" if s.named_in_text else tr("policy.funding_not_named")))
            shown = True
        if not shown:
            st.caption(tr("policy.empty"))
        st.page_link(_page("funding"), label=tr("policy.funding_link"), icon=":material/account_balance:",
                     query_params={"lang": lang})
    else:
        note = m.note_zh if lang == "zh" else m.note_en
        st.markdown(f":gray[{tr('policy.untracked')} {note}]")
