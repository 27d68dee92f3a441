"""The sign-in decision: one argon2 verification whatever the name, one message for every failure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from ..store import auth as auth_store
from .accounts import Principal, locked_until, now, verify_password

LOOKBACK = dt.timedelta(days=1)  # history the lockout rule replays (a lock lasts 15 minutes)


@dataclass(frozen=True)
class SignIn:
    principal: Principal | None            # set when the sign-in succeeded
    locked_until: dt.datetime | None = None  # set when the name is locked (whether or not it exists)


def sign_in(con: duckdb.DuckDBPyConnection, username: str, password: str, *, source: str | None,
            via: str = "app") -> SignIn:
    """Check a name and password, record the attempt, and say who signed in (or that the name is locked).

    An unknown name, a disabled account and a wrong password all return ``SignIn(None)`` after the same
    work; a name with ``MAX_FAILURES`` failures in a row is refused for ``LOCK_MINUTES`` even with the
    right password.
    """
    name = (username or "").strip()[:64]
    stored = auth_store.password_hash(con, name) if name else None
    matches = verify_password(stored, password or "")   # always one argon2 verification
    account = auth_store.find(con, name) if name else None
    at = now()
    who = Principal(name=name, role=account.role if account else "viewer", via=via, source=source)  # type: ignore[arg-type]
    lock = locked_until(auth_store.sign_in_attempts(con, name, at - LOOKBACK), at) if name else None
    if lock is not None:
        auth_store.record(con, who, "sign_in", outcome="locked", actor=name)
        return SignIn(None, lock)
    if account is not None and not account.disabled and matches:
        auth_store.record(con, who, "sign_in", actor=account.username)
        return SignIn(Principal(name=account.username, role=account.role, provinces=account.provinces, via=via,
                                source=source))
    auth_store.record(con, who, "sign_in", outcome="failed", actor=name or None)
    lock = locked_until(auth_store.sign_in_attempts(con, name, at - LOOKBACK), now()) if name else None
    return SignIn(None, lock)
