"""Entry point: ``streamlit run dashboard/app.py`` (with the package installed: ``pip install -e .``).

Registers the pages and the shared sidebar.
"""

from __future__ import annotations

import streamlit as st

from dashboard import appdb, sidebar, store
from dashboard.i18n import tr
from dashboard.queries import common as queries
from dashboard.views import PAGES, register


def demo_banner() -> None:
    status = appdb.load(queries.data_status).iloc[0]
    if bool(status["has_demo"]):
        st.warning(tr("common.demo_banner"), icon=":material/science:")


def run() -> None:
    st.set_page_config(page_title="SEI 战略性新兴产业投资", page_icon=":material/insights:", layout="wide")
    try:
        appdb.connection()
    except store.StoreError as exc:
        st.error(str(exc))
        st.stop()
    sidebar.language_switch()
    pages = {slug: st.Page(render, title=tr(f"nav.{slug}"), icon=icon, url_path=slug, default=(i == 0))
             for i, (slug, icon, render) in enumerate(PAGES)}
    register(pages)
    nav = st.navigation(list(pages.values()))
    st.session_state["filters"] = sidebar.render()
    demo_banner()
    nav.run()


run()
