"""The sidebar: language switch and the filters every page applies, bound to the URL."""

from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


def history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward button: then the address is the
    view asked for, a filter it does not name included (that entry had none)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.is_history_navigation)


def _batch_filter(sb: DeltaGenerator, batch_names: dict[str, str]) -> None:
    """The batch picker. Not bound to the URL as the other filters are: a bound select box writes its
    shown label into the link, which would carry one language's words (and the demo batch's name was
    both languages at once). The link carries the batch id instead, read on a session's first run and
    on Back or Forward."""
    if _BATCH_SEEDED not in st.session_state or history_navigation():
        first = _BATCH_SEEDED not in st.session_state
        st.session_state[_BATCH_SEEDED] = True
        from_url = batch_from_url(st.query_params.get(filters.KEY_BATCH), batch_names)
        if from_url is not None or not first:
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
_URL_WRITTEN = "_filters_in_url"  # session key: {filter key: the values this session last put in the link}


def _names(key: str, lang: str, provinces: pd.DataFrame | None = None) -> dict[str, str]:
    """A labelled filter's options in ``lang``: {value (taxonomy key, region code): label}."""
    zh = lang == "zh"
    if key == filters.KEY_SECTOR:
        names = {s.slug: (s.short_zh if zh else s.short_en) for s in taxonomy.sectors()}
        return {**names, filters.UNCLASSIFIED: t("filters.unclassified", lang)}
    if key == filters.KEY_SUBFIELD:
        return {sf.slug: (sf.name_zh if zh else sf.name_en) for s in taxonomy.sectors() for sf in s.subfields}
    if key == filters.KEY_GROUP:
        return {g.slug: taxonomy.label("region_group", g.slug, lang) for g in taxonomy.region_groups()}
    if key == filters.KEY_PROVINCE:
        assert provinces is not None
        return dict(zip(provinces["code"], provinces["short_name"] if zh else provinces["name_en"], strict=True))
    if key == filters.KEY_TIER:
        return {tier.slug: (tier.short_zh if zh else tier.short_en) for tier in taxonomy.tiers()}
    if key == filters.KEY_STAGE:
        return {s.slug: t(f"filters.stage_{s.slug}", lang) for s in taxonomy.stage_terms()}
    if key == filters.KEY_OWNERSHIP:
        return {o.slug: t(f"filters.own_{o.slug}", lang) for o in taxonomy.ownership_terms()}
    raise KeyError(key)


def url_values(key: str) -> dict[str, str]:
    """{filter value: the value a link carries} where the two differ: a region group's stored value is
    Chinese (东部), its link value the taxonomy's ASCII key (east)."""
    if key == filters.KEY_GROUP:
        return {g.slug: g.key for g in taxonomy.region_groups() if g.key}
    return {}


def from_url(key: str, values: list[str], provinces: pd.DataFrame | None = None) -> list[str]:
    """The options a link's values name: the language-neutral value the link carries now (new_energy, 330000,
    under_construction, east), or the values and labels links carried before, in either language (新能源, New
    energy; 浙江, Zhejiang, 浙江省; 东部, East); values naming nothing are left out."""
    spelled: dict[str, str] = {}
    for lang in ("en", "zh"):
        spelled.update({label: value for value, label in _names(key, lang, provinces).items()})
    if key == filters.KEY_PROVINCE and provinces is not None:
        spelled.update(dict(zip(provinces["name"], provinces["code"], strict=True)))
    spelled.update({value: value for value in spelled.values()})
    spelled.update({carried: value for value, carried in url_values(key).items()})
    out: list[str] = []
    for v in values:
        value = spelled.get(str(v).strip())
        if value is not None and value not in out:
            out.append(value)
    return out


def _filter(sb: DeltaGenerator, key: str, label: str, names: dict[str, str], provinces: pd.DataFrame | None = None,
            **kwargs: object) -> None:
    """A labelled multiselect filter whose choice the link carries as language-neutral values.

    Streamlit's URL binding writes the shown labels into the link (``?sector=新能源``), which the other
    language reads as no choice: a link copied in one language lost its filters in the other. So the link
    is written here, with the values, and read when it names other values than this session last wrote (a
    link opened, a link from another page); on Back or Forward the address wins, an absent filter cleared.
    An old link's labels still read."""
    written: dict[str, list[str]] = st.session_state.setdefault(_URL_WRITTEN, {})
    in_url = st.query_params.get_all(key)
    if history_navigation():
        st.session_state[key] = [v for v in from_url(key, in_url, provinces) if v in names]
    elif in_url and in_url != written.get(key):
        chosen = [v for v in from_url(key, in_url, provinces) if v in names]
        if chosen:
            st.session_state[key] = chosen
    sb.multiselect(label, options=list(names), format_func=names.get, key=key, placeholder=t("filters.all"),
                   **kwargs)  # type: ignore[arg-type]
    carried = url_values(key)
    chosen = [carried.get(str(v), str(v)) for v in st.session_state.get(key) or []]
    if chosen:
        if in_url != chosen:
            st.query_params[key] = chosen
    elif key in st.query_params:
        del st.query_params[key]
    written[key] = chosen


def link_params(**changed: list[str]) -> dict[str, list[str]]:
    """The filters' URL values for a link to another page (the bound language and years aside, which Streamlit
    carries itself), with ``changed`` ones replaced."""
    params = {key: st.query_params.get_all(key) for key in LABELLED if key in st.query_params}
    return {**params, **changed}


def page_menu(box: DeltaGenerator, pages: list[st.Page]) -> None:
    """The page menu: a link per page carrying the filters' URL values, so a switch is one history entry
    holding them (Streamlit's own menu carries only bound widgets' values: the sidebar then wrote the
    filters into a second entry, and Back led to the same page). The language and the years are bound
    widgets: Streamlit carries them itself."""
    params = link_params()
    for p in pages:
        box.page_link(p, query_params=params or None, width="stretch")
    box.divider()


def render() -> Filters:
    """Draw the filters and return what they select."""
    lang = current_lang()
    years = _year_range()
    relabel(*LABELLED)
    sb = st.sidebar
    sb.markdown(f"### {t('filters.title')}")
    sb.slider(t("filters.years"), min_value=years[0], max_value=years[1], value=years,
              key=filters.KEY_YEARS, bind="query-params", help=t("filters.years_help"))
    _filter(sb, filters.KEY_SECTOR, t("filters.sectors"), _names(filters.KEY_SECTOR, lang))
    chosen = st.session_state.get(filters.KEY_SECTOR) or []
    subs = {sf.slug: (sf.name_zh if lang == "zh" else sf.name_en)
            for s in taxonomy.sectors() if not chosen or s.slug in chosen for sf in s.subfields}
    _filter(sb, filters.KEY_SUBFIELD, t("filters.subfields"), subs)
    _filter(sb, filters.KEY_GROUP, t("filters.groups"), _names(filters.KEY_GROUP, lang))
    provs = appdb.load(queries.provinces)
    scope = appdb.scoped(None).scope
    if scope:  # an account limited to some provinces is offered only those
        provs = provs[provs["code"].isin(scope)]
    _filter(sb, filters.KEY_PROVINCE, t("filters.provinces"), _names(filters.KEY_PROVINCE, lang, provs), provs)
    _filter(sb, filters.KEY_TIER, t("filters.tiers"), _names(filters.KEY_TIER, lang), help=t("filters.tiers_help"))
    _filter(sb, filters.KEY_STAGE, t("filters.stages"), _names(filters.KEY_STAGE, lang))
    _filter(sb, filters.KEY_OWNERSHIP, t("filters.ownership"), _names(filters.KEY_OWNERSHIP, lang))
    batches = appdb.load(queries.batches)
    batch_names = {str(r.batch_id): batch_label(r.batch_id, r.file_name, r.is_demo) for r in batches.itertuples()}
    _batch_filter(sb, batch_names)
    sb.button(t("common.reset"), on_click=reset, icon=":material/restart_alt:", key="sidebar_reset",
              width="stretch")
    return appdb.scoped(filters.from_state(st.session_state, years))  # the scope rides along (export headers)
