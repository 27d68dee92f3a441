"""账号与审计 Accounts & audit (admin): the audit trail to browse and download, and the account list."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import appdb, downloads
from ..auth import session
from ..i18n import t
from ..store import auth as auth_store

CAP = 5000


def _events(since: dt.date, until: dt.date, actor: str, action: str | None) -> pd.DataFrame:
    with appdb.cursor() as cur:
        return auth_store.events(cur, since=dt.datetime.combine(since, dt.time()),
                                 until=dt.datetime.combine(until + dt.timedelta(days=1), dt.time()),
                                 actor=actor.strip() or None, action=action, limit=CAP)


def render() -> None:
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
    action = c4.selectbox(t("audit.action"), [None, *actions], key="audit_action",
                          format_func=lambda a: t("audit.all") if a is None else a)
    events = _events(since, until, actor, action)
    if events.empty:
        st.info(t("audit.none"))
    else:
        st.caption(t("audit.shown", n=len(events), cap=CAP))
        st.dataframe(events, hide_index=True, width="stretch", column_config={
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
