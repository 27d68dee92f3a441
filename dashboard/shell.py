"""The Streamlit script every page run executes (through ``dashboard/app.py``): registers the pages and
the shared sidebar."""

from __future__ import annotations

import streamlit as st

from dashboard import appdb, chrome, prefetch, sidebar, store, warmup
from dashboard.auth import session
from dashboard.auth.permissions import Perm, allows, page_perm
from dashboard.i18n import current_lang, t
from dashboard.queries import common as queries
from dashboard.views import PAGES, register


def demo_banner() -> None:
    status = appdb.load(queries.data_status).iloc[0]
    if bool(status["has_demo"]):
        # only a role that may remove the demo data is sent to the import page to do it (a viewer or a
        # steward found no such button there)
        key = "common.demo_banner" if session.can(Perm.DEMO) else "common.demo_banner_others"
        st.warning(t(key), icon=":material/science:")


def run() -> None:
    # An emoji icon: the browser draws it itself, where a Material icon as the page icon is fetched from
    # Google's font servers (unreachable on the networks this serves, and a request we do not make).
    st.set_page_config(page_title="SEI 战略性新兴产业投资", page_icon="📊", layout="wide")
    prefetch.prefetch()  # the browser loads the chart code while this run waits for its queries
    menu = st.sidebar.container()  # the page menu, at the top; filled after the filters, whose values it carries
    sidebar.language_switch()  # first: a store that cannot be opened is reported in the chosen language
    chrome.apply()  # Streamlit's own words (uploader, table toolbar, select boxes) in that language
    try:
        appdb.connection()
    except store.StoreError as exc:
        st.error(exc.message(current_lang()))
        st.stop()
    who = session.gate()  # None: the sign-in form is drawn and nothing of the data will be
    # Pages a role may not use are left out of the menu but stay registered, so their URL reaches the
    # page's own refusal instead of silently falling back to the summary. Before sign-in every page is
    # registered but hidden and none runs: the address asked for survives the sign-in.
    pages = {slug: st.Page(render, title=t(f"nav.{slug}"), icon=icon, url_path=slug, default=(i == 0))
             for i, (slug, icon, render) in enumerate(PAGES)}
    register(pages)
    # Streamlit's own menu is not drawn: a switch from it carries only the URL parameters of bound widgets,
    # so the sidebar wrote the filters into the new page's address again, a second history entry (Back
    # led to the same page without its filters, and the filters came back). The menu's links carry them.
    nav = st.navigation(list(pages.values()), position="hidden")
    if who is None:
        st.stop()
    session.sidebar_box(who)
    st.session_state["filters"] = sidebar.render()
    sidebar.page_menu(menu, [pages[slug] for slug, _, _ in PAGES if allows(who.role, page_perm(slug))])
    session.single_user_banner(who)
    demo_banner()
    try:
        nav.run()
    finally:
        warmup.served.set()  # the start-up warm-up may now copy the landing page's tables into memory

