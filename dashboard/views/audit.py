"""账号与审计 Accounts & audit (admin): the audit trail to browse and download, and the account list."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import appdb, downloads
from ..auth import session
from ..i18n import tr
from ..store import auth as auth_store

CAP = 5000


def _events(since: dt.date, until: dt.date, actor: str, action: str | None) -> pd.DataFrame:
    with appdb.cursor() as cur:
        return auth_store.events(cur, since=dt.datetime.combine(since, dt.time()),
                                 until=dt.datetime.combine(until + dt.timedelta(days=1), dt.time()),
                                 actor=actor.strip() or None, action=action, limit=CAP)


def render() -> None:
    st.title(tr("nav.audit"))
    st.caption(tr("audit.caption"))
    with appdb.cursor() as cur:
        actions = auth_store.actions(cur)
        accounts = auth_store.accounts(cur)
    today = dt.datetime.now(dt.UTC).date()
    c1, c2, c3, c4 = st.columns(4)
    since = c1.date_input(tr("audit.since"), value=today - dt.timedelta(days=30), key="audit_since")
    until = c2.date_input(tr("audit.until"), value=today, key="audit_until")
    actor = c3.text_input(tr("audit.actor"), key="audit_actor")
    action = c4.selectbox(tr("audit.action"), [None, *actions], key="audit_action",
                          format_func=lambda a: tr("audit.all") if a is None else a)
    events = _events(since, until, actor, action)
    if events.empty:
        st.info(tr("audit.none"))
    else:
        st.caption(tr("audit.shown", n=len(events), cap=CAP))
        st.dataframe(events, hide_index=True, width="stretch", column_config={
            "event_id": tr("audit.col_id"),
            "happened_at": st.column_config.DatetimeColumn(tr("audit.col_at"), format="YYYY-MM-DD HH:mm:ss"),
            "actor": tr("audit.col_actor"), "via": tr("audit.col_via"), "source": tr("audit.col_source"),
            "action": tr("audit.col_action"), "outcome": tr("audit.col_outcome"),
            "detail": st.column_config.TextColumn(tr("audit.col_detail"), width="large"),
        })

        downloads.button(tr("audit.download"), lambda: _events(since, until, actor, action),
                         f"sei-audit-{since}-{until}", kind="csv", what="audit", key="audit_download",
                         filters={"since": since, "until": until, "actor": actor, "action": action})

    st.subheader(tr("audit.accounts"))
    st.caption(tr("audit.accounts_help"))
    if accounts:
        table = pd.DataFrame([{
            "username": a.username, "role": session.role_label(a.role),
            "provinces": ", ".join(a.provinces) or tr("audit.all_provinces"), "email": a.email or "",
            "disabled": a.disabled, "updated_at": a.updated_at,
        } for a in accounts])
        st.dataframe(table, hide_index=True, width="stretch", column_config={
            "username": tr("audit.col_user"), "role": tr("audit.col_role"),
            "provinces": tr("audit.col_provinces"), "email": tr("audit.col_email"),
            "disabled": st.column_config.CheckboxColumn(tr("audit.col_disabled")),
            "updated_at": st.column_config.DatetimeColumn(tr("audit.col_updated"), format="YYYY-MM-DD HH:mm"),
        })
