"""Have the browser load the chart code while the server still computes the page.

Streamlit's frontend fetches the code of an element (Plotly: a 4.7 MB module whose evaluation takes
~0.7 s of the browser's main thread; the data grid: ~1.7 MB with what it imports) only when the first
element of that kind arrives, which on a page whose every chart waits for its queries is after the
last query: browser and server then take turns. Two steps make them overlap:

- The page the server sends for every URL (Streamlit's ``index.html``) names the element modules of
  the sidebar and the landing page and every module they import (:data:`PRELOAD`) as
  ``modulepreload`` links (:class:`PreloadModules`, an ASGI middleware of the app): the browser fetches
  them, Plotly's included, with Streamlit's own code while the server is still starting, instead of
  one waterfall of imports per element kind (measured at ~10M projects: the Plotly module arrives
  ~0.5 s sooner, and the charts are drawn 0.5-1 s sooner after the server's page run ends).
- :func:`prefetch`, at the top of every page run, asks the browser to import (evaluate) the chart
  module at once, so the evaluation overlaps the queries. Not earlier: evaluated before the
  browser has sent its first request over the websocket, it would hold that request back, and with
  it the server's page run. Tried and not kept: starting it just after that request (a wrapped
  ``WebSocket.send``). It came sooner under other load, but on the quiet machine it was later in 5 of
  7 interleaved pairs of three cold starts at ~10M (the evaluation then takes a core from the
  server's warm-up).

The modules are the ones Streamlit's own ``index`` module imports (same URL, so the browser keeps one
copy); a Streamlit whose files are named otherwise gets no preload or prefetch, and the page works as
before.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st

# Streamlit's element modules to evaluate at once, in the order they are wanted: the charts. Not the data
# grid (``DataFrame``): the landing page's table is one ``Html`` element (``ui.static_table``), and a page with a
# grid loads its module when the grid arrives.
MODULES = ("PlotlyChart",)
# Every element module of the sidebar and the landing page (the prefetch itself is an ``Html``): named in
# the page the server sends, so the browser fetches them as the page loads (``PageLink``: the sidebar's menu).
# Not the date picker (``DateInput``, ~0.2 MB with the two files only it imports): the summary's as-of control
# draws it only once opened (``views.summary._pick_snapshot``), and no landing element needs it.
PRELOAD = ("Html", *MODULES, "PageLink", "ButtonGroup", "Multiselect", "Slider", "Selectbox", "Metric", "Progress",
           "DownloadButton")

STATIC = Path(st.__file__).parent / "static"
JS = "static/js"  # where Streamlit's modules are, relative to its index.html


def _files(modules: tuple[str, ...]) -> tuple[str, ...]:
    """File names of ``modules`` in the installed Streamlit's frontend (``PlotlyChart.<hash>.js``); a
    module not found (once) is left out."""
    names = []
    for module in modules:
        found = sorted((STATIC / JS).glob(f"{module}.*.js"))
        if len(found) == 1:
            names.append(found[0].name)
    return tuple(names)


@cache
def module_files() -> tuple[str, ...]:
    """File names of :data:`MODULES`."""
    return _files(MODULES)


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


# --- the page the server sends: fetch the element code as the page loads -------------------------

# A bundled module's static imports open the file (``import{a as b}from"./x.js";``), after at most a
# ``__vite__mapDeps`` line: the file's head is enough to read them.
_IMPORT = re.compile(rb'(?:\bfrom|\bimport)\s*"\./([\w.\-]+\.js)"')
HEAD_BYTES = 16384


def _imports(name: str) -> set[str]:
    try:
        with open(STATIC / JS / name, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return set()
    return {m.decode() for m in _IMPORT.findall(head)}


def _closure(roots: tuple[str, ...]) -> list[str]:
    """``roots`` and the modules they import statically, transitively."""
    seen: dict[str, None] = {}
    todo = list(reversed(roots))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen[name] = None
            todo.extend(sorted(_imports(name) - seen.keys(), reverse=True))
    return list(seen)


@cache
def preload_files() -> tuple[str, ...]:
    """The files of :data:`PRELOAD` and the modules they import, less those Streamlit's page already
    loads (its entry module's imports): empty if the page names no entry module."""
    try:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
    except OSError:
        return ()
    entry = re.search(r'<script type="module"[^>]*\bsrc="\./static/js/([\w.\-]+\.js)"', page)
    if entry is None:
        return ()
    own = set(_closure((entry.group(1),)))
    return tuple(n for n in _closure(_files(PRELOAD)) if n not in own)


@cache
def preload_links() -> bytes:
    """The ``modulepreload`` links of :func:`preload_files`, relative to the page as Streamlit's own.

    At low priority: at the browser's normal priority, the 6.9 MB they name competed with Streamlit's own
    modules and its first requests to the server, and the page's websocket opened ~0.4 s later (median
    of 24 cold starts at ~10M); at low priority, ~0.2 s later, and the page was drawn sooner."""
    return "".join(f'<link rel="modulepreload" crossorigin fetchpriority="low" href="./{JS}/{name}">'
                   for name in preload_files()).encode()


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# of the file, not of the page sent
_DROPPED_HEADERS = {b"content-length", b"content-encoding", b"etag", b"last-modified"}


class PreloadModules:
    """ASGI middleware: the HTML page the server sends (Streamlit's ``index.html``, served for every
    page URL) also carries :func:`preload_links`, just before ``</head>``. Streamlit compresses the page
    of a URL other than the root: such a page is unpacked and sent as it is (~13 KB). Other responses
    pass as they are."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or not preload_links():
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        packed = False
        body: list[bytes] = []

        async def send_page(message: Message) -> None:
            nonlocal start, packed
            if message["type"] == "http.response.start" and message.get("status") == 200:
                headers = {k.lower(): v.lower() for k, v in message.get("headers", [])}
                encoding = headers.get(b"content-encoding", b"identity")
                if headers.get(b"content-type", b"").startswith(b"text/html") and encoding in (b"identity", b"gzip"):
                    start, packed = message, encoding == b"gzip"  # held back until the page is complete
                    return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            page = b"".join(body)
            if packed:
                page = gzip.decompress(page)
            page = page.replace(b"</head>", preload_links() + b"</head>", 1)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _DROPPED_HEADERS]
            await send({**start, "headers": [*headers, (b"content-length", str(len(page)).encode())]})
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, send_page)
