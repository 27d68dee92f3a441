"""Streamlit's and Plotly's own words in the page's language.

Streamlit writes some text of its own in English whatever the page's language, and has no setting for it:
the file uploader's button and its "1GB per file • CSV, …" line, the tool tips of a table's toolbar, the
"No results" and "Select all" of an open select box, "Press Enter to apply" under a text box, the "Stop" of
the running widget. :func:`apply` puts one style sheet in the page that hides each of those texts and shows
ours in its place through CSS ``content`` (:data:`SWAPS`), its words from ``dashboard/locales/chrome.toml``
in the page's language; English goes through the same rules with Streamlit's own words. Hidden text leaves
the accessibility tree and generated content joins it, so a button keeps a label, in the page's language.
Plotly's mode bar is translated by Plotly itself (:func:`plotly_locale`, its ``locales`` option).

What is only an attribute (an ``aria-label`` read by screen readers, a ``title``) cannot be reached from
CSS and stays Streamlit's. The menu of a table's column header (Sort ascending, Pin column / Unpin column, its
Format and Statistics submenus) has no mark on its items but their text and order, and the order does not tell
"Pin" from "Unpin": :func:`menu_script` puts our words into those menus' text nodes as they open (a
MutationObserver, installed once per browser tab; the only script of the app, run by ``st.html`` with
``unsafe_allow_javascript``; React does not rewrite a text it never changes). The main menu (Print, Record
screen, "Made with Streamlit") is off: ``client.toolbarMode``."""

from __future__ import annotations

import json

import streamlit as st

from .formatting import join_list
from .i18n import current_lang, t

# (locale key, selector of the element whose own text is replaced, how: see :func:`swap`).
# A tool tip is one floating element for whichever button is hovered or focused: its rule names the button
# (by Streamlit's own aria-label, which does not change with the page's language).
_TIP = ("body:has([data-testid=stElementToolbar] button[aria-label=\"{label}\"]:is(:hover, :focus-visible)) "
        "[data-testid=stTooltipContent] p")
SWAPS: tuple[tuple[str, str, str], ...] = (
    ("upload_button", "[data-testid=stFileUploaderDropzone] [data-testid=stBaseButton-secondary] "
                      "[data-testid=stMarkdownContainer]", "label"),
    # shown over the drop zone while a file is dragged over it (a box of its own, with no test id)
    ("upload_drop", "[data-testid=stFileUploaderDropzone] > div:not([data-testid]) > span", "inline"),
    ("press_enter", "[data-testid=InputInstructions] span", "inline"),
    ("press_enter_form", "[data-testid=stForm] [data-testid=InputInstructions] span", "inline"),
    ("no_results", "[role=listbox][data-empty=true] [role=option] > span", "inline"),
    ("select_all", "[role=option][data-key=__select_all__] > div", "block"),
    ("tip_columns", _TIP.format(label="Show/hide columns"), "block"),
    ("tip_search", _TIP.format(label="Search"), "block"),
    ("tip_fullscreen", _TIP.format(label="Fullscreen"), "block"),
    ("tip_close_fullscreen", _TIP.format(label="Close fullscreen"), "block"),
    ("search_label", "[data-testid=stDataFrameResizable] label", "over"),
    # an empty date box's yyyy / mm / dd (each part is typed into: it stays visible and focusable)
    *((f"date_{part}", f"[data-testid=stDateInputField] [role=spinbutton][data-placeholder=true][data-type={part}]",
       "ink") for part in ("year", "month", "day")),
)

# Plotly's own message ids (its English words) → locale keys.
PLOTLY_WORDS: dict[str, str] = {
    "Zoom": "plotly_zoom", "Pan": "plotly_pan", "Zoom in": "plotly_zoom_in", "Zoom out": "plotly_zoom_out",
    "Autoscale": "plotly_autoscale", "Reset axes": "plotly_reset_axes", "Reset": "plotly_reset",
    "Reset view": "plotly_reset_view", "Download plot": "plotly_download",
    "Download plot as a PNG": "plotly_download_png", "Toggle Spike Lines": "plotly_spikes",
    "Show closest data on hover": "plotly_closest", "Compare data on hover": "plotly_compare",
}
# Tips that are already generated content (Plotly draws a mode bar button's tip from its data-title, and the
# full-screen button Streamlit adds to it is not Plotly's, so not in Plotly's dictionary): only the content
# changes. (locale key, selector of the ::after)
TIPS: tuple[tuple[str, str], ...] = (
    ("tip_fullscreen", ".js-plotly-plot .plotly .modebar-btn[data-title=Fullscreen]"),
    ("tip_close_fullscreen", ".js-plotly-plot .plotly .modebar-btn[data-title=\"Close fullscreen\"]"),
)
PLOTLY_LOCALES = {"zh": "zh-CN", "en": "en"}

# Streamlit's words in a table column's header menu and its submenus (Format, Statistics) → locale keys.
MENU_WORDS: dict[str, str] = {
    "Sort ascending": "menu_sort_asc", "Sort descending": "menu_sort_desc", "Statistics": "menu_statistics",
    "Format": "menu_format", "Autosize": "menu_autosize", "Pin column": "menu_pin", "Unpin column": "menu_unpin",
    "Hide column": "menu_hide", "Copy column name": "menu_copy_name",
    "Automatic": "format_automatic", "Localized": "format_localized", "Plain": "format_plain",
    "Compact": "format_compact", "Dollar": "format_dollar", "Euro": "format_euro", "Yen": "format_yen",
    "Percent": "format_percent", "Scientific": "format_scientific", "Accounting": "format_accounting",
    "Duration": "format_duration", "Distance": "format_distance", "Calendar": "format_calendar",
    "Values": "stat_values", "Empty": "stat_empty", "Distinct": "stat_distinct", "Minimum": "stat_min",
    "Maximum": "stat_max", "Median": "stat_median", "Average": "stat_average", "Sum": "stat_sum",
    "Standard deviation": "stat_std", "25th percentile": "stat_q25", "75th percentile": "stat_q75",
    "Range": "stat_range", "Minimum length": "stat_min_length", "Maximum length": "stat_max_length",
    "Average length": "stat_average_length", "No data": "stat_no_data", "Based on sample": "stat_sampled",
}
MENUS = ("[data-testid=stDataFrameColumnMenu],[data-testid=stDataFrameColumnFormattingMenu],"
         "[data-testid=stDataFrameStatisticsMenu]")
# The script's own element (st.html puts a script in the page's flow): kept out of the layout.
_SCRIPT_MARK = "data-sei-chrome"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes, line breaks and ``<`` escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def swap(selector: str, text: str, how: str = "inline") -> str:
    """CSS that hides the own text of what ``selector`` matches and shows ``text`` in the same place.

    "block" and "inline": both texts share one grid cell, so the box is as wide as the longer of the two and
    nothing overlaps its neighbours whichever language is longer. "label": the same inside a button, where
    ``selector`` is the box around the label's element: the box stays visible, so our text is the
    button's accessible name (a hidden element's generated text is not). "over": ours is laid over the
    old text, the element's own display untouched (for one that Streamlit shows and hides by its
    display). "ink": ours is laid over the old text made transparent, the element still visible (one that is
    focused and typed into)."""
    shown = f"content:{css_string(text)};visibility:visible"
    if how == "ink":
        return (f"{selector}{{-webkit-text-fill-color:transparent;position:relative}}"
                f"{selector}::after{{content:{css_string(text)};-webkit-text-fill-color:currentColor;"
                "position:absolute;left:0;top:0;white-space:nowrap}")
    if how == "label":
        return (f"{selector}{{display:grid;justify-items:center;align-items:center}}"
                f"{selector} > *{{visibility:hidden;grid-area:1/1;margin:0}}{selector}::after{{{shown};grid-area:1/1}}")
    if how == "over":
        return (f"{selector}{{visibility:hidden;position:relative}}"
                f"{selector}::after{{{shown};position:absolute;left:0;top:0;white-space:nowrap}}")
    # a paragraph's bottom margin collapsed away in its box as a block; in a grid it would not
    display = "grid;margin-bottom:0" if how == "block" else "inline-grid"
    return (f"{selector}{{visibility:hidden;display:{display};align-items:center}}"
            f"{selector}::after{{{shown};grid-area:1/1}}")


# The date box's calendar: React Aria draws it in the browser's language (navigator.language), not the
# page's. Its day cells and grid name the weekday and month in that language (aria-label "Sunday,
# November 29, 2026" / "2026年11月29日星期日", grid "Choose date, December 2026" / "…2026年12月"): each rule
# below recognises one weekday in one column, or one month, by either language's name and writes the
# page's word over the column's heading or the month button (their own text at font size 0).
_CALENDAR = "[data-testid=stDateInputCalendar]"
WEEKDAY_NAMES = (("Sunday", "星期日"), ("Monday", "星期一"), ("Tuesday", "星期二"), ("Wednesday", "星期三"),
                 ("Thursday", "星期四"), ("Friday", "星期五"), ("Saturday", "星期六"))
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_CALENDAR_PX = 14  # the calendar's own font size (its headings and month button)
_MONTH_BUTTON = "header button:is([aria-label=month],[aria-label=\"月\"])"  # its label is in the browser's language
_YEAR_BUTTON = "header button:is([aria-label=year],[aria-label=\"年\"])"
# The month and year drop-downs open in a popover of their own; an option's data-key is the month's number
# (1–12) or the year, whatever the browser's language.
_PICKER = "[data-testid=stDateInputHeaderPickerPopover] [role=option]"
_MONTH_KEYS = ",".join(f'[data-key="{m}"]' for m in range(1, 13))
CALENDAR_YEARS = range(2000, 2051)  # the years whose button is written over (the as-of dates lie in 2019–)


def calendar_css(lang: str) -> str:
    """CSS putting the calendar's weekday headings and month in ``lang`` whatever the browser's language."""
    days = t("chrome.calendar_weekdays", lang).split()
    months = t("chrome.calendar_months", lang).split()
    rules = [f"{_CALENDAR} thead th{{font-size:0}}"
             f"{_CALENDAR} thead th::after{{font-size:{_CALENDAR_PX}px}}",
             f"{_CALENDAR} {_MONTH_BUTTON}{{font-size:0}}"
             f"{_CALENDAR} {_MONTH_BUTTON}::before{{font-size:{_CALENDAR_PX}px}}"]
    for col in range(1, 8):
        for day, names in enumerate(WEEKDAY_NAMES):
            seen = ",".join(f"[aria-label*={css_string(n)}]" for n in names)
            rules.append(f"{_CALENDAR} table:has(tbody tr:first-child td:nth-child({col}) :is({seen})) "
                         f"thead th:nth-child({col})::after{{content:{css_string(days[day])}}}")
    for month, name in enumerate(MONTH_NAMES, start=1):
        seen = f'[aria-label*=", {name} "],[aria-label*="年{month}月"]'
        rules.append(f"{_CALENDAR}:has(table:is({seen})) {_MONTH_BUTTON}::before"
                     f"{{content:{css_string(months[month - 1])}}}")
        rules.append(f'{_PICKER}[data-key="{month}"]::after{{content:{css_string(months[month - 1])}}}')
    # the year: "2026" in an English browser, "2026年" in a Chinese one; ours in the page's language. The
    # button's year is read from the grid's label ("Choose date, December 2026" / "…, 2026年12月"), an option's
    # from its data-key.
    suffix = t("chrome.calendar_year", lang, year="")
    rules.append(f"{_CALENDAR} {_YEAR_BUTTON}{{font-size:0}}"
                 f"{_CALENDAR} {_YEAR_BUTTON}::before{{font-size:{_CALENDAR_PX}px}}")
    for year in CALENDAR_YEARS:
        rules.append(f'{_CALENDAR}:has(table:is([aria-label*=" {year}"],[aria-label*="{year}年"])) '
                     f"{_YEAR_BUTTON}::before{{content:{css_string(t('chrome.calendar_year', lang, year=year))}}}")
    # an option's own text at font size 0 (it stays visible and clickable), ours after it
    rules.append(f"{_PICKER}{{font-size:0;display:block}}{_PICKER}::after{{font-size:{_CALENDAR_PX}px}}"
                 f"{_PICKER}:not({_MONTH_KEYS})::after{{content:attr(data-key) {css_string(suffix)}}}")
    return "".join(rules)


def css(lang: str) -> str:
    """The style sheet of :data:`SWAPS`, :data:`TIPS` and the calendar in ``lang``."""
    return ("".join(swap(selector, t(f"chrome.{key}", lang), how) for key, selector, how in SWAPS)
            + "".join(f"{selector}::after{{content:{css_string(t(f'chrome.{key}', lang))}}}" for key, selector in TIPS)
            + calendar_css(lang)
            + f"[data-testid=stElementContainer]:has([{_SCRIPT_MARK}]){{display:none}}")


def menu_words(lang: str) -> dict[str, str]:
    """Streamlit's English words of a column menu → ours in ``lang`` (those that differ)."""
    words = {en: t(f"chrome.{key}", lang) for en, key in MENU_WORDS.items()}
    return {en: ours for en, ours in words.items() if ours != en}


def menu_script(lang: str) -> str:
    """A script that writes :func:`menu_words` over the column menus' texts (and their titles and
    aria-labels) whenever one opens; the observer is installed once, the words replaced on every run."""
    words = json.dumps(menu_words(lang), ensure_ascii=False).replace("<", "\\u003c")
    return (f"<script {_SCRIPT_MARK}>window.seiMenuWords={words};"
            "if(!window.seiMenuObserver){const fix=root=>{const w=window.seiMenuWords||{};"
            "const it=document.createTreeWalker(root,NodeFilter.SHOW_TEXT);"
            "for(let n=it.nextNode();n;n=it.nextNode()){const k=n.nodeValue.trim();"
            "if(Object.hasOwn(w,k)&&!n.parentElement.closest('[data-testid=stIconMaterial]'))"
            "n.nodeValue=n.nodeValue.replace(k,w[k]);}"
            "for(const el of root.querySelectorAll('[title],[aria-label]'))for(const a of ['title','aria-label'])"
            "{const v=el.getAttribute(a);if(v&&Object.hasOwn(w,v))el.setAttribute(a,w[v]);}};"
            "window.seiMenuObserver=new MutationObserver(()=>{"
            f"for(const m of document.querySelectorAll({json.dumps(MENUS)}))fix(m);}});"
            "window.seiMenuObserver.observe(document.body,{childList:true,subtree:true,characterData:true});}"
            "</script>")


def apply() -> None:
    """Put the page's chrome style sheet in the page (a style-only ``st.html`` draws nothing), and the
    column menus' script (its element hidden by that sheet)."""
    lang = current_lang()
    st.html(f"<style>{css(lang)}</style>")
    st.html(menu_script(lang), unsafe_allow_javascript=True)


def plotly_locale(lang: str) -> dict[str, object]:
    """Plotly config entries that make its mode bar speak ``lang``."""
    name = PLOTLY_LOCALES.get(lang, lang)
    return {"locale": name,
            "locales": {name: {"dictionary": {word: t(f"chrome.{key}", lang) for word, key in PLOTLY_WORDS.items()}}}}


def size_text(megabytes: int) -> str:
    """An upload limit as people write it: 1 GB, 200 MB, 1.5 GB."""
    if megabytes >= 1024:
        gb = megabytes / 1024
        return f"{gb:g} GB" if gb == round(gb, 1) else f"{gb:.1f} GB"
    return f"{megabytes} MB"


def upload_limit(key: str, megabytes: int, types: list[str] | tuple[str, ...], lang: str,
                 listed: str | None = None) -> str:
    """CSS for the limit line of the file uploader with widget key ``key``: the limit and the types that
    this uploader is given (the same values the caller passes to ``st.file_uploader``), or ``listed``, the
    caller's words for them."""
    listed = listed or join_list((ext.upper() for ext in types), lang)
    text = t("chrome.upload_limit", lang, size=size_text(megabytes), types=listed)
    selector = f".st-key-{key} [data-testid=stFileUploaderDropzoneInstructions] span"
    # Streamlit keeps the line on one line and cuts it; ours may be longer (the Chinese one lost its last
    # types at 1,280 px), so it wraps
    return swap(selector, text) + f"{selector},{selector}::after{{white-space:normal}}"


def upload_megabytes() -> int:
    """The server's upload limit (``server.maxUploadSize``), in MB."""
    return int(st.get_option("server.maxUploadSize"))


def file_uploader(label: str, types: list[str] | tuple[str, ...], key: str, megabytes: int | None = None,
                  listed: str | None = None, **kwargs: object) -> object:
    """``st.file_uploader`` whose limit line states its real limit (``megabytes``, else the server's
    ``server.maxUploadSize``) and accepted types in the page's language (``listed``: the caller's words for them)."""
    limit = int(megabytes or upload_megabytes())
    st.html(f"<style>{upload_limit(key, limit, types, current_lang(), listed)}</style>")
    return st.file_uploader(label, type=list(types), key=key, max_upload_size=limit, **kwargs)  # type: ignore[call-overload]
