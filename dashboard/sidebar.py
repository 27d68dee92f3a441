"""The sidebar: language switch and the filters every page applies, bound to the URL."""

from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from . import appdb, filters, taxonomy
from .filters import Filters
from .i18n import LANG_LABELS, current_lang, note_switch, relabel, t
from .queries import common as queries


def _year_range() -> tuple[int, int]:
    bounds = appdb.load(queries.year_bounds).iloc[0]
    if pd.isna(bounds["first"]):
        return (filters.YEAR_MIN, filters.YEAR_MIN + 7)
    first, last = int(bounds["first"]), int(bounds["last"])
    return (first, max(last, first + 1))


def _defaults(years: tuple[int, int]) -> dict[str, object]:
    return {
        filters.KEY_YEARS: years, filters.KEY_SECTOR: [], filters.KEY_SUBFIELD: [],
        filters.KEY_PROVINCE: [], filters.KEY_GROUP: [], filters.KEY_TIER: [], filters.KEY_STAGE: [],
        filters.KEY_OWNERSHIP: [], filters.KEY_BATCH: None,
    }


def batch_label(batch_id: int, file_name: str, is_demo: object = False) -> str:
    """How the batch filter shows a batch, in the page's language: the demo batch's stored name is
    bilingual (演示数据（虚构）Demo dataset (synthetic)), so it is named from the locale instead."""
    return f"#{batch_id} {t('upload.demo_batch') if bool(is_demo) else file_name}"


_BATCH_IN_URL = re.compile(r"\s*#?\s*(\d+)")
_BATCH_SEEDED = "_batch_from_url"  # session key: the link's ?batch= was read once in this session


def batch_from_url(value: str | None, batch_ids: Collection[str]) -> str | None:
    """The batch a link names: ``?batch=12``, or the label links carried before the id did
    (``#12 江苏.xlsx``, ``#1 演示数据（虚构）Demo dataset (synthetic)``); None if no committed batch."""
    match = _BATCH_IN_URL.match(value or "")
    return match.group(1) if match and match.group(1) in batch_ids else None


def _batch_filter(sb: DeltaGenerator, batch_names: dict[str, str]) -> None:
    """The batch picker. Not bound to the URL as the other filters are: a bound select box writes its
    shown label into the link, which would carry one language's words (and the demo batch's name was
    both languages at once). The link carries the batch id instead, read on a session's first run."""
    if _BATCH_SEEDED not in st.session_state:
        st.session_state[_BATCH_SEEDED] = True
        from_url = batch_from_url(st.query_params.get(filters.KEY_BATCH), batch_names)
        if from_url is not None:
            st.session_state[filters.KEY_BATCH] = from_url
    if st.session_state.get(filters.KEY_BATCH) not in (None, *batch_names):
        st.session_state[filters.KEY_BATCH] = None  # a reverted batch is no choice
    sb.selectbox(t("filters.batch"), options=list(batch_names), format_func=batch_names.get,
                 index=None, key=filters.KEY_BATCH, placeholder=t("filters.all"))
    chosen = st.session_state.get(filters.KEY_BATCH)
    if chosen is None:
        if filters.KEY_BATCH in st.query_params:
            del st.query_params[filters.KEY_BATCH]
    elif st.query_params.get(filters.KEY_BATCH) != chosen:
        st.query_params[filters.KEY_BATCH] = chosen


def set_filters(**values: object) -> None:
    """A callback that sets sidebar filters (by widget key) before the next run draws them."""
    for key, value in values.items():
        st.session_state[key] = value


def reset() -> None:
    """Clear every filter (a callback: runs before the page re-renders)."""
    for key, value in _defaults(_year_range()).items():
        st.session_state[key] = value


def language_switch() -> str:
    """中文 / English, bound to ``?lang=`` so a copied link keeps its language; Chinese by default.

    The bound URL value is the label (``?lang=English``); the short codes ``?lang=en`` and
    ``?lang=zh`` are accepted too on first load."""
    if "lang" not in st.session_state:
        code = st.query_params.get("lang")
        label = {v: k for k, v in LANG_LABELS.items()}.get(code) if code else None
        if label:
            st.session_state["lang"] = label
    st.sidebar.segmented_control(
        "语言 / Language", options=list(LANG_LABELS), key="lang", required=True, default="中文",
        bind="query-params",
    )
    note_switch()
    return current_lang()


# The filters whose options are shown in the page's language (the years are numbers)
LABELLED = (filters.KEY_SECTOR, filters.KEY_SUBFIELD, filters.KEY_GROUP, filters.KEY_PROVINCE, filters.KEY_TIER,
            filters.KEY_STAGE, filters.KEY_OWNERSHIP, filters.KEY_BATCH)


def render() -> Filters:
    """Draw the filters and return what they select."""
    lang = current_lang()
    years = _year_range()
    relabel(*LABELLED)
    sb = st.sidebar
    sb.markdown(f"### {t('filters.title')}")
    sb.slider(t("filters.years"), min_value=years[0], max_value=years[1], value=years,
              key=filters.KEY_YEARS, bind="query-params", help=t("filters.years_help"))
    sector_names = {s.slug: (s.short_zh if lang == "zh" else s.short_en) for s in taxonomy.sectors()}
    sector_names[filters.UNCLASSIFIED] = t("filters.unclassified")
    sb.multiselect(t("filters.sectors"), options=list(sector_names), format_func=sector_names.get,
                   key=filters.KEY_SECTOR, bind="query-params", placeholder=t("filters.all"))
    chosen = st.session_state.get(filters.KEY_SECTOR) or []
    subs = {sf.slug: (sf.name_zh if lang == "zh" else sf.name_en)
            for s in taxonomy.sectors() if not chosen or s.slug in chosen for sf in s.subfields}
    sb.multiselect(t("filters.subfields"), options=list(subs), format_func=subs.get,
                   key=filters.KEY_SUBFIELD, bind="query-params", placeholder=t("filters.all"))
    sb.multiselect(t("filters.groups"), options=[g.slug for g in taxonomy.region_groups()],
                   format_func=lambda g: taxonomy.label("region_group", g, lang),
                   key=filters.KEY_GROUP, bind="query-params", placeholder=t("filters.all"))
    provs = appdb.load(queries.provinces)
    scope = appdb.scoped(None).scope
    if scope:  # an account limited to some provinces is offered only those
        provs = provs[provs["code"].isin(scope)]
    prov_names = dict(zip(provs["code"], provs["short_name"] if lang == "zh" else provs["name_en"],
                          strict=True))
    sb.multiselect(t("filters.provinces"), options=list(prov_names), format_func=prov_names.get,
                   key=filters.KEY_PROVINCE, bind="query-params", placeholder=t("filters.all"))
    tiers = {t.slug: (t.short_zh if lang == "zh" else t.short_en) for t in taxonomy.tiers()}
    sb.multiselect(t("filters.tiers"), options=list(tiers), format_func=tiers.get,
                   key=filters.KEY_TIER, bind="query-params", placeholder=t("filters.all"),
                   help=t("filters.tiers_help"))
    sb.multiselect(t("filters.stages"), options=[s.slug for s in taxonomy.stage_terms()],
                   format_func=lambda s: t(f"filters.stage_{s}", lang),
                   key=filters.KEY_STAGE, bind="query-params", placeholder=t("filters.all"))
    sb.multiselect(t("filters.ownership"), options=[o.slug for o in taxonomy.ownership_terms()],
                   format_func=lambda s: t(f"filters.own_{s}", lang),
                   key=filters.KEY_OWNERSHIP, bind="query-params", placeholder=t("filters.all"))
    batches = appdb.load(queries.batches)
    batch_names = {str(r.batch_id): batch_label(r.batch_id, r.file_name, r.is_demo) for r in batches.itertuples()}
    _batch_filter(sb, batch_names)
    sb.button(t("common.reset"), on_click=reset, icon=":material/restart_alt:", key="sidebar_reset",
              width="stretch")
    return appdb.scoped(filters.from_state(st.session_state, years))  # the scope rides along (export headers)
