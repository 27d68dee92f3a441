"""Warm the app process at server start, before the first browser asks for a page.

The first page after a start used to pay, in its own run, for importing the pages (pandas, Plotly, the
store), opening the lake and copying the rollups into memory. The server is otherwise idle between
listening and the first page run (the browser is loading Streamlit's scripts), so the start-up hook
does that work then, in a background thread: the server listens at once, and a page run that comes
early waits only for what is still under way (imports share Python's import locks, the connection
Streamlit's resource cache, the copy :mod:`dashboard.appdb`'s lock). A failure here is only logged:
the page run does the same work again and reports the error in the user's language.

The landing page's results are read from the file an earlier start kept for this data version when
there is one (see :func:`dashboard.appdb.warm`), else its queries run and the file is written once the
first page is out. The landing page's queries read the lake directly, on one DuckDB thread
(``store.engine.one_thread``); their tables are copied into memory (for the pages and filter changes that
follow) only once the first page is out, so the copy is not on the first page's path. Objects that
live as long as the process (modules, cached results) are moved out of the garbage collector's sight
(``gc.freeze``): Streamlit collects after every page run, and scanning the objects of pandas, Plotly
and Streamlit at each collection cost ~0.1-0.3 s at start.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported at server start: nothing heavy before the server listens
    from . import appdb

log = logging.getLogger(__name__)
THREAD = "sei-warm-up"

done = threading.Event()  # set when the warm-up has finished (or failed)
served = threading.Event()  # set when a page run has finished (dashboard.shell)
COPY_WAIT_S = 60.0  # the longest the copy into memory waits for a first page
# After the first page run, the browser still draws for a second or more (its charts, on this machine's
# 2 cores): the copy waits that long rather than take the CPU from it. A page run meanwhile reads the
# lake, as the first did.
COPY_AFTER_S = 3.0
# Until the first page is out, the interpreter lets another thread run after 0.5 ms instead of Python's
# 5 ms: the server's event loop, serving the browser Streamlit's ~120 script files and then the page's
# messages, needs the interpreter for a moment per file or message, and each time waited up to 5 ms for
# the warm-up's imports or the page run to let go of it.
SWITCH_S = 0.0005
# DuckDB's worker threads while the warm-up runs the landing page's queries: one (store.engine.one_thread,
# as an import; then back to ``SEI_DB_THREADS`` or one per core, never to a value an import running at that
# moment had set). Those are small queries (the rollups, the small tables, the top
# of the projects sorted by investment), and a second thread handing them tasks cost more CPU than it
# saved: 0.42 CPU-s for the thirteen at ~10M projects with one thread, 0.76 with two, in no more time
# (median of five runs each, 2026-12-03), CPU the browser needs for the first page on two cores.


def warm() -> appdb.Warm | None:
    """Import what the first page run needs, open the store and run the landing page's queries (or read
    their results kept on disk by an earlier start of this data version); return the warm-up's state,
    to keep those results and copy their tables into memory afterwards (None if the store could not be
    opened)."""
    started = time.perf_counter()
    landing = None
    try:
        from . import prefetch

        prefetch.preload_links()  # read before the browser asks for the page they go in
        from . import appdb, shell  # noqa: F401 - the imports are the point
        from .views import summary  # noqa: F401 - the landing page (the others are imported when visited)

        _warm_streamlit()
        gc.freeze()
        gc.enable()
        from . import store

        with store.cursor(appdb.connection()) as cur, store.engine.one_thread(cur):
            landing = appdb.warm()
            _landing_page(landing)
    except Exception:  # noqa: BLE001 - the page run repeats the work and reports the error
        log.exception("Warm-up at server start failed; the first page run will do its work")
    finally:
        gc.freeze()
        gc.enable()
        done.set()
        log.info("Warm-up at server start took %.0f ms", (time.perf_counter() - started) * 1000)
    return landing


def _warm_and_copy(switch_interval: float) -> None:
    """The start-up thread: warm up; once a first page is out and drawn (:data:`COPY_AFTER_S` after its
    run, or after :data:`COPY_WAIT_S` with no page), put the thread switch interval back to
    ``switch_interval``, keep the landing page's results on disk for the next start and copy its tables
    into memory."""
    try:
        landing = warm()
        if landing is None:
            return
        first = served.wait(COPY_WAIT_S)
    finally:
        sys.setswitchinterval(switch_interval)
    if first:
        time.sleep(COPY_AFTER_S)
    try:
        landing.save()
        landing.copy()
    except Exception:  # noqa: BLE001 - the pages copy what they read themselves
        log.exception("Copying the landing page's tables into memory failed")


def _landing_page(run: appdb.Warm) -> None:
    """The queries a new session's first page (the summary, with no filter chosen) runs before it draws:
    their tables get copied into memory and their results cached, as the page will ask for them. The
    list follows ``shell.run``, the sidebar and ``views.summary``; one left out here is only run later,
    by the page."""
    import pandas as pd

    from . import report
    from .filters import Filters
    from .queries import common
    from .queries import public_lists as pq

    status = run(common.data_status).iloc[0]
    run(common.year_bounds)
    run(common.provinces)
    run(common.batches)
    as_of_year = int(status["as_of_year"]) if pd.notna(status["as_of_year"]) else pd.Timestamp.now().year
    report.load_summary(run, Filters(), as_of_year)
    run(pq.statistics)
    run(pq.lists)


def _warm_streamlit() -> None:
    """Modules Streamlit imports on first use inside a page run (the emoji table the page icon and the
    language switch's label are checked against, Plotly's figure validators: ~0.03 s CPU). Not pandas'
    Styler and jinja2 (~0.05 s): the summary's table is HTML of its own (``ui.static_table``)."""
    import plotly.graph_objects as go
    import streamlit.emojis  # noqa: F401

    go.Figure(go.Bar(x=[1], y=["a"], orientation="h")).update_layout(title="warm")


def _skip_repl_check() -> None:
    """At the first element of the process Streamlit looks whether it runs in a Python prompt, to warn
    that apps are meant for ``streamlit run``: ``inspect.stack()`` over the first page run's deep stack,
    which resolves the source file of every module loaded (~0.07 s CPU here, more under load) to print
    nothing in a served app. Marked done at server start instead (a no-op if Streamlit renames it)."""
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def skip_component_scan() -> bool:
    """Streamlit's ``Runtime``, made at server start on the server's main thread before the first page can
    run, scans every installed package's metadata for Streamlit v2 custom components (three ``METADATA``
    parses per package: ~0.07 s CPU for the ~100 of this app's environment, on the first page's path). The
    app draws no custom component and registers none, so the scan would find nothing it uses: it is made a
    no-op here, before the ``Runtime`` exists. Return whether it was (not if Streamlit renamed it: then the
    scan runs as before)."""
    try:
        from streamlit.components.v2.component_manager import BidiComponentManager
    except ImportError:
        return False
    if not callable(getattr(BidiComponentManager, "discover_and_register_components", None)):
        return False

    def discover_and_register_components(self: object, *, start_file_watching: bool = True) -> None:
        """No installed component is used by the app: nothing to discover (see :func:`skip_component_scan`)."""

    BidiComponentManager.discover_and_register_components = discover_and_register_components  # type: ignore[method-assign]
    return True


def _no_run_warning(record: logging.LogRecord) -> bool:
    """Streamlit's caches warn that a call has no page run around it: the warm-up's calls have none by
    design (their results serve the page runs that follow)."""
    return record.threadName != THREAD


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """The ``st.App`` start-up hook: start the warm-up and return at once (the server listens now)."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_no_run_warning)
    _skip_repl_check()
    # Streamlit's own objects out of the collector's sight, and no collection while the warm-up imports:
    # every object it creates then lives as long as the process (frozen in turn once imported).
    gc.freeze()
    gc.disable()
    before = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_S)
    threading.Thread(target=_warm_and_copy, args=(before,), name=THREAD, daemon=True).start()
    yield
