"""The pages, in navigation order: (url slug, icon, render function).

The folder is not called ``pages``: Streamlit would take a ``pages/`` folder beside the main
script for an old-style multipage app and run its modules as scripts.

A page's module (``dashboard.views.<slug>``) is imported when the page is first drawn: the first page
after a start (the summary, imported by the start-up warm-up) does not wait for the code of the
others (the import page alone brings the whole importer).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..auth.session import guarded
from .base import current_filters, page, register


def _render(slug: str) -> Callable[[], None]:
    """The render function of the page module ``slug``, imported on the first call."""

    def render() -> None:
        import_module(f"{__name__}.{slug}").render()

    render.__name__ = render.__qualname__ = f"render_{slug}"
    return render


# Each render function sits behind its permission check (dashboard/auth/permissions.PAGE_PERM).
PAGES: list[tuple[str, str, Callable[[], None]]] = [
    (slug, icon, guarded(slug, _render(slug))) for slug, icon in [
        ("summary", ":material/dashboard:"),
        ("sectors", ":material/category:"),
        ("clusters", ":material/hub:"),
        ("regions", ":material/map:"),
        ("funding", ":material/account_balance:"),
        ("projects", ":material/table_view:"),
        ("policy", ":material/gavel:"),
        ("upload", ":material/upload_file:"),
        ("audit", ":material/policy:"),
    ]
]

__all__ = ["PAGES", "current_filters", "page", "register"]
