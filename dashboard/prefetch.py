"""Have the browser load the chart and table code while the server still computes the page.

Streamlit's frontend fetches the code of an element (Plotly: a 4.7 MB module whose evaluation takes
~0.6 s of the browser's main thread; the data grid: ~1 MB) only when the first element of that kind
arrives, which on a page whose every chart waits for its queries is after the last query: browser
and server then take turns. :func:`prefetch`, called at the top of every page run, asks the browser to
import those modules at once, so their download and evaluation overlap the queries. The modules are
the ones Streamlit's own ``index`` module imports (same URL, so the browser keeps one copy); a
Streamlit whose files are named otherwise gets no prefetch, and the page works as before.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

# Streamlit's element modules the app's pages draw with, in the order they are wanted.
MODULES = ("PlotlyChart", "DataFrame")


@cache
def module_files() -> tuple[str, ...]:
    """File names of :data:`MODULES` in the installed Streamlit's frontend (``PlotlyChart.<hash>.js``)."""
    folder = Path(st.__file__).parent / "static" / "static" / "js"
    names = []
    for module in MODULES:
        found = sorted(folder.glob(f"{module}.*.js"))
        if len(found) == 1:
            names.append(found[0].name)
    return tuple(names)


@cache
def script() -> str:
    """The module script that imports them, relative to Streamlit's ``index`` module (whatever the
    server's base path); a failed import is left to Streamlit, which retries when it needs the module."""
    names = json.dumps(list(module_files()))
    return ("<script type=\"module\">"
            "const i=document.querySelector('script[type=\"module\"][src*=\"/static/js/index.\"]');"
            f"if(i)for(const n of {names})import(new URL('./'+n,i.src).href).catch(()=>{{}});"
            "</script>")


KEY = "sei_prefetch"


def prefetch() -> None:
    """Ask the browser to load :data:`MODULES` now (a no-op after the first time in a browser tab).

    The script sits in a container of its own that takes no room in the sidebar (a style-only
    ``st.html`` goes to Streamlit's event container, which draws nothing)."""
    if module_files():
        st.html(f"<style>.st-key-{KEY}, [data-testid=stLayoutWrapper]:has(> .st-key-{KEY}) {{display: none}}</style>")
        with st.sidebar.container(key=KEY):
            st.html(script(), unsafe_allow_javascript=True)
