"""Account logic without SQL: password hashing, the sign-in decision, the lockout rule, SSO roles.

Passwords are hashed with argon2id (``argon2-cffi``) and never logged, stored in clear or exported.
A sign-in with an unknown name costs the same as one with a known name (a dummy hash is checked),
and both get the same message, so the answer never tells whether a name exists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .permissions import Role, parse_role

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
NAME_RE = re.compile(r"^[A-Za-z0-9_.@\-\u4e00-\u9fff]{2,64}$")

_hasher = PasswordHasher()


@dataclass(frozen=True)
class Account:
    """One row of the accounts table, without its password hash."""

    account_id: int
    username: str
    role: Role
    provinces: tuple[str, ...] = ()   # empty = every province
    email: str | None = None
    disabled: bool = False
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    has_password: bool = True


@dataclass(frozen=True)
class Principal:
    """Who is acting in this session or command: the account's name, role and province scope."""

    name: str
    role: Role
    provinces: tuple[str, ...] = ()
    via: str = "app"          # app | sso | cli | local
    source: str | None = None  # client IP address or host name
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def now() -> dt.datetime:
    """UTC without a time zone, as the store keeps times."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_RE.match(name):
        raise ValueError("a user name is 2–64 letters, digits, Chinese characters or . _ - @")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
    if password != password.strip() or "\n" in password:
        raise ValueError("a password may not start or end with spaces")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not-a-password-of-anyone")


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing hash still costs one verification."""
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def parse_provinces(codes: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """Province codes (GB/T 2260, six digits; '32' is read as '320000'), checked against ``known``."""
    known_set = set(known)
    out: list[str] = []
    for raw in codes:
        for part in str(raw).replace("，", ",").split(","):
            code = part.strip()
            if not code:
                continue
            if re.fullmatch(r"\d{2}", code):
                code += "0000"
            if code not in known_set:
                raise ValueError(f"{part.strip()!r} is not a province code (GB/T 2260, e.g. 320000 for 江苏)")
            if code not in out:
                out.append(code)
    return tuple(sorted(out))


# --- lockout -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attempt:
    """A past sign-in event for one name: when, and 'ok', 'failed', 'locked' or 'unlock'."""

    at: dt.datetime
    outcome: str


def locked_until(attempts: Iterable[Attempt], at: dt.datetime) -> dt.datetime | None:
    """When the lock on a name ends, or None if it is not locked at ``at``.

    Replays the name's sign-in history in time order: ``MAX_FAILURES`` failures in a row (a success or
    an admin's unlock resets the count) lock the name for ``LOCK_MINUTES`` from the last of them.
    Attempts refused while locked do not count, so trying on does not extend the lock. The rule is
    the same for names that exist and names that do not.
    """
    fails = 0
    until: dt.datetime | None = None
    for a in sorted(attempts, key=lambda a: a.at):
        if a.outcome in ("ok", "unlock"):
            fails, until = 0, None
        elif a.outcome == "failed":
            if until is not None and a.at < until:
                continue
            fails += 1
            if fails >= MAX_FAILURES:
                until, fails = a.at + dt.timedelta(minutes=LOCK_MINUTES), 0
    return until if until is not None and until > at else None


# --- single sign-on ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SsoConfig:
    """How an identity provider's sign-in becomes a role (``[sei_sso]`` in secrets.toml).

    ``role_claim``: the claim carrying the role or groups (e.g. "roles" or "groups"); ``role_map``
    maps a claim value to one of the four roles (default: the role names themselves);
    ``default_role``: the role of a signed-in person whom neither the claim nor the accounts table
    names (None = refuse them)."""

    role_claim: str | None = None
    role_map: Mapping[str, str] = field(default_factory=dict)
    default_role: str | None = None
    province_claim: str | None = None


def sso_config(section: Mapping[str, object] | None) -> SsoConfig:
    s = dict(section or {})
    role_map = {str(k): str(v) for k, v in dict(s.get("role_map") or {}).items()}
    for v in role_map.values():
        parse_role(v)
    default = s.get("default_role")
    return SsoConfig(role_claim=(str(s["role_claim"]) if s.get("role_claim") else None), role_map=role_map,
                     default_role=parse_role(str(default)).value if default else None,
                     province_claim=(str(s["province_claim"]) if s.get("province_claim") else None))


def role_from_claims(claims: Mapping[str, object], config: SsoConfig,
                     account: Account | None = None) -> Role | None:
    """The role of a person signed in through the identity provider, or None to refuse them.

    Order: a disabled account refuses; the configured claim (a string or a list; the highest role
    any value maps to wins); else the accounts-table row found by e-mail; else ``default_role``.
    """
    if account is not None and account.disabled:
        return None
    if config.role_claim:
        raw = claims.get(config.role_claim)
        values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        found: list[Role] = []
        for v in values:
            name = config.role_map.get(str(v), str(v))
            try:
                found.append(parse_role(name))
            except ValueError:
                continue
        if found:
            order = list(Role)
            return max(found, key=order.index)
    if account is not None:
        return account.role
    return parse_role(config.default_role) if config.default_role else None


def provinces_from_claims(claims: Mapping[str, object], config: SsoConfig, known: Iterable[str],
                          account: Account | None = None) -> tuple[str, ...]:
    """The province scope from the configured claim, else the account's; empty = all provinces."""
    if config.province_claim and claims.get(config.province_claim):
        raw = claims[config.province_claim]
        values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list | tuple) else []
        try:
            return parse_provinces([str(v) for v in values], known)
        except ValueError:
            return ("000000",)  # an unreadable scope shows nothing rather than everything
    return account.provinces if account is not None else ()
