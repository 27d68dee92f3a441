"""总览 Summary: where SEI investment stands, in thirty seconds — for leaders."""

from __future__ import annotations

import datetime
import functools

import pandas as pd
import streamlit as st

from .. import appdb, downloads, filters, report, taxonomy, ui
from ..charts import overview as charts
from ..formatting import count, money, percent
from ..i18n import current_lang, relabel, t
from ..queries import public_lists as pq
from .base import current_filters


def render() -> None:
    lang = current_lang()
    f = current_filters()
    st.title(t("summary.title"))
    st.caption(t("summary.caption"))
    as_of_year = ui.as_of_year() or pd.Timestamp.now().year
    snapshot, snapshot_note, snapshot_date = _pick_snapshot()
    run = appdb.load if snapshot is None else functools.partial(appdb.load_at, snapshot)
    data = report.load_summary(run, f, as_of_year, snapshot_date)
    if data.is_empty:
        ui.empty_state()
        return
    as_of = ui.as_of_line()
    if snapshot_note:
        as_of = f"{as_of} · {snapshot_note}"

    _kpis(data, lang)

    st.subheader(t("summary.highlights_title"))
    st.markdown("\n".join(f"- {s}" for s in report.highlights(data, lang)))
    _public_context(lang)

    left, right = st.columns(2)
    with left:
        if data.sectors.empty:
            ui.empty_state(key="summary_sectors_empty")
        else:
            ui.chart(charts.sector_bar(data.sectors, lang, as_of), data.sectors, "summary_sectors",
                     on_select=ui.select_filter("summary_sectors", filters.KEY_SECTOR))
            st.caption(t("summary.sector_hint"))
    with right:
        if data.provinces.empty:
            ui.empty_state(key="summary_provinces_empty")
        else:
            ui.chart(charts.province_bar(data.provinces, lang, as_of), data.provinces, "summary_provinces",
                     on_select=ui.select_filter("summary_provinces", filters.KEY_PROVINCE))
            st.caption(t("summary.province_hint"))

    totals = data.flows[data.flows["is_total"]]
    if totals.empty:
        ui.empty_state(key="summary_trend_empty")
    else:
        ui.chart(charts.trend(data.flows, lang, as_of), totals.drop(columns=["sector", "is_total"]),
                 "summary_trend")

    st.subheader(t("summary.top_title"))
    table = report.top_projects_table(data.projects, lang)
    ui.static_table(table, "summary_top_projects", money=table.columns[-1])

    _export(data, lang, as_of)


LATEST = -1  # the as-of picker's "latest data" (snapshot ids start at 0)
ASOF_KEYS = ("summary_snapshot", "summary_asof_date")  # the pickers' keys (kept while the control is closed)


def _pick_snapshot() -> tuple[int | None, str, datetime.date | None]:
    """'As of' control: the store now, or as it was at an earlier import/revert/change or date.

    Returns the snapshot id (None: now), the line that labels the page and its export, and the date the
    data are shown as of (None: today), which the growth period counts from.

    The control's two pickers are drawn only while it is open (an expander that reruns the page when opened
    or closed; its pickers keep their choice while it is closed, for as long as the reader stays on the page,
    as before). A first visit thus sends the browser neither picker: Streamlit's date picker alone is ~0.2 MB
    of script to fetch and compile (three files no other element of the page needs), and the store's
    snapshots are read only when the control is opened or a choice is in force.
    """
    box = st.expander(t("summary.asof_title"), icon=":material/history:", key="summary_asof", on_change="rerun")
    if box.open:
        snaps = appdb.snapshots()
        labels, times = _snapshot_labels(snaps)
        with box:
            left, right = st.columns(2)
            relabel("summary_snapshot")
            picked = left.selectbox(t("summary.asof_snapshot"), list(labels), key="summary_snapshot",
                                    format_func=labels.get, placeholder=t("chrome.choose"), persist_state="page")
            first = pd.Timestamp(snaps["snapshot_time"].min()).date()
            day = right.date_input(t("summary.asof_date"), value=None, key="summary_asof_date",
                                   min_value=min(first, pd.Timestamp("2020-01-01").date()), max_value="today",
                                   help=t("summary.asof_date_help"), persist_state="page")
    else:
        picked, day = (st.session_state.get(k) for k in ASOF_KEYS)
        if picked in (None, LATEST) and day is None:
            return None, "", None  # the latest data: nothing to read
        snaps = appdb.snapshots()
        labels, times = _snapshot_labels(snaps)
    if day is not None:
        earlier = snaps[snaps["snapshot_time"] < pd.Timestamp(day) + pd.Timedelta(days=1)]
        if earlier.empty:
            st.warning(t("summary.asof_none", date=day.isoformat()))
            return None, "", None
        snapshot = int(earlier["snapshot_id"].max())
        st.info(t("summary.asof_note_date", date=day.isoformat(), id=snapshot), icon=":material/history:")
        return snapshot, t("summary.asof_short", id=snapshot, when=day.isoformat()), day
    if picked in (None, LATEST) or picked not in labels or picked == int(snaps["snapshot_id"].max()):
        return None, "", None
    st.info(t("summary.asof_note", label=labels[picked]), icon=":material/history:")
    return picked, t("summary.asof_short", id=picked, when=times[picked]), pd.Timestamp(times[picked]).date()


def _snapshot_labels(snaps: pd.DataFrame) -> tuple[dict[int, str], dict[int, str]]:
    """The picker's choices (the latest data, then every data change, newest first) by snapshot id, in the
    page's language, and each change's time (UTC, to the minute)."""
    changes = snaps[snaps["changes_data"]]
    changes = changes.iloc[::-1]
    labels = {LATEST: t("summary.asof_now")}  # by snapshot id: a language switch keeps the choice
    times = {}
    for r in changes.itertuples():
        when = pd.Timestamp(r.snapshot_time).strftime("%Y-%m-%d %H:%M")
        times[int(r.snapshot_id)] = when
        labels[int(r.snapshot_id)] = t("summary.asof_item", id=int(r.snapshot_id), when=when,
                                        what=_describe(str(r.commit_message), r.batch_id))
    return labels, times


def _describe(message: str, batch: object) -> str:
    """A snapshot's label (written by the store in English) in the page's language."""
    kind, _, rest = message.partition(" ")
    if kind == "import" and not pd.isna(batch):
        return t("summary.asof_import", file=rest, batch=int(batch))
    if message == "demo data":
        return t("summary.asof_demo")
    if message == "remove demo data":
        return t("summary.asof_demo_removed")
    if kind == "revert":
        return t("summary.asof_revert", batch=rest.removeprefix("batch "))
    if kind == "restore":
        return t("summary.asof_restore")
    return message


def _public_context(lang: str) -> None:
    """Real national figures beside the data: the latest SEI and 三新 shares of GDP and the national
    designations announced, each with its source (data/public_lists/, never the demo)."""
    stats = appdb.load(pq.statistics)
    lists = appdb.load(pq.lists)
    if stats.empty and lists.empty:
        return
    zh = lang == "zh"
    lines = []
    publisher = "source_publisher" if zh else "source_publisher_en"
    for _, r in stats.sort_values("year").groupby("indicator").tail(1).iterrows():
        lines.append(t("summary.public_stat", name=r["name_zh"] if zh else r["name_en"], year=int(r["year"]),
                        value=f"{r['value']:g}{r['unit']}", source=r[publisher], url=r["source_url"]))
    for r in lists[lists["counts_to_tier"].notna()].itertuples():
        lines.append(t("summary.public_list", name=r.name_zh if zh else r.name_en, total=r.announced_total,
                        year=r.announced_year, publisher=r.publisher_zh if zh else r.publisher_en,
                        verified=r.verified, url=r.source_url))
    with st.container(border=True):
        st.markdown(f"**{t('summary.public_title')}**")
        st.markdown("\n".join(f"- {s}" for s in lines))
        st.caption(t("summary.public_caption"))


def _kpis(data: report.SummaryData, lang: str) -> None:
    k = data.kpis.iloc[0]
    year = data.year
    now, delta = data.completed(year), data.growth_text(lang) or None
    cols = [*st.columns(3), *st.columns(3)]
    cols[0].metric(t("summary.kpi_investment"), money(float(k["investment_yi"]), lang),
                   help=t("summary.kpi_investment_help"), border=True)
    cols[1].metric(t("summary.kpi_projects"), count(int(k["projects"]), lang), border=True)
    cols[2].metric(t("summary.kpi_completed", year=year), money(now, lang), delta=delta,
                   help=t("summary.kpi_completed_help"), border=True)
    for col, r in zip(cols[3:], data.tiers.itertuples(), strict=False):
        _tier_card(col, r, data.as_of_year, lang)
    downloads.button(t("summary.targets_download"), lambda: downloads.labelled(data.tiers, lang), "summary_targets",
                     kind="csv",
                     what="chart:summary_targets", filters=data.filters, key="summary_targets__download")


def _tier_card(where: object, r: object, as_of_year: int, lang: str) -> None:
    """A tier's progress towards its target: counted / target, a bar of the share with the yearly pace
    still needed, and what is not counted yet, in the tier's own words (cultivating, reserve).

    Native elements rather than a chart: the meeting export draws the same figures as a bullet chart
    (``charts.target_bullets``); on the page a fourth Plotly figure cost the browser more than the
    three bars say."""
    share = r.designated / r.target_count if r.target_count else 0.0
    kind, values = charts.pace_words(r.designated, r.target_count, r.target_year, as_of_year, lang)
    progress = t(f"summary.progress_{kind}", share=percent(share, 0), **values)
    rest = t("summary.kpi_tier_rest", cultivating=taxonomy.status_label(r.tier, "cultivating", lang),
             reserve=taxonomy.status_label(r.tier, "reserve", lang), c=count(r.cultivating, lang),
             r=count(r.reserve, lang))
    with where.container(border=True):  # type: ignore[attr-defined]
        st.metric(t("summary.kpi_tier", tier=taxonomy.label("tier", r.tier, lang)),
                  t("summary.kpi_tier_value", n=count(r.designated, lang), target=count(r.target_count, lang)),
                  help=t("summary.kpi_tier_help", year=int(r.target_year)))
        st.progress(min(1.0, max(0.0, share)), text=progress)
        st.caption(rest)


def _export(data: report.SummaryData, lang: str, as_of: str) -> None:
    """The meeting export: generated on click (kaleido renders the charts; Chromium prints the PDF)."""
    st.subheader(t("summary.export_title"))
    st.caption(t("summary.export_help"))

    demo = ui.has_demo()

    def html_bytes() -> bytes:
        return report.build_html(data, lang, as_of, demo=demo)

    def pdf_bytes() -> bytes:
        return report.html_to_pdf(report.build_html(data, lang, as_of, demo=demo)) or b""

    # a row as wide as its buttons (a quarter-width column cut "Download HTML (printable)" at 1,280 px)
    a = b = st.container(horizontal=True)
    downloads.file_button(t("summary.export_html"), html_bytes, "sei-summary.html", "text/html",
                          what="summary:html", filters=data.filters,
                          key="summary_export_html", where=a, icon=":material/print:")
    downloads.file_button(t("summary.export_pdf"), pdf_bytes, "sei-summary.pdf", "application/pdf",
                          what="summary:pdf", filters=data.filters,
                          key="summary_export_pdf", where=b, icon=":material/picture_as_pdf:")
