"""Warm the app process at server start, before the first browser asks for a page.

The first page after a start used to pay, in its own run, for importing the pages (pandas, Plotly, the
store), opening the lake and copying the rollups into memory. The server is otherwise idle between
listening and the first page run (the browser is loading Streamlit's scripts), so the start-up hook
does that work then, in a background thread: the server listens at once, and a page run that comes
early waits only for what is still under way (imports share Python's import locks, the connection
Streamlit's resource cache, the copy :mod:`dashboard.appdb`'s lock). A failure here is only logged:
the page run does the same work again and reports the error in the user's language.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported at server start: nothing heavy before the server listens
    import pandas as pd

log = logging.getLogger(__name__)
THREAD = "sei-warm-up"

done = threading.Event()  # set when the warm-up has finished (or failed)


def warm() -> None:
    """Import what the first page run needs, open the store and copy the landing page's tables."""
    started = time.perf_counter()
    try:
        from . import appdb, shell  # noqa: F401 - the imports are the point

        _landing_page(appdb.warm())
        _warm_streamlit()
    except Exception:  # noqa: BLE001 - the page run repeats the work and reports the error
        log.exception("Warm-up at server start failed; the first page run will do its work")
    finally:
        done.set()
        log.info("Warm-up at server start took %.0f ms", (time.perf_counter() - started) * 1000)


def _landing_page(run: Callable[..., pd.DataFrame]) -> None:
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
    """Modules Streamlit imports on first use inside a page run (the emoji table the language switch's
    label is checked against, Plotly's figure validators)."""
    import plotly.graph_objects as go
    import streamlit.emojis  # noqa: F401

    go.Figure(go.Bar(x=[1], y=["a"], orientation="h")).update_layout(title="warm")


def _no_run_warning(record: logging.LogRecord) -> bool:
    """Streamlit's caches warn that a call has no page run around it: the warm-up's calls have none by
    design (their results serve the page runs that follow)."""
    return record.threadName != THREAD


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """The ``st.App`` start-up hook: start the warm-up and return at once (the server listens now)."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_no_run_warning)
    threading.Thread(target=warm, name=THREAD, daemon=True).start()
    yield
