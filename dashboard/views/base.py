"""What every page shares: the filters the sidebar set for this run, and links to other pages."""

from __future__ import annotations

import streamlit as st

from ..filters import Filters


def current_filters() -> Filters:
    """The filters the sidebar set for this run."""
    return st.session_state.get("filters") or Filters()


_PAGE_OBJECTS: dict[str, st.Page] = {}


def register(pages: dict[str, st.Page]) -> None:
    """Called by the app shell on each run with the st.Page objects, so pages can link to each other."""
    _PAGE_OBJECTS.update(pages)


def page(slug: str) -> st.Page:
    """The st.Page for a url slug, for st.page_link and st.switch_page."""
    return _PAGE_OBJECTS[slug]
