"""Sign-in, roles, province scope, audit and lockout in a real browser against a real server.

The store has one account per role plus a Jiangsu-only analyst; everything is done through the pages
as people would: typing into the sign-in form, opening URLs directly, uploading, downloading CSVs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_store
from test_e2e_browser import CHROMIUM, ROOT, SHOTS, browser, screenshot, serve, settle  # noqa: F401

from dashboard import store
from dashboard.auth import accounts
from dashboard.auth.accounts import Principal
from dashboard.auth.permissions import Role
from dashboard.store import auth as auth_store

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

PASSWORD = "browser-pass-1"
JIANGSU = "320000"


@pytest.fixture(scope="module")
def auth_db(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e-auth") / "auth.ducklake"
    copy_store(demo_db_template, db)
    con = store.connect(db)
    setup = Principal("setup", Role.ADMIN, via="cli")
    digest = accounts.hash_password(PASSWORD)
    for role in Role:
        auth_store.add_account(con, setup, role.value, role, (), digest)
    auth_store.add_account(con, setup, "js", Role.ANALYST, (JIANGSU,), digest)
    auth_store.add_account(con, setup, "lockme", Role.VIEWER, (), digest)
    con.close()
    return db


@pytest.fixture(scope="module")
def server(auth_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(auth_db, tmp_path_factory.mktemp("e2e-auth-log") / "streamlit.log") as url:
        yield url


def open_signed_in(browser: object, url: str, user: str, password: str = PASSWORD, lang: str = "zh") -> object:  # noqa: F811
    """A fresh browser context (its own session) at ``url``, signed in through the form."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True).new_page()
    page.goto(url)
    settle(page)
    submit(page, user, password, lang)
    return page


def submit(page: object, user: str, password: str, lang: str = "zh") -> None:
    page.get_by_label("用户名" if lang == "zh" else "User name").fill(user)
    page.get_by_label("密码" if lang == "zh" else "Password", exact=True).fill(password)
    page.get_by_role("button", name="登录" if lang == "zh" else "Sign in").click()
    settle(page)


def main_text(page: object) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def metric(page: object, label: str) -> int:
    value = page.locator('[data-testid="stMetric"]', has_text=label).first.locator('[data-testid="stMetricValue"]')
    return int(value.inner_text().replace(",", "").strip())


def download_csv(page: object, button: str) -> list[dict[str, str]]:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=button).click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sign_in_page_shows_no_data(server: str, browser: object, lang: str) -> None:  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/projects" + ("?lang=English" if lang == "en" else ""))
    settle(page)
    screenshot(page, SHOTS / f"{lang}-sign-in-full.png")
    text = main_text(page)
    assert ("登录" if lang == "zh" else "Sign in") in text
    assert page.locator('[data-testid="stMetric"]').count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    page.close()


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_sign_in_as_each_role(server: str, browser: object, role: str) -> None:  # noqa: F811
    page = open_signed_in(browser, server, role)
    assert "总览" in main_text(page) and metric(page, "项目数") > 0
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert role in sidebar and "退出登录" in sidebar
    nav = "\n".join(page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]').all_inner_texts())
    assert ("数据导入" in nav) is (role in ("steward", "admin"))
    assert ("账号与审计" in nav) is (role == "admin")
    page.context.close()


def test_viewer_opening_the_import_url_is_refused(server: str, browser: object) -> None:  # noqa: F811
    page = open_signed_in(browser, f"{server}/upload", "viewer")
    screenshot(page, SHOTS / "zh-upload-refused-full.png")
    assert "无权" in main_text(page)
    assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0
    page.context.close()


def test_steward_import_is_in_the_audit_under_their_name(server: str, browser: object) -> None:  # noqa: F811
    page = open_signed_in(browser, f"{server}/upload", "steward")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(ROOT / "tests" / "corpus" / "gbk_title_total.csv"))
    page.get_by_text("个项目行全部通过校验").wait_for(timeout=60_000)
    settle(page)
    page.get_by_role("button", name="导入", exact=True).click()
    page.get_by_text("已导入批次").wait_for(timeout=60_000)
    page.context.close()

    for lang in ("zh", "en"):
        admin = open_signed_in(browser, f"{server}/audit" + ("?lang=English" if lang == "en" else ""), "admin",
                               lang=lang)
        screenshot(admin, SHOTS / f"{lang}-audit-full.png")
        if lang == "zh":
            rows = download_csv(admin, "下载审计记录 (CSV)")
            imports = [r for r in rows if r["action"] == "import"]
            assert [r["actor"] for r in imports] == ["steward"]
            assert "gbk_title_total.csv" in imports[0]["detail"] and imports[0]["via"] == "app"
            assert {r["actor"] for r in rows if r["action"] == "sign_in" and r["outcome"] == "ok"} >= {"steward",
                                                                                                       "admin"}
        admin.context.close()


def test_province_scoped_analyst_sees_only_their_province(server: str, browser: object,  # noqa: F811
                                                          demo_db_template: Path) -> None:
    page = open_signed_in(browser, server, "js")
    shown = metric(page, "项目数")
    page.goto(f"{server}/projects")  # a new session: sign in again
    settle(page)
    submit(page, "js", PASSWORD)
    page.get_by_test_id("stExpander").get_by_text("导出筛选结果", exact=True).click()
    settle(page)
    rows = download_csv(page, "下载 CSV（Excel 可直接打开）")
    screenshot(page, SHOTS / "zh-projects-scoped-full.png")
    page.context.close()
    con = store.connect(demo_db_template, read_only=True)  # the server's store is a copy of it (and locked)
    try:
        jiangsu = store.scalar(con, "SELECT count(*) FROM projects WHERE province_code = ?", [JIANGSU])
        every = store.scalar(con, "SELECT count(*) FROM projects")
    finally:
        con.close()
    assert 0 < jiangsu < every
    # the steward test (same server) may have imported its 5 Jiangsu projects first
    assert shown in (jiangsu, jiangsu + 5)
    assert len(rows) == shown and {r["省份"] for r in rows} == {"江苏"}


def test_five_failures_lock_the_account(server: str, browser: object) -> None:  # noqa: F811
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(server)
    settle(page)
    for i in range(4):
        submit(page, "lockme", f"wrong-password-{i}")
        assert "用户名或密码不正确" in main_text(page)
    submit(page, "lockme", "wrong-password-4")
    submit(page, "lockme", PASSWORD)
    screenshot(page, SHOTS / "zh-sign-in-locked-full.png")
    text = main_text(page)
    assert "已锁定 15 分钟" in text and "总览" not in text
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.context.close()
