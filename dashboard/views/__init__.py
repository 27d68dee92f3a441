"""The pages, in navigation order: (url slug, icon, render function).

The folder is not called ``pages``: Streamlit would take a ``pages/`` folder beside the main
script for an old-style multipage app and run its modules as scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from . import clusters, funding, policy, projects, regions, sectors, summary, upload
from .base import current_filters, page, register

PAGES: list[tuple[str, str, Callable[[], None]]] = [
    ("summary", ":material/dashboard:", summary.render),
    ("sectors", ":material/category:", sectors.render),
    ("clusters", ":material/hub:", clusters.render),
    ("regions", ":material/map:", regions.render),
    ("funding", ":material/account_balance:", funding.render),
    ("projects", ":material/table_view:", projects.render),
    ("policy", ":material/gavel:", policy.render),
    ("upload", ":material/upload_file:", upload.render),
]

__all__ = ["PAGES", "current_filters", "page", "register"]
