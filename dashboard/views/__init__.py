"""The pages, in navigation order: (url slug, icon, render function).

The folder is not called ``pages``: Streamlit would take a ``pages/`` folder beside the main
script for an old-style multipage app and run its modules as scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from ..auth.session import guarded
from . import audit, clusters, funding, policy, projects, regions, sectors, summary, upload
from .base import current_filters, page, register

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

__all__ = ["PAGES", "current_filters", "page", "register"]
