"""The Streamlit side of sign-in: the gate before navigation, page guards, the sign-in page.

The principal (who is signed in, their role and province scope) lives in session state under a key
no widget uses, set only by :func:`gate`. Every run re-reads the account, so disabling an account or
changing its role takes effect on the user's next click.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from typing import Any

import duckdb
import streamlit as st

from ..i18n import t
from ..store import auth as auth_store
from .accounts import LOCK_MINUTES, MAX_FAILURES, Principal, provinces_from_claims, role_from_claims, sso_config
from .permissions import Perm, Role, allows, page_perm
from .signin import sign_in

PRINCIPAL = "_sei_principal"
LAST_SEEN = "_sei_last_seen"
NOTICE = "_sei_auth_notice"
REFUSALS = "_sei_refusals"
DEFAULT_IDLE_MINUTES = 30.0
LOCAL_NAME = "local"


def idle_minutes() -> float:
    """Minutes without a click after which a session ends: ``$SEI_IDLE_MINUTES`` (default 30)."""
    try:
        value = float(os.environ.get("SEI_IDLE_MINUTES", "") or DEFAULT_IDLE_MINUTES)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return value if value > 0 else DEFAULT_IDLE_MINUTES


def client_ip() -> str | None:
    """The browser's address; None when it connects through localhost (Streamlit hides loopback)."""
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - outside a browser session there is no client
        return None
    return ip if isinstance(ip, str) else None  # AppTest has no real connection


def is_local(ip: str | None) -> bool:
    if ip is None:
        return True
    try:
        return ipaddress.ip_address(ip.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def source() -> str:
    return client_ip() or "127.0.0.1"


# Set while a deferred download is generated: Streamlit makes the file when the browser asks for it,
# outside the script run and its session state, so the person (and their province scope) captured
# when the button was drawn acts then.
_ACTING: ContextVar[Principal | None] = ContextVar("sei_acting", default=None)


@contextmanager
def acting_as(p: Principal | None) -> Iterator[None]:
    token = _ACTING.set(p)
    try:
        yield
    finally:
        _ACTING.reset(token)


def current() -> Principal | None:
    p = _ACTING.get()
    if p is not None:
        return p
    try:
        p = st.session_state.get(PRINCIPAL)
    except Exception:  # noqa: BLE001 - outside a script run there is no session
        return None
    return p if isinstance(p, Principal) else None


def scope() -> tuple[str, ...]:
    """The province scope every query of this session is cut to (empty = all provinces)."""
    p = current()
    return p.provinces if p is not None else ()


def role_label(role: Role | str, lang: str | None = None) -> str:
    """A role in ``lang`` (the page's language when None)."""
    return t(f"auth.role_{Role(role).value}", lang)


def can(perm: Perm) -> bool:
    p = current()
    return p is not None and allows(p.role, perm)


def _cursor() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A cursor of the app's connection, closed after the block."""
    from .. import appdb

    return appdb.cursor()


def audit(action: str, *, outcome: str = "ok", detail: Mapping[str, Any] | None = None) -> None:
    """Record an action of the signed-in person (with their address) in the audit trail."""
    with _cursor() as cur:
        auth_store.record(cur, current(), action, outcome=outcome, detail=detail)


def refuse(what: str) -> None:
    """Say no (once per session and thing, recorded in the audit trail)."""
    p = current()
    st.error(t("auth.refused", role=role_label(p.role) if p else "—"), icon=":material/block:")
    done = st.session_state.setdefault(REFUSALS, set())
    if what not in done:
        done.add(what)
        audit("refused", outcome="refused", detail={"what": what})


def require(perm: Perm, what: str) -> bool:
    """Whether the current person may ``perm``; if not, say so and record the refusal."""
    if can(perm):
        return True
    refuse(what)
    return False


def guarded(slug: str, render: Callable[[], None]) -> Callable[[], None]:
    """A page's render function behind its check: a direct URL reaches the refusal, never the page."""

    def page() -> None:
        if current() is None:  # the gate stops first; this is the second lock on the door
            st.stop()
        if not require(page_perm(slug), f"page:{slug}"):
            st.stop()
        render()

    page.__name__ = f"page_{slug}"
    page.__qualname__ = page.__name__
    return page


# --- single sign-on ---------------------------------------------------------------------------------

def _secrets_section(name: str) -> Mapping[str, Any] | None:
    try:
        return st.secrets.get(name, None)
    except Exception:  # noqa: BLE001 - no secrets.toml at all
        return None


def sso_enabled() -> bool:
    return _secrets_section("auth") is not None


def _sso_principal(con: duckdb.DuckDBPyConnection) -> Principal | None:
    """The identity provider's user as a principal, or None (not signed in there, or no role here)."""
    try:
        if not st.user.is_logged_in:
            return None
        claims = st.user.to_dict()
    except Exception:  # noqa: BLE001 - st.user without [auth] configured
        return None
    email = str(claims.get("email") or "")
    account = auth_store.find_by_email(con, email) if email else None
    config = sso_config(_secrets_section("sei_sso"))
    role = role_from_claims(claims, config, account)
    name = account.username if account else (email or str(claims.get("sub") or "sso"))
    if role is None:
        st.session_state[NOTICE] = ("sso_refused", {"email": email or name})
        auth_store.record(con, Principal(name, Role.VIEWER, via="sso", source=source()), "sign_in",
                          outcome="failed", detail={"reason": "no role"})
        return None
    provinces = provinces_from_claims(claims, config, auth_store.province_codes(con), account)
    p = Principal(name=name, role=role, provinces=provinces, via="sso", source=source())
    auth_store.record(con, p, "sign_in", detail={"email": email})
    return p


# --- the gate -----------------------------------------------------------------------------------------

def gate() -> Principal | None:
    """Who this run acts for; None after drawing the sign-in page (the caller registers the pages, so
    the address the person asked for survives the sign-in, and then stops the run)."""
    with _cursor() as con:
        if auth_store.account_count(con) == 0:
            return _single_user()
        p = current()
        if p is not None and p.via == "local":
            p = None  # accounts exist now: single-user mode is over
        if p is not None:
            p = _still_valid(con, p)
        if p is None and sso_enabled():
            p = _sso_principal(con)
        if p is None:
            st.session_state.pop(PRINCIPAL, None)
            sign_in_page(con)
            return None
        st.session_state[PRINCIPAL] = p
        st.session_state[LAST_SEEN] = time.monotonic()
        return p


def _single_user() -> Principal:
    if not is_local(client_ip()):
        st.error(t("auth.remote_refused"), icon=":material/lan:")
        st.stop()
    p = Principal(LOCAL_NAME, Role.ADMIN, via="local", source=source())
    st.session_state[PRINCIPAL] = p
    return p


def _still_valid(con: duckdb.DuckDBPyConnection, p: Principal) -> Principal | None:
    last = st.session_state.get(LAST_SEEN)
    if last is not None and time.monotonic() - float(last) > idle_minutes() * 60:
        auth_store.record(con, p, "sign_out", detail={"reason": "idle"})
        st.session_state[NOTICE] = ("idle", {"minutes": f"{idle_minutes():g}"})
        if p.via == "sso":
            _sso_logout()
        return None
    account = auth_store.find(con, p.name)
    if account is None:
        return p if p.via == "sso" else _ended(con, p)
    if account.disabled:
        return _ended(con, p)
    if p.via == "sso":
        return p
    return Principal(account.username, account.role, account.provinces, via=p.via, source=p.source)


def _ended(con: duckdb.DuckDBPyConnection, p: Principal) -> None:
    st.session_state[NOTICE] = ("disabled_now", {})
    auth_store.record(con, p, "sign_out", detail={"reason": "account disabled"})
    return None


def _sso_logout() -> None:
    try:
        if st.user.is_logged_in:
            st.logout()
    except Exception:  # noqa: BLE001
        pass


def sign_out() -> None:
    """The sidebar's sign-out button (a callback)."""
    p = current()
    if p is not None and p.via != "local":
        audit("sign_out")
    st.session_state.pop(PRINCIPAL, None)
    st.session_state.pop(LAST_SEEN, None)
    st.session_state[NOTICE] = ("signed_out", {})
    if p is not None and p.via == "sso":
        _sso_logout()


def sign_in_page(con: duckdb.DuckDBPyConnection) -> None:
    """Username, password, 登录 / Sign in; nothing of the data is drawn before it succeeds."""
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(t("auth.title"))
        st.caption(t("auth.intro"))
        notice = st.session_state.pop(NOTICE, None)
        if notice:
            key, values = notice
            (st.warning if key != "signed_out" else st.info)(t(f"auth.{key}", **values))
        if sso_enabled():
            if st.button(t("auth.sso_button"), icon=":material/badge:", key="auth_sso", type="primary"):
                st.login()
            st.caption(t("auth.sso_or"))
        with st.form("sign_in", clear_on_submit=True, enter_to_submit=True):
            username = st.text_input(t("auth.username"), key="auth_username", autocomplete="username")
            password = st.text_input(t("auth.password"), type="password", key="auth_password",
                                     autocomplete="current-password")
            submitted = st.form_submit_button(t("auth.submit"), type="primary", icon=":material/login:")
        if not submitted:
            return
        result = sign_in(con, username, password, source=source())
        if result.principal is not None:
            st.session_state[PRINCIPAL] = result.principal
            st.session_state[LAST_SEEN] = time.monotonic()
            st.rerun()
        elif result.locked_until is not None:
            st.error(t("auth.locked", n=MAX_FAILURES, minutes=LOCK_MINUTES,
                        until=result.locked_until.strftime("%H:%M")), icon=":material/lock_clock:")
        else:
            st.error(t("auth.failed"), icon=":material/error:")


def sidebar_box(p: Principal) -> None:
    """Who is signed in, their province scope, and the sign-out button."""
    if p.via == "local":
        return
    sb = st.sidebar
    sb.markdown(t("auth.signed_in_as", name=p.name, role=role_label(p.role)))
    if p.provinces:
        from .. import appdb
        from ..i18n import current_lang
        from ..queries import common as queries

        provs = appdb.load(queries.provinces).set_index("code")
        col = "short_name" if current_lang() == "zh" else "name_en"
        names = [str(provs.at[c, col]) if c in provs.index else c for c in p.provinces]
        sb.caption(t("auth.scope", provinces="、".join(names) if current_lang() == "zh" else ", ".join(names)))
    sb.button(t("auth.sign_out"), on_click=sign_out, icon=":material/logout:", key="auth_sign_out")


def single_user_banner(p: Principal) -> None:
    if p.via == "local":
        st.info(t("auth.single_user"), icon=":material/person:")
