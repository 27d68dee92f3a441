"""Every SQL statement about accounts and the audit trail (reads and writes).

Writes go through :func:`dashboard.store.write` without bumping the data version (no page cache
depends on them), under one process-wide lock so two sessions never take the same id.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import pandas as pd

from ..auth.accounts import Account, Attempt, Principal, now
from ..auth.permissions import Role
from . import scalar, write

_LOCK = threading.Lock()
_ACCOUNT_COLS = ("account_id, username, email, role, provinces, password_hash IS NOT NULL AS has_password, "
                 "disabled, created_at, updated_at")
MAX_DETAIL = 4000


class AccountError(ValueError):
    """A refused account change, worded for the admin."""


def _account(row: tuple) -> Account:
    account_id, username, email, role, provinces, has_password, disabled, created, updated = row
    return Account(account_id=int(account_id), username=username, email=email, role=Role(role),
                   provinces=tuple(p for p in (provinces or "").split(",") if p), disabled=bool(disabled),
                   created_at=created, updated_at=updated, has_password=bool(has_password))


def account_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many accounts exist (disabled ones too): zero means single-user mode."""
    return int(scalar(con, "SELECT count(*) FROM accounts") or 0)


def accounts(con: duckdb.DuckDBPyConnection) -> list[Account]:
    rows = con.execute(f"SELECT {_ACCOUNT_COLS} FROM accounts ORDER BY lower(username)").fetchall()
    return [_account(r) for r in rows]


def find(con: duckdb.DuckDBPyConnection, username: str) -> Account | None:
    rows = con.execute(f"SELECT {_ACCOUNT_COLS} FROM accounts WHERE lower(username) = lower(?)",
                       [username.strip()]).fetchall()
    return _account(rows[0]) if rows else None


def find_by_email(con: duckdb.DuckDBPyConnection, email: str) -> Account | None:
    rows = con.execute(f"SELECT {_ACCOUNT_COLS} FROM accounts WHERE lower(email) = lower(?)",
                       [email.strip()]).fetchall()
    return _account(rows[0]) if rows else None


def password_hash(con: duckdb.DuckDBPyConnection, username: str) -> str | None:
    return scalar(con, "SELECT password_hash FROM accounts WHERE lower(username) = lower(?)",
                        [username.strip()])


def province_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT code FROM regions WHERE level = 'province'").fetchall()]


def _detail(detail: Mapping[str, Any] | None) -> str | None:
    if not detail:
        return None
    text = json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
    return text[:MAX_DETAIL]


def _insert_event(con: duckdb.DuckDBPyConnection, who: Principal | None, action: str, outcome: str,
                  detail: Mapping[str, Any] | None, actor: str | None) -> int:
    event_id = int(scalar(con, "SELECT coalesce(max(event_id), 0) + 1 FROM audit_log"))
    name = actor if actor is not None else (who.name if who else None)
    con.execute(
        "INSERT INTO audit_log (event_id, happened_at, actor, via, source, action, outcome, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [event_id, now(), name[:64] if name else None, who.via if who else "app", who.source if who else None,
         action, outcome, _detail(detail)],
    )
    return event_id


def record(con: duckdb.DuckDBPyConnection, who: Principal | None, action: str, *, outcome: str = "ok",
           detail: Mapping[str, Any] | None = None, actor: str | None = None) -> int:
    """Append one audit event in its own transaction; returns its id.

    ``actor`` overrides ``who.name`` (a failed sign-in records the name typed)."""
    with _LOCK, write(con, bump=False):
        return _insert_event(con, who, action, outcome, detail, actor)


def add_account(con: duckdb.DuckDBPyConnection, who: Principal, username: str, role: Role,
                provinces: Iterable[str] = (), password_hash: str | None = None,
                email: str | None = None) -> Account:
    """Create an account and its audit record in one transaction."""
    with _LOCK, write(con, bump=False):
        if find(con, username) is not None:
            raise AccountError(f"an account named {username!r} exists already")
        if email and find_by_email(con, email) is not None:
            raise AccountError(f"another account has the e-mail {email!r}")
        account_id = int(scalar(con, "SELECT coalesce(max(account_id), 0) + 1 FROM accounts"))
        at = now()
        con.execute(
            "INSERT INTO accounts (account_id, username, email, role, provinces, password_hash, disabled, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, false, ?, ?)",
            [account_id, username, email, role.value, ",".join(provinces) or None, password_hash, at, at],
        )
        _insert_event(con, who, "user_add", "ok",
                      {"user": username, "role": role.value, "provinces": list(provinces), "email": email}, None)
    found = find(con, username)
    assert found is not None
    return found


_UNSET: Any = object()


def update_account(con: duckdb.DuckDBPyConnection, who: Principal, username: str, action: str, *,
                   role: Role | None = None, provinces: Iterable[str] | None = None,
                   disabled: bool | None = None, password_hash: str | None = None,
                   email: str | None = _UNSET) -> Account:
    """Change one account and record ``action`` (user_set_role, user_disable, ...) in one transaction."""
    with _LOCK, write(con, bump=False):
        account = find(con, username)
        if account is None:
            raise AccountError(f"no account named {username!r}")
        sets: list[str] = []
        params: list[object] = []
        detail: dict[str, object] = {"user": account.username}
        if role is not None:
            if account.role == Role.ADMIN and role != Role.ADMIN:
                _keep_an_admin(con, account.username)
            sets.append("role = ?")
            params.append(role.value)
            detail.update(role_before=account.role.value, role=role.value)
        if provinces is not None:
            codes = list(provinces)
            sets.append("provinces = ?")
            params.append(",".join(codes) or None)
            detail["provinces"] = codes
        if disabled is not None:
            if disabled and account.role == Role.ADMIN:
                _keep_an_admin(con, account.username)
            sets.append("disabled = ?")
            params.append(disabled)
            detail["disabled"] = disabled
        if password_hash is not None:
            sets.append("password_hash = ?")
            params.append(password_hash)
            detail["password"] = "changed"
        if email is not _UNSET:
            other = find_by_email(con, email) if email else None
            if other is not None and other.account_id != account.account_id:
                raise AccountError(f"another account has the e-mail {email!r}")
            sets.append("email = ?")
            params.append(email)
            detail["email"] = email
        sets.append("updated_at = ?")
        params.append(now())
        con.execute(f"UPDATE accounts SET {', '.join(sets)} WHERE account_id = ?", [*params, account.account_id])
        _insert_event(con, who, action, "ok", detail, None)
    found = find(con, username)
    assert found is not None
    return found


def _keep_an_admin(con: duckdb.DuckDBPyConnection, username: str) -> None:
    others = scalar(con, "SELECT count(*) FROM accounts WHERE role = 'admin' AND NOT disabled "
                               "AND lower(username) <> lower(?)", [username])
    if not others:
        raise AccountError("this is the last active admin; make another admin first")


def sign_in_attempts(con: duckdb.DuckDBPyConnection, username: str, since: dt.datetime) -> list[Attempt]:
    """The sign-in events (and admin unlocks) for a name since ``since``, for the lockout rule."""
    rows = con.execute(
        "SELECT happened_at, CASE WHEN action = 'sign_in' THEN outcome ELSE 'unlock' END FROM audit_log "
        "WHERE ((action = 'sign_in' AND lower(actor) = lower(?)) "
        "   OR (action IN ('user_unlock', 'user_reset_password') AND lower(json_extract_string(detail, '$.user')) "
        "       = lower(?))) AND happened_at >= ? ORDER BY happened_at",
        [username.strip()[:64], username.strip(), since],
    ).fetchall()
    return [Attempt(at, outcome) for at, outcome in rows]


def events(con: duckdb.DuckDBPyConnection, *, since: dt.datetime | None = None, until: dt.datetime | None = None,
           actor: str | None = None, action: str | None = None, limit: int | None = 5000) -> pd.DataFrame:
    """Audit events, newest first, narrowed by time, actor and action."""
    where = ["TRUE"]
    params: dict[str, object] = {}
    if since is not None:
        where.append("happened_at >= $since")
        params["since"] = since
    if until is not None:
        where.append("happened_at < $until")
        params["until"] = until
    if actor:
        where.append("lower(actor) = lower($actor)")
        params["actor"] = actor
    if action:
        where.append("action = $action")
        params["action"] = action
    sql = (f"SELECT event_id, happened_at, actor, via, source, action, outcome, detail FROM audit_log "
           f"WHERE {' AND '.join(where)} ORDER BY happened_at DESC, event_id DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return con.execute(sql, params).df()


def actions(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1").fetchall()]
