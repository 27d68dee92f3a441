"""Accounts, roles, lockout, SSO role mapping and province scope, on real store files."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from dashboard import store
from dashboard.auth import accounts
from dashboard.auth.accounts import Account, Attempt, Principal, SsoConfig, locked_until, role_from_claims
from dashboard.auth.permissions import Perm, Role, allows, page_perm, parse_role
from dashboard.auth.signin import sign_in
from dashboard.filters import Filters, cluster_where, project_where
from dashboard.queries import overview, projects
from dashboard.store import auth as auth_store

ADMIN = Principal("tester", Role.ADMIN, via="cli", source="host")


# --- the permission table ---------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "granted"), [
    ("viewer", {Perm.VIEW, Perm.MEETING_EXPORT}),
    ("analyst", {Perm.VIEW, Perm.MEETING_EXPORT, Perm.DOWNLOAD}),
    ("steward", {Perm.VIEW, Perm.MEETING_EXPORT, Perm.DOWNLOAD, Perm.IMPORT, Perm.TAG_REVIEW, Perm.REVERT}),
    ("admin", set(Perm)),
])
def test_each_role_has_exactly_its_rights(role: str, granted: set[Perm]) -> None:
    assert {p for p in Perm if allows(role, p)} == granted


def test_unknown_or_missing_role_has_nothing() -> None:
    assert not any(allows(r, p) for r in (None, "", "root", "Admin ") for p in Perm)
    with pytest.raises(ValueError, match="viewer, analyst, steward, admin"):
        parse_role("boss")
    assert parse_role(" Steward") is Role.STEWARD


def test_pages_need_their_right() -> None:
    assert page_perm("upload") is Perm.IMPORT and page_perm("audit") is Perm.AUDIT
    assert page_perm("summary") is Perm.VIEW and page_perm("projects") is Perm.VIEW


# --- passwords and the lockout rule -----------------------------------------------------------------

def test_password_hash_is_argon2id_and_verifies_only_the_password() -> None:
    digest = accounts.hash_password("correct horse")
    assert digest.startswith("$argon2id$") and "correct horse" not in digest
    assert accounts.verify_password(digest, "correct horse")
    assert not accounts.verify_password(digest, "correct horsE")
    assert not accounts.verify_password(None, "correct horse")   # no account: dummy hash, still False
    with pytest.raises(ValueError):
        accounts.hash_password("short")


T0 = dt.datetime(2026, 11, 30, 10, 0)


def fails(n: int, start: dt.datetime = T0) -> list[Attempt]:
    return [Attempt(start + dt.timedelta(seconds=i), "failed") for i in range(n)]


def test_five_failures_in_a_row_lock_for_fifteen_minutes() -> None:
    assert locked_until(fails(4), T0 + dt.timedelta(seconds=10)) is None
    until = locked_until(fails(5), T0 + dt.timedelta(seconds=10))
    assert until == T0 + dt.timedelta(seconds=4, minutes=15)
    assert locked_until(fails(5), until + dt.timedelta(seconds=1)) is None


def test_a_success_or_unlock_resets_the_count_and_locked_attempts_do_not_extend() -> None:
    history = [*fails(4), Attempt(T0 + dt.timedelta(seconds=5), "ok"), *fails(4, T0 + dt.timedelta(seconds=6))]
    assert locked_until(history, T0 + dt.timedelta(minutes=1)) is None
    locked = [*fails(5), Attempt(T0 + dt.timedelta(minutes=10), "locked")]
    assert locked_until(locked, T0 + dt.timedelta(minutes=14)) == T0 + dt.timedelta(seconds=4, minutes=15)
    unlocked = [*fails(5), Attempt(T0 + dt.timedelta(minutes=1), "unlock")]
    assert locked_until(unlocked, T0 + dt.timedelta(minutes=2)) is None


# --- single sign-on role mapping (pure) -------------------------------------------------------------

def acct(role: str = "analyst", disabled: bool = False) -> Account:
    return Account(1, "li", Role(role), ("320000",), "li@example.org", disabled)


@pytest.mark.parametrize(("claims", "config", "account", "expected"), [
    ({"roles": "steward"}, SsoConfig(role_claim="roles"), None, Role.STEWARD),
    ({"groups": ["sei-leaders", "sei-data"]},
     SsoConfig(role_claim="groups", role_map={"sei-leaders": "viewer", "sei-data": "steward"}), None, Role.STEWARD),
    ({"groups": ["other"]}, SsoConfig(role_claim="groups", role_map={"x": "admin"}), acct("analyst"), Role.ANALYST),
    ({"groups": ["other"]}, SsoConfig(role_claim="groups"), None, None),
    ({}, SsoConfig(), acct("viewer"), Role.VIEWER),
    ({}, SsoConfig(default_role="viewer"), None, Role.VIEWER),
    ({}, SsoConfig(), None, None),
    ({"roles": "admin"}, SsoConfig(role_claim="roles"), acct("admin", disabled=True), None),
    ({"roles": ["ADMIN"]}, SsoConfig(role_claim="roles"), None, Role.ADMIN),
])
def test_role_from_claims(claims: dict, config: SsoConfig, account: Account | None, expected: Role | None) -> None:
    assert role_from_claims(claims, config, account) == expected


def test_sso_config_rejects_unknown_roles_and_reads_maps() -> None:
    cfg = accounts.sso_config({"role_claim": "groups", "role_map": {"g1": "admin"}, "default_role": "Viewer"})
    assert cfg.role_map == {"g1": "admin"} and cfg.default_role == "viewer"
    with pytest.raises(ValueError):
        accounts.sso_config({"role_map": {"g1": "root"}})


def test_province_claim_scopes_and_bad_claim_shows_nothing() -> None:
    known = ["320000", "330000"]
    cfg = SsoConfig(province_claim="prov")
    assert accounts.provinces_from_claims({"prov": ["32", "330000"]}, cfg, known) == ("320000", "330000")
    assert accounts.provinces_from_claims({"prov": "99"}, cfg, known) == ("000000",)
    assert accounts.provinces_from_claims({}, cfg, known, acct()) == ("320000",)


# --- accounts and sign-in in a real store ----------------------------------------------------------

@pytest.fixture
def con(empty_db: Path):
    c = store.connect(empty_db)
    yield c
    c.close()


def add(con, name: str, role: str = "viewer", password: str = "s3cret-pass", provinces=()) -> Account:  # noqa: ANN001
    return auth_store.add_account(con, ADMIN, name, Role(role), provinces, accounts.hash_password(password))


def test_accounts_keep_no_password_and_audit_each_change(con) -> None:  # noqa: ANN001
    before = store.data_version(con)
    add(con, "wang", "admin")
    a = add(con, "li", "analyst", provinces=("320000",))
    assert a.provinces == ("320000",) and a.role is Role.ANALYST
    with pytest.raises(auth_store.AccountError):
        add(con, "LI")                                   # names are unique, whatever the case
    auth_store.update_account(con, ADMIN, "li", "user_set_role", role=Role.STEWARD)
    with pytest.raises(auth_store.AccountError, match="last active admin"):
        auth_store.update_account(con, ADMIN, "wang", "user_disable", disabled=True)
    events = auth_store.events(con)
    assert list(events["action"])[::-1] == ["user_add", "user_add", "user_set_role"]
    assert not events["detail"].str.contains("s3cret").any()
    assert not events["detail"].str.contains("argon2").any()
    assert store.data_version(con) == before          # account changes leave page caches alone


def test_sign_in_same_message_for_unknown_name_and_wrong_password(con) -> None:  # noqa: ANN001
    add(con, "wang", "admin")
    ok = sign_in(con, "Wang", "s3cret-pass", source="10.0.0.5")
    assert ok.principal is not None and ok.principal.name == "wang" and ok.principal.role is Role.ADMIN
    wrong = sign_in(con, "wang", "nope-nope", source="10.0.0.5")
    unknown = sign_in(con, "nobody", "nope-nope", source="10.0.0.5")
    assert wrong == unknown == type(wrong)(None, None)
    # similar work: both verify one argon2 hash
    t = time.perf_counter()
    sign_in(con, "wang", "nope-nope", source=None)
    known_cost = time.perf_counter() - t
    t = time.perf_counter()
    sign_in(con, "nobody2", "nope-nope", source=None)
    unknown_cost = time.perf_counter() - t
    assert unknown_cost > known_cost / 3
    log = auth_store.events(con, action="sign_in")
    assert set(log["outcome"]) == {"ok", "failed"} and "10.0.0.5" in set(log["source"])


def test_lockout_after_five_failures_refuses_the_right_password_then_unlock(con) -> None:  # noqa: ANN001
    add(con, "li", "analyst")
    results = [sign_in(con, "li", f"wrong-{i}-pass", source=None) for i in range(5)]
    assert all(r.principal is None for r in results[:4]) and results[3].locked_until is None
    assert results[4].locked_until is not None                  # the fifth failure locks
    right = sign_in(con, "li", "s3cret-pass", source=None)
    assert right.principal is None and right.locked_until is not None
    # an unknown name behaves the same way, so the lock reveals nothing
    ghost = [sign_in(con, "ghost", f"wrong-{i}-pass", source=None) for i in range(5)]
    assert ghost[4].locked_until is not None
    auth_store.record(con, ADMIN, "user_unlock", detail={"user": "li"})
    assert sign_in(con, "li", "s3cret-pass", source=None).principal is not None


def test_disabled_account_cannot_sign_in(con) -> None:  # noqa: ANN001
    add(con, "wang", "admin")
    add(con, "li", "analyst")
    auth_store.update_account(con, ADMIN, "li", "user_disable", disabled=True)
    assert sign_in(con, "li", "s3cret-pass", source=None).principal is None


# --- province scope where filters become SQL --------------------------------------------------------

def test_scope_is_in_every_where_builder() -> None:
    f = Filters(provinces=("110000",), scope=("320000",))
    for where, params in (project_where(f), cluster_where(f)):
        assert "scope" in where and ["320000"] in params.values()
    assert Filters(scope=("320000",)).is_empty()


def test_scope_cuts_kpis_tables_and_lookups_by_id(demo_db: Path) -> None:
    con = store.connect(demo_db)
    try:
        every = overview.kpis(con, Filters(), 2025).iloc[0]
        js = overview.kpis(con, Filters(scope=("320000",)), 2025).iloc[0]
        assert 0 < js["projects"] < every["projects"]
        jiangsu_only = overview.kpis(con, Filters(provinces=("320000",)), 2025).iloc[0]
        assert js["projects"] == jiangsu_only["projects"]
        # a filter outside the scope gets nothing, not the other province
        assert overview.kpis(con, Filters(provinces=("440000",), scope=("320000",)), 2025).iloc[0]["projects"] == 0
        page = projects.project_page(con, Filters(scope=("320000",)), page_size=500)
        assert set(page["province_code"]) == {"320000"}
        outside = store.scalar(con, "SELECT min(project_id) FROM projects WHERE province_code = '440000'")
        assert projects.project_detail(con, Filters(scope=("320000",)), outside).empty
        assert not projects.project_detail(con, Filters(), outside).empty
    finally:
        con.close()


def test_meeting_export_header_names_the_scope() -> None:
    from dashboard import report

    assert "320000" in report.filters_text(Filters(scope=("320000",)), "zh")
    assert "数据范围" in report.filters_text(Filters(scope=("320000",)), "zh")
    assert "scope" not in report.filters_text(Filters(), "en").lower()
