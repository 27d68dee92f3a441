"""Entry point: ``streamlit run dashboard/app.py`` (with the package installed: ``pip install -e .``).

Streamlit imports this file once when the server starts (it finds ``app``, an ``st.App``) and then runs
it as the script of every page run. On import it turns Nagle's algorithm off on the server's socket
(:mod:`dashboard.serving`), spares Streamlit's runtime its scan of installed packages for custom components
(the app uses none: :func:`dashboard.warmup.skip_component_scan`) and declares the app, whose start-up
hook warms the process in the background (:mod:`dashboard.warmup`) while the browser is still loading
Streamlit's scripts, and whose page names the element code for the browser to fetch at once
(:mod:`dashboard.prefetch`); in a page run (or under ``AppTest``) it draws the page (:mod:`dashboard.shell`).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

if get_script_run_ctx(suppress_warning=True) is None:
    from starlette.middleware import Middleware

    from dashboard import serving
    from dashboard.prefetch import PreloadModules
    from dashboard.warmup import lifespan, skip_component_scan

    serving.no_delay()  # the server listens already: its connections send small responses at once
    skip_component_scan()  # the app uses no installed custom component: no scan of every package's metadata

    # the page it sends names the chart code for the browser to fetch at once (dashboard.prefetch)
    app = st.App(__file__, lifespan=lifespan, middleware=[Middleware(PreloadModules)])
else:
    from dashboard.shell import run

    run()
