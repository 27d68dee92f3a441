"""项目 Projects: a searched, sorted table paged in SQL, a project's detail, CSV/xlsx export of the
filtered set, and the watch list of overdue projects."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable

import pandas as pd
import streamlit as st

from .. import appdb, downloads, taxonomy, ui
from ..charts import projects as charts
from ..formatting import count, money, money_unit
from ..i18n import current_lang, relabel, t
from ..queries import projects as queries
from .base import current_filters

SEARCH_KEY, SORT_KEY, DESC_KEY = "projects_search", "projects_sort", "projects_desc"
SIZE_KEY, PAGE_KEY, TABLE_KEY = "projects_page_size", "projects_page", "projects_table"


def as_of_year() -> tuple[int, bool]:
    """(year, from_data): the latest year with completed investment, else the current year."""
    year = ui.as_of_year()
    return (dt.date.today().year, False) if year is None else (year, True)


def table(df: pd.DataFrame, lang: str, *, numbers: bool = False) -> pd.DataFrame:
    """Rows in the UI language: names for codes, money in 亿元 / CNY bn, id and years as text ('—' when
    unknown), or with ``numbers`` as numbers (empty when unknown), as an export file holds them."""
    factor, _unit = money_unit(lang)

    def year(v: object) -> str:
        return "—" if pd.isna(v) else str(int(v))  # type: ignore[arg-type]

    def whole(column: str, text: Callable[[object], str]) -> pd.Series:
        return df[column].astype("Int64") if numbers else df[column].map(text)

    # the language passed in, never the page's: exports are built outside the page run
    out = pd.DataFrame({
        t("projects.col_id", lang): whole("project_id", str),
        t("projects.col_name", lang): df["name"],
        t("projects.col_owner", lang): df["owner"].fillna("—"),
        t("projects.col_province", lang): df["province_en" if lang == "en" else "province_short"].fillna(
            df["province_code"]),
        t("projects.col_city", lang): df["city_en" if lang == "en" else "city_short"].fillna("—"),
        t("projects.col_sector", lang): [taxonomy.label("sector", s, lang) for s in df["sector"]],
        t("projects.col_stage", lang): [t(f"filters.stage_{s}", lang) if isinstance(s, str) else "—"
                                        for s in df["stage"]],
        t("projects.col_ownership", lang): [t(f"filters.own_{s}", lang) if isinstance(s, str) else "—"
                                            for s in df["ownership"]],
        t("projects.col_start", lang): whole("start_year", year),
        t("projects.col_end", lang): whole("end_year", year),
        t("projects.col_investment", lang): (df["total_investment_yi"] * factor).round(4),
    })
    return out


def export_frames(f, search: str, sort: str, descending: bool, lang: str) -> Iterable[pd.DataFrame]:  # noqa: ANN001
    """The filtered projects as the export files hold them: the table's words, but ids and years as
    numbers (a spreadsheet flagged the table's text "2025" as a number stored as text), empty when unknown."""
    for chunk in appdb.stream(queries.export_batches, f, search=search, sort=sort, descending=descending):
        yield table(chunk, lang, numbers=True)


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("nav.projects"))
    st.caption(t("projects.intro"))
    as_of = ui.as_of_line()

    c1, c2, c3, c4 = st.columns([3, 2, 1.4, 1], vertical_alignment="bottom")  # 1: "Descending" was cut
    search = c1.text_input(t("projects.search"), key=SEARCH_KEY, placeholder=t("projects.search_placeholder"))
    relabel(SORT_KEY)
    sort = c2.selectbox(t("projects.sort"), list(queries.SORT_COLUMNS), key=SORT_KEY,
                        format_func=lambda s: t(f"projects.sort_{s}", lang), placeholder=t("chrome.choose"))
    descending = c3.toggle(t("projects.sort_desc"), value=True, key=DESC_KEY)
    page_size = c4.selectbox(t("projects.page_size"), queries.PAGE_SIZES, index=1, key=SIZE_KEY,
                             placeholder=t("chrome.choose"))
    summary = appdb.load(queries.project_count, f, search=search).iloc[0]
    total = int(summary["projects"])
    if total == 0:
        if search.strip():
            st.info(t("projects.no_match"), icon=":material/search_off:")
        else:
            ui.empty_state()
    else:
        pages = max(1, math.ceil(total / page_size))
        if int(st.session_state.get(PAGE_KEY) or 1) > pages:
            st.session_state[PAGE_KEY] = pages
        p1, p2 = st.columns([1, 5], vertical_alignment="bottom")
        page = int(p1.number_input(t("projects.page"), min_value=1, max_value=pages, step=1, key=PAGE_KEY))
        p2.markdown(t("projects.page_of", page=page, pages=count(pages, lang), total=count(total, lang),
                       money=money(summary["investment_yi"], lang)))
        rows = appdb.load(queries.project_page, f, search=search, sort=sort, descending=descending, page=page,
                          page_size=page_size)
        shown = table(rows, lang)
        display, config = ui.shown(shown, {t("projects.col_investment"): st.column_config.NumberColumn(
            format="%.2f")})
        event = st.dataframe(display, hide_index=True, key=TABLE_KEY, on_select="rerun",
                             selection_mode="single-row", height=min(38 + 35 * len(shown), 640),
                             column_config=config)
        chosen = (event.selection.rows if event is not None else []) or []
        st.caption(t("projects.select_hint"))
        _export(f, search, sort, descending, lang, total)
        if chosen and chosen[0] < len(rows):
            _detail(int(rows.iloc[chosen[0]]["project_id"]), lang, as_of)
    st.divider()
    _watch_list(lang)


def _export(f, search: str, sort: str, descending: bool, lang: str, total: int) -> None:  # noqa: ANN001
    with st.expander(t("projects.export"), icon=":material/download:"):
        cap = queries.EXPORT_CAP
        if total > cap:
            st.warning(t("projects.export_cap", total=count(total, lang), cap=count(cap, lang)))
        else:
            st.caption(t("projects.export_ok", total=count(total, lang)))
        c1, c2 = st.columns(2)
        stamp = dt.date.today().isoformat()
        def frames() -> Iterable[pd.DataFrame]:
            return export_frames(f, search, sort, descending, lang)

        scope = {"filters": f, "search": search, "sort": sort, "descending": descending}
        downloads.button(t("projects.export_csv"), frames, f"projects-{stamp}", kind="csv", what="projects",
                         filters=scope, key="projects_export_csv", where=c1, icon=":material/csv:")
        downloads.button(t("projects.export_xlsx"), frames, f"projects-{stamp}", kind="xlsx", what="projects",
                         filters=scope, key="projects_export_xlsx", where=c2, icon=":material/table:")


def _detail(project_id: int, lang: str, as_of: str) -> None:
    f = current_filters()
    d = appdb.load(queries.project_detail, f, project_id=project_id)
    if d.empty:
        return
    row = d.iloc[0]
    st.subheader(t("projects.detail", name=row["name"]))
    fields = table(d, lang).iloc[0]
    programme = row["programme"]
    fields[t("projects.col_programme")] = (taxonomy.label("programme", programme, lang)
                                            if isinstance(programme, str) else "—")
    st.dataframe(fields.rename("").to_frame(), height=38 + 35 * len(fields))
    if isinstance(row["cluster_name"], str):
        st.caption(t("projects.detail_cluster", name=row["cluster_name"]))
    when = "—" if pd.isna(row["batch_imported_at"]) else pd.Timestamp(row["batch_imported_at"]).strftime(
        "%Y-%m-%d %H:%M")
    st.caption(t("projects.detail_batch", id=int(row["batch_id"]), file=row["batch_file"], when=when))
    _factor, unit = money_unit(lang)
    left, right = st.columns(2)
    with left:
        flows = appdb.load(queries.project_flows, f, project_id=project_id)
        if flows.empty:
            st.caption(t("projects.no_flows"))
        else:
            fig = charts.project_flows(flows, lang, as_of, title=t("projects.flows_title"),
                                       planned=t("projects.planned"), completed=t("projects.completed"),
                                       x_title=t("projects.year"))
            ui.chart(fig, flows, f"project_{project_id}_flows")
    with right:
        funding = appdb.load(queries.project_funding, f, project_id=project_id)
        if funding.empty:
            st.caption(t("projects.no_funding"))
        else:
            fig = charts.project_funding(funding, lang, as_of, title=t("projects.funding_title"),
                                         x_title=t("projects.funding_x", unit=unit))
            ui.chart(fig, funding, f"project_{project_id}_funding")


def _watch_list(lang: str) -> None:
    f = current_filters()
    year, from_data = as_of_year()
    st.header(t("projects.watch"))
    st.markdown(t("projects.watch_intro" if from_data else "projects.watch_intro_now", year=year))
    counts = appdb.load(queries.overdue_counts, f, as_of=year)
    cols = st.columns(len(counts))
    for col, r in zip(cols, counts.itertuples(), strict=True):
        col.metric(t(f"projects.reason_{r.reason}"), count(int(r.projects), lang),
                   money(r.investment_yi, lang), delta_color="off", delta_arrow="off")
    if int(counts["projects"].sum()) == 0:
        st.success(t("projects.watch_none"), icon=":material/task_alt:")
        return
    limit = 500
    rows = appdb.load(queries.overdue_list, f, as_of=year, limit=limit)
    shown = table(rows, lang)
    shown.insert(0, t("projects.col_overdue"), rows["years_overdue"].astype(int))
    shown.insert(0, t("projects.col_reason"), [t(f"projects.reason_{r}") for r in rows["reason"]])
    st.markdown(f"**{t('projects.watch_list', n=limit)}**")
    display, config = ui.shown(shown, {t("projects.col_investment"): st.column_config.NumberColumn(format="%.2f")})
    st.dataframe(display, hide_index=True, height=420, key="projects_watch", column_config=config)
    downloads.button(t("common.download_table"), shown, f"overdue-{year}", kind="csv", what="overdue",
                     filters={"filters": f, "as_of": year}, key="projects_watch_download")
