"""账号与审计 Accounts & audit (admin): the audit trail to browse and download, and the account list."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import appdb, downloads
from ..auth import accounts, session
from ..auth.permissions import Perm, Role, parse_role
from ..i18n import current_lang, relabel, t
from ..queries import common as queries
from ..store import auth as auth_store

CAP = 5000


def _events(since: dt.date, until: dt.date, actor: str, action: str | None) -> pd.DataFrame:
    with appdb.cursor() as cur:
        return auth_store.events(cur, since=dt.datetime.combine(since, dt.time()),
                                 until=dt.datetime.combine(until + dt.timedelta(days=1), dt.time()),
                                 actor=actor.strip() or None, action=action, limit=CAP)


def word(kind: str, value: object, lang: str | None = None) -> str:
    """One of the trail's own values (an action, an outcome, a way in, the local actor) in the page's words;
    a value with no word (a new action, a person's name) as it is."""
    key = f"audit.{kind}_{value}"
    text = t(key, lang)
    return str(value) if text == key else text


def _shown(events: pd.DataFrame) -> pd.DataFrame:
    """The events as the table shows them (the download keeps the stored values)."""
    shown = events.copy()
    for column, kind in (("actor", "actor"), ("via", "via"), ("action", "action"), ("outcome", "outcome")):
        if column in shown:
            shown[column] = [word(kind, v) if isinstance(v, str) else v for v in shown[column]]
    return shown


def render() -> None:
    lang = current_lang()
    st.title(t("nav.audit"))
    st.caption(t("audit.caption"))
    with appdb.cursor() as cur:
        actions = auth_store.actions(cur)
        accounts = auth_store.accounts(cur)
    today = dt.datetime.now(dt.UTC).date()
    c1, c2, c3, c4 = st.columns(4)
    since = c1.date_input(t("audit.since"), value=today - dt.timedelta(days=30), key="audit_since")
    until = c2.date_input(t("audit.until"), value=today, key="audit_until")
    actor = c3.text_input(t("audit.actor"), key="audit_actor")
    relabel("audit_action")
    action = c4.selectbox(t("audit.action"), [None, *actions], key="audit_action",
                          format_func=lambda a: t("audit.all", lang) if a is None else word("action", a, lang),
                          placeholder=t("chrome.choose"))
    events = _events(since, until, actor, action)
    if events.empty:
        st.info(t("audit.none"))
    else:
        st.caption(t("audit.shown", n=len(events), cap=CAP))
        st.dataframe(_shown(events), hide_index=True, width="stretch", column_config={
            "event_id": t("audit.col_id"),
            "happened_at": st.column_config.DatetimeColumn(t("audit.col_at"), format="YYYY-MM-DD HH:mm:ss"),
            "actor": t("audit.col_actor"), "via": t("audit.col_via"), "source": t("audit.col_source"),
            "action": t("audit.col_action"), "outcome": t("audit.col_outcome"),
            "detail": st.column_config.TextColumn(t("audit.col_detail"), width="large"),
        })

        downloads.button(t("audit.download"), lambda: _events(since, until, actor, action),
                         f"sei-audit-{since}-{until}", kind="csv", what="audit", key="audit_download",
                         filters={"since": since, "until": until, "actor": actor, "action": action})

    st.subheader(t("audit.accounts"))
    st.caption(t("audit.accounts_help"))
    if accounts:
        table = pd.DataFrame([{
            "username": a.username, "role": session.role_label(a.role),
            "provinces": ", ".join(a.provinces) or t("audit.all_provinces"), "email": a.email or "",
            "disabled": a.disabled, "updated_at": a.updated_at,
        } for a in accounts])
        st.dataframe(table, hide_index=True, width="stretch", column_config={
            "username": t("audit.col_user"), "role": t("audit.col_role"),
            "provinces": t("audit.col_provinces"), "email": t("audit.col_email"),
            "disabled": st.column_config.CheckboxColumn(t("audit.col_disabled")),
            "updated_at": st.column_config.DatetimeColumn(t("audit.col_updated"), format="YYYY-MM-DD HH:mm"),
        })
    _account_forms(accounts)


def _province_names() -> dict[str, str]:
    provs = appdb.load(queries.provinces)
    col = "short_name" if current_lang() == "zh" else "name_en"
    return dict(zip(provs["code"], provs[col], strict=True))


def _account_forms(existing: list) -> None:  # noqa: ANN001 - list of Account
    """Add an account, or change one (role, provinces, disabled, password). Each submit checks the
    right again on the server and is recorded in the audit trail with the admin's name."""
    done = st.session_state.pop("audit_account_done", None)
    if done:
        st.success(done, icon=":material/how_to_reg:")
    names = _province_names()
    roles = [r.value for r in Role]
    lang = current_lang()  # bound now: a format function reads no state when the widget's value is read
    relabel("acct_add_role", "acct_add_provinces", "acct_chg_role", "acct_chg_provinces", "acct_chg_state")
    left, right = st.columns(2)
    with left.form("account_add", clear_on_submit=True, border=True):
        st.markdown(f"**{t('audit.add_title')}**")
        name = st.text_input(t("audit.col_user"), key="acct_add_name")
        role = st.selectbox(t("audit.col_role"), roles, format_func=lambda r: session.role_label(r, lang),
                            key="acct_add_role", placeholder=t("chrome.choose"))
        provinces = st.multiselect(t("audit.col_provinces"), list(names), format_func=names.get,
                                   placeholder=t("audit.all_provinces"), key="acct_add_provinces")
        password = st.text_input(t("audit.password"), type="password", key="acct_add_password",
                                 help=t("audit.password_help"), autocomplete="new-password")
        if st.form_submit_button(t("audit.add"), icon=":material/person_add:"):
            _apply(lambda con, who: auth_store.add_account(
                con, who, accounts.check_name(name), parse_role(role), tuple(sorted(provinces)),
                accounts.hash_password(password)), t("audit.added", user=name))
    if not existing:
        return
    with right.form("account_change", border=True):
        st.markdown(f"**{t('audit.change_title')}**")
        user = st.selectbox(t("audit.col_user"), [a.username for a in existing], key="acct_chg_user",
                            placeholder=t("chrome.choose"))
        role = st.selectbox(t("audit.col_role"), [None, *roles], key="acct_chg_role",
                            format_func=lambda r: (t("audit.unchanged", lang) if r is None
                                                   else session.role_label(r, lang)),
                            placeholder=t("chrome.choose"))
        provinces = st.multiselect(t("audit.col_provinces"), list(names), format_func=names.get,
                                   placeholder=t("audit.unchanged"), key="acct_chg_provinces")
        all_provinces = st.checkbox(t("audit.set_all_provinces"), key="acct_chg_all")
        state = st.radio(t("audit.col_disabled"), [None, "disable", "enable"], horizontal=True,
                         format_func=lambda v: t("audit.unchanged", lang) if v is None else t(f"audit.{v}", lang),
                         key="acct_chg_state")
        password = st.text_input(t("audit.new_password"), type="password", key="acct_chg_password",
                                 help=t("audit.password_help"), autocomplete="new-password")
        if st.form_submit_button(t("audit.change"), icon=":material/manage_accounts:"):
            def change(con, who):  # noqa: ANN001, ANN202
                if role is not None:
                    auth_store.update_account(con, who, user, "user_set_role", role=parse_role(role))
                if provinces or all_provinces:
                    auth_store.update_account(con, who, user, "user_set_provinces",
                                              provinces=() if all_provinces else tuple(sorted(provinces)))
                if state is not None:
                    auth_store.update_account(con, who, user, f"user_{state}", disabled=state == "disable")
                if password:
                    auth_store.update_account(con, who, user, "user_reset_password",
                                              password_hash=accounts.hash_password(password))

            _apply(change, t("audit.changed", user=user))


def _apply(action, message: str) -> None:  # noqa: ANN001
    if not session.require(Perm.ACCOUNTS, "accounts"):
        return
    who = session.current()
    try:
        with appdb.cursor() as cur:
            action(cur, who)
    except ValueError as exc:  # AccountError, a bad name or password: one sentence, nothing written
        st.error(str(exc), icon=":material/error:")
        return
    st.session_state["audit_account_done"] = message
    st.rerun()
