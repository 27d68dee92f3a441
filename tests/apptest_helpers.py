"""Drive the real app script with Streamlit's AppTest, on a real store file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, page: str = "summary", *, lang: str = "zh",
              filters: dict[str, object] | None = None, timeout: float = 90) -> AppTest:
    """Run the app on ``db`` and show ``page`` (its url slug, e.g. 'sectors').

    ``filters`` sets sidebar widgets by key (``{"sector": ["new_energy"], "years": (2020, 2022)}``).
    In a browser these come from the URL (the widgets are bound to query parameters); AppTest does
    not seed bound widgets from the URL, so tests set the same keys through session state.
    """
    monkeypatch.setenv("SEI_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.session_state["lang"] = {"zh": "中文", "en": "English"}[lang]
    for key, value in (filters or {}).items():
        at.session_state[key] = value
    at.run()
    if page != "summary":
        goto(at, page).run()
    return at


def goto(at: AppTest, page: str) -> AppTest:
    """Select a callable page registered with st.navigation by its url slug (switch_page needs files)."""
    for page_hash, info in at._registered_pages.items():
        # callable pages have no script path; dashboard/views/*.py are modules, not page scripts
        url = info.get("url_pathname")
        if (url == page or (url == "" and page == "summary")) and not info.get("script_path"):
            at._page_hash = page_hash
            return at
    raise ValueError(f"no page {page!r}; registered: {[i.get('url_pathname') for i in at._registered_pages.values()]}")


def texts(at: AppTest) -> str:
    """Everything the page printed as text, for 'does it say X' assertions."""
    parts = [e.value for e in [*at.markdown, *at.title, *at.header, *at.subheader, *at.caption, *at.info,
                               *at.warning, *at.error, *at.success]]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    """Fill in the sign-in form the app shows while nobody is signed in, and submit it."""
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label in ("登录", "Sign in")).click()
    return at.run()
