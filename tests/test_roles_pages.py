"""Every page under every role, through the real app script (AppTest) on a real store with accounts.

The sign-in form is filled in as a person would; then each page is opened. Refused pages show the
refusal and nothing of the page (no uploader); downloads appear only for roles that may download.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from apptest_helpers import APP, goto, sign_in, texts
from conftest import copy_store
from streamlit.testing.v1 import AppTest

from dashboard import store
from dashboard.auth import accounts
from dashboard.auth.accounts import Principal
from dashboard.auth.permissions import Perm, Role, allows, page_perm
from dashboard.store import auth as auth_store
from dashboard.views import PAGES

PASSWORD = "role-test-pass"
SLUGS = [slug for slug, _, _ in PAGES]


@pytest.fixture(scope="module")
def role_db(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roles") / "roles.ducklake"
    copy_store(demo_db_template, path)
    con = store.connect(path)
    digest = accounts.hash_password(PASSWORD)
    for role in Role:
        auth_store.add_account(con, Principal("setup", Role.ADMIN, via="cli"), role.value, role, (), digest)
    auth_store.add_account(con, Principal("setup", Role.ADMIN, via="cli"), "js_analyst", Role.ANALYST,
                           ("320000",), digest)
    con.close()
    return path


def start(db: Path, monkeypatch: pytest.MonkeyPatch, lang: str = "zh") -> AppTest:
    monkeypatch.setenv("SEI_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.session_state["lang"] = {"zh": "中文", "en": "English"}[lang]
    return at.run()


def download_labels(at: AppTest) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def test_nothing_but_the_sign_in_form_before_sign_in(role_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start(role_db, monkeypatch)
    assert not at.exception
    assert [t.value for t in at.title] == ["登录"]
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe and not download_labels(at)
    for slug in SLUGS:  # a page picked directly still gets only the form
        goto(at, slug).run()
        assert [t.value for t in at.title] == ["登录"] and not at.get("file_uploader") and not at.metric


def test_wrong_password_same_message_as_unknown_user(role_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start(role_db, monkeypatch, "en")
    sign_in(at, "viewer", "not-the-password")
    wrong = [e.value for e in at.error]
    sign_in(at, "no-such-person", "not-the-password")
    assert wrong == [e.value for e in at.error] == ["The user name or password is not correct."]
    assert [t.value for t in at.title] == ["Sign in"]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_page_under_each_role(role: str, role_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start(role_db, monkeypatch)
    sign_in(at, role, PASSWORD)
    assert not at.exception and at.metric, texts(at)
    for slug in SLUGS:
        goto(at, slug).run()
        assert not at.exception, (slug, at.exception)
        refused = any("无权" in e.value for e in at.error)
        allowed = allows(role, page_perm(slug))
        assert refused is not allowed, (role, slug)
        if not allowed:
            assert not at.get("file_uploader") and not at.dataframe and not download_labels(at), (role, slug)
        labels = download_labels(at)
        if slug == "summary":
            assert "下载 HTML（可打印）" in labels                       # every role gets the meeting export
            assert ("下载图表数据 (CSV)" in labels) is allows(role, "download")  # type: ignore[arg-type]
        if slug == "projects":
            assert bool(labels) is allows(role, "download")  # type: ignore[arg-type]
        if slug == "upload" and allowed:
            assert at.get("file_uploader")


def test_sidebar_names_the_account_and_its_scope(role_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start(role_db, monkeypatch)
    sign_in(at, "js_analyst", PASSWORD)
    side = "\n".join(m.value for m in at.sidebar.markdown) + "\n".join(c.value for c in at.sidebar.caption)
    assert "js_analyst" in side and "江苏" in side
    provinces = next(w for w in at.sidebar.multiselect if w.key == "province")
    assert list(provinces.options) == ["江苏"]


def test_disabling_an_account_ends_its_session(role_db: Path, monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    db = tmp_path / "disable.ducklake"
    copy_store(role_db, db)
    at = start(db, monkeypatch)
    sign_in(at, "analyst", PASSWORD)
    assert at.metric
    con = store.connect(db)
    auth_store.update_account(con, Principal("t", Role.ADMIN, via="cli"), "analyst", "user_disable", disabled=True)
    con.close()
    at.run()
    assert [t.value for t in at.title] == ["登录"] and not at.metric


def test_idle_session_ends(role_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEI_IDLE_MINUTES", "0.1")  # 6 s
    at = start(role_db, monkeypatch)
    sign_in(at, "viewer", PASSWORD)
    assert at.metric
    at.run()
    assert at.metric                                  # a click within the idle time keeps the session
    time.sleep(6.5)
    at.run()
    assert [t.value for t in at.title] == ["登录"] and not at.metric
    assert any("未操作" in w.value for w in at.warning)


def test_single_user_mode_banner_and_loopback_only(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start(empty_db, monkeypatch, "en")
    assert not at.exception
    assert any("Single-user mode" in i.value and "users add NAME --role admin" in i.value for i in at.info)
    assert not any(b.label == "Sign in" for b in at.button)
    # the same app seen from another machine's address: refused, nothing drawn
    from dashboard.auth import session

    monkeypatch.setattr(session, "client_ip", lambda: "192.168.1.20")
    at = start(empty_db, monkeypatch, "en")
    assert any("serves only the machine it runs on" in e.value for e in at.error)
    assert not at.metric and not at.title


def test_loopback_addresses() -> None:
    from dashboard.auth.session import is_local

    assert is_local(None) and is_local("127.0.0.1") and is_local("127.5.0.1") and is_local("::1")
    assert not is_local("10.0.0.1") and not is_local("192.168.1.20") and not is_local("fe80::1") and not is_local("x")


def test_admin_adds_and_changes_an_account_on_the_audit_page(role_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    db = tmp_path / "accounts.ducklake"
    copy_store(role_db, db)
    at = start(db, monkeypatch)
    sign_in(at, "admin", PASSWORD)
    goto(at, "audit").run()
    assert not at.exception
    at.text_input(key="acct_add_name").input("zhao")
    at.selectbox(key="acct_add_role").set_value("steward")
    at.multiselect(key="acct_add_provinces").set_value(["440000"])
    at.text_input(key="acct_add_password").input("zhao-password")
    next(b for b in at.button if b.label == "添加").click()
    at.run()
    assert not at.exception and any("zhao" in s.value for s in at.success), [e.value for e in at.error]
    at.selectbox(key="acct_chg_user").set_value("zhao")
    at.radio(key="acct_chg_state").set_value("disable")
    next(b for b in at.button if b.label == "保存修改").click()
    at.run()
    # a too-short password is refused with one sentence and nothing written
    at.text_input(key="acct_add_name").input("qian")
    at.selectbox(key="acct_add_role").set_value("viewer")
    at.text_input(key="acct_add_password").input("short")
    next(b for b in at.button if b.label == "添加").click()
    at.run()
    assert any("at least 8" in e.value for e in at.error)
    con = store.connect(db)  # the app's connection in this process holds the file read-write
    try:
        zhao = auth_store.find(con, "zhao")
        assert zhao is not None and zhao.role is Role.STEWARD and zhao.provinces == ("440000",) and zhao.disabled
        assert auth_store.find(con, "qian") is None
        log = auth_store.events(con, actor="admin")
        assert {"user_add", "user_disable"} <= set(log["action"])
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_banner_sends_only_an_admin_to_remove_the_demo(role_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                lang: str) -> None:
    """The banner said to remove the demo data on the import page to every role, but only an admin finds the
    button there (a viewer cannot open the page, a steward sees no such button)."""
    for role in Role:
        at = start(role_db, monkeypatch, lang)
        sign_in(at, role.value, PASSWORD)
        banner = next(w.value for w in at.warning if "demo" in w.value or "演示数据" in w.value)
        page = "Import data" if lang == "en" else "数据导入"
        admin = "administrator" if lang == "en" else "管理员"
        if allows(role, Perm.DEMO):
            assert page in banner, (role, banner)
        else:
            assert page not in banner and admin in banner, (role, banner)
