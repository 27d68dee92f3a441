"""The pages, in navigation order: (url slug, icon, render function).

The folder is not called ``pages``: Streamlit would take a ``pages/`` folder beside the main
script for an old-style multipage app and run its modules as scripts.
"""

from __future__ import annotations

from collections.abc import Callable

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


# Imported after current_filters, which the page modules import from here.
from ..auth.session import guarded  # noqa: E402
from . import audit, clusters, funding, policy, projects, regions, sectors, summary, upload  # noqa: E402

# Each render function sits behind its permission check (dashboard/auth/permissions.PAGE_PERM).
PAGES: list[tuple[str, str, Callable[[], None]]] = [
    (slug, icon, guarded(slug, render)) for slug, icon, render in [
        ("summary", ":material/dashboard:", summary.render),
        ("sectors", ":material/category:", sectors.render),
        ("clusters", ":material/hub:", clusters.render),
        ("regions", ":material/map:", regions.render),
        ("funding", ":material/account_balance:", funding.render),
        ("projects", ":material/table_view:", projects.render),
        ("policy", ":material/gavel:", policy.render),
        ("upload", ":material/upload_file:", upload.render),
        ("audit", ":material/policy:", audit.render),
    ]
]
