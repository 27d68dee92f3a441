"""Streamlit building blocks shared by the pages: chart frames, KPI cards, empty states, banners."""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from . import appdb, chrome, downloads, sidebar
from .i18n import current_lang, t
from .queries import common as queries

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                 "toImageButtonOptions": {"format": "png", "scale": 2},
                 # Geo maps: an empty world basemap served by the app (static/topojson), never the CDN.
                 "topojsonURL": "./app/static/topojson/"}


def as_of_year() -> int | None:
    """The latest year with completed investment in the store, None while there is none."""
    year = appdb.load(queries.data_status).iloc[0]["as_of_year"]
    return None if pd.isna(year) else int(year)


def has_demo() -> bool:
    """Whether the store holds the demo data."""
    return bool(appdb.load(queries.data_status).iloc[0]["has_demo"])


def as_of_line() -> str:
    """'数据截至2025年 · 更新于 2026-11-27 10:00' — the line every chart carries."""
    status = appdb.load(queries.data_status).iloc[0]
    year = as_of_year() or "—"
    updated = "—" if pd.isna(status["last_import"]) else pd.Timestamp(status["last_import"]).strftime(
        "%Y-%m-%d %H:%M")
    text = t("common.as_of", year=year, updated=updated)
    if bool(status["has_demo"]):
        text += " · " + t("common.demo_tag")
    return text


def chart(fig: go.Figure, data: pd.DataFrame, key: str, *,
          on_select: Callable[[], None] | None = None, selection_mode: str = "points") -> None:
    """A chart with its data download; ``on_select`` makes clicks apply filters."""
    lang = current_lang()
    config = {**PLOTLY_CONFIG, **chrome.plotly_locale(lang)}  # the mode bar's tips in the page's language
    if on_select is not None:
        st.plotly_chart(fig, key=key, on_select=on_select, selection_mode=selection_mode, config=config)
    else:
        st.plotly_chart(fig, key=key, config=config)
    downloads.button(t("common.download_data"), lambda: downloads.labelled(data, lang), key, kind="csv",
                     what=f"chart:{key}", filters=st.session_state.get("filters"), key=f"{key}__download")


MISSING = "—"


def shown(frame: pd.DataFrame, column_config: dict[str, object] | None = None
          ) -> tuple[pd.DataFrame, dict[str, object]]:
    """A table as a data grid shows it, with its column formats: a missing value reads '—' (the grid
    writes a missing number as "None"). A number column with gaps becomes text, right-aligned, its
    whole numbers as they are (years), others and money columns (``%.2f`` in ``column_config``) with two
    decimals; the frame a download gets is the caller's, untouched."""
    config = dict(column_config or {})
    out = frame
    for column in frame.columns:
        values = frame[column]
        if not values.isna().any():
            continue
        if out is frame:
            out = frame.copy()
        if pd.api.types.is_numeric_dtype(values.dtype):
            given = config.get(column)
            two = isinstance(given, dict) and (given.get("type_config") or {}).get("format") == "%.2f"
            out[column] = [MISSING if pd.isna(v) else f"{v:,.2f}" if two or not float(v).is_integer()
                           else str(int(v)) for v in values.to_numpy(dtype=object)]
            config[column] = st.column_config.TextColumn(alignment="right")
        else:
            out[column] = values.astype(object).where(values.notna(), MISSING)
    return out, config


def table(frame: pd.DataFrame, key: str, **kwargs: object) -> None:
    """A table with its download (the table toolbar's own CSV export is off: see .streamlit/config.toml)."""
    display, config = shown(frame, kwargs.pop("column_config", None))  # type: ignore[arg-type]
    st.dataframe(display, hide_index=True, key=f"{key}__table", column_config=config,
                 **kwargs)  # type: ignore[arg-type]
    downloads.button(t("common.download_table"), frame, key, kind="csv", what=f"table:{key}",
                     filters=st.session_state.get("filters"), key=f"{key}__download")


def money_last(table: pd.DataFrame) -> dict[str, object]:
    """:func:`table`'s column formats for a project table, whose last column is money: two decimals."""
    return {table.columns[-1]: st.column_config.NumberColumn(format="%.2f")}


def static_table(frame: pd.DataFrame, key: str, money: str | None = None) -> None:
    """A short table drawn as one plain HTML table (:func:`html_table`), with its download; ``money`` names
    the column shown with two decimals. For the ten rows of a leader's summary, :func:`table`'s data grid
    made the browser fetch, compile and run its 1.5 MB of code and draw a canvas; ``st.table`` drew every
    cell as a Markdown element of its own (66 for the summary's table) and needed ~0.9 MB of Arrow code."""
    text_table(frame, money=money)
    downloads.button(t("common.download_table"), frame, key, kind="csv", what=f"table:{key}",
                     filters=st.session_state.get("filters"), key=f"{key}__download")


# ``st.table``'s look (Streamlit 1.67, its default theme sizes), drawn from the text's own colour as it draws
# from the theme's: borders at 10% of the ink, header cells at 70% (a header cell's borders, in its fainter
# ink, at 1/7 of it: the same 10%). Numbers right-aligned; a cell nowraps up to 25rem, then wraps.
TABLE_CLASS = "sei-table"
TABLE_CSS = (
    f".{TABLE_CLASS}{{font-size:.875rem;line-height:1.5;width:100%;max-width:100%;overflow:auto;"
    "border:1px solid color-mix(in srgb,currentColor 10%,transparent);border-radius:.5rem}"
    f".{TABLE_CLASS} table{{border-spacing:0;display:inline-table;vertical-align:top;min-width:100%;margin:0;"
    "font-size:inherit;color:inherit}"
    f".{TABLE_CLASS} :is(th,td){{padding:.25rem .375rem;vertical-align:middle;font-weight:400;text-align:left;"
    "white-space:nowrap;border:0 solid color-mix(in srgb,currentColor 10%,transparent);"
    "border-width:0 1px 1px 0}"
    f".{TABLE_CLASS} th{{padding-left:.5rem;color:color-mix(in srgb,currentColor 70%,transparent);"
    "border-color:color-mix(in srgb,currentColor 14.2857%,transparent)}"
    f".{TABLE_CLASS} :is(th,td):last-child{{border-right:0}}"
    f".{TABLE_CLASS} tbody tr:last-child td{{border-bottom:0}}"
    f".{TABLE_CLASS} td.num{{text-align:right}}"
    f".{TABLE_CLASS} :is(th,td) > span{{display:inline-block;max-width:25rem;white-space:normal;vertical-align:top}}"
    f".{TABLE_CLASS} :is(th,td).one > span{{white-space:nowrap;max-width:none}}"
    f".{TABLE_CLASS} td.any > span{{overflow-wrap:anywhere}}"
)


def html_table(frame: pd.DataFrame, money: str | None = None, right: tuple[str, ...] = (),
               wrap: tuple[str, ...] | None = None) -> str:
    """``frame`` as one HTML table for ``st.html``, with its style sheet: header cells (``scope="col"``) in
    the frame's order, every cell's text HTML-escaped (shown as it is: no Markdown, no tags), a missing
    value empty, ``money``'s values with two decimals, number columns and ``right``'s right-aligned (as
    ``st.table`` aligns them). A cell's text stays on one line up to 25rem, then wraps; with ``wrap``, only
    those columns' cells wrap (anywhere: a long file name with no break in it), the others' cells and every
    header never. One element for the browser to draw, however many cells."""
    def classes(*names: str) -> str:
        return f' class="{" ".join(names)}"' if names else ""

    one = () if wrap is None else tuple(c for c in frame.columns if c not in wrap)
    heads = "".join(f'<th scope="col"{classes(*(["one"] if wrap is not None else []))}>'
                    f'<span>{_cell(c) or "&nbsp;"}</span></th>' for c in frame.columns)
    columns = []
    for column in frame.columns:
        values = frame[column]
        fmt = _money if column == money else str
        texts = ["" if pd.isna(v) else _cell(fmt(v)) for v in values.to_numpy(dtype=object)]
        numeric = pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype)
        names = [*(["num"] if numeric or column in right else []), *(["one"] if column in one else []),
                 *(["any"] if wrap is not None and column in wrap else [])]
        columns.append((classes(*names), texts))
    rows = "".join("<tr>" + "".join(f"<td{cls}><span>{texts[i] or '&nbsp;'}</span></td>" for cls, texts in columns)
                   + "</tr>" for i in range(len(frame)))
    return (f'<style>{TABLE_CSS}</style><div class="{TABLE_CLASS}"><table><thead><tr>{heads}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def _cell(value: object) -> str:
    """A cell's text, HTML-escaped (quotes too)."""
    return html.escape(str(value), quote=True)


def text_table(frame: pd.DataFrame, money: str | None = None, right: tuple[str, ...] = (),
               wrap: tuple[str, ...] | None = None) -> None:
    """``frame`` drawn as one plain HTML table (:func:`html_table`) with no download: a cell's text wraps, in any
    script (the data grid wraps only at spaces, and only in tall rows, so it cut off long messages); ``money``
    names the column shown with two decimals, ``right`` the columns aligned right, ``wrap`` the only columns
    that wrap. It was ``st.table`` through pandas' Styler, every cell a Markdown element with its text escaped."""
    st.html(html_table(frame, money=money, right=right, wrap=wrap))


def _money(value: float) -> str:
    return f"{value:,.2f}"


def empty_state(key: str = "empty_reset") -> None:
    """What a filter that leaves nothing shows, with a way out (pass a ``key`` per chart when a page
    shows more than one)."""
    st.info(t("common.empty"), icon=":material/filter_alt_off:")
    st.button(t("common.reset"), key=key, on_click=sidebar.reset)


def select_filter(chart_key: str, filter_key: str) -> Callable[[], None]:
    """An ``on_select`` callback: clicked points' first customdata value becomes the filter.

    Charts put the slug or code of each bar/point in ``customdata[0]``; a click on the
    sector bar for 新能源 sets the sidebar's sector filter to ``['new_energy']``.
    """

    def apply() -> None:
        event = st.session_state.get(chart_key) or {}
        points = (event.get("selection") or {}).get("points") or []
        values = []
        for point in points:
            data = point.get("customdata")
            value = data[0] if isinstance(data, list | tuple) and data else data
            if value is not None and value not in values:
                values.append(value)
        if values:
            st.session_state[filter_key] = values

    return apply
