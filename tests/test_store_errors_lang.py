"""Store errors in the user's language (issue 12): every StoreError names a message with a Chinese and
an English text; the command line words them by the command's --lang (else $SEI_LANG, else English),
with --json or without, and str() of the error stays English."""

from __future__ import annotations

import json
import re
import string
import tomllib
from pathlib import Path

import pytest

from dashboard import store
from dashboard.cli import main
from dashboard.i18n import messages

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _codes_raised() -> set[str]:
    """Every code a ``StoreError("code", …)`` in the store package names."""
    found: set[str] = set()
    for path in (ROOT / "dashboard" / "store").glob("*.py"):
        if path.name == "errors.py":  # the class itself (its docstring shows the form)
            continue
        found |= set(re.findall(r'StoreError\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    found |= set(re.findall(r'super\(\).__init__\("([a-z_]+)"',
                            (ROOT / "dashboard" / "store" / "integrity.py").read_text(encoding="utf-8")))
    return found


def test_every_store_message_is_in_both_languages_with_the_same_placeholders() -> None:
    data = tomllib.loads((ROOT / "dashboard" / "locales" / "store.toml").read_text(encoding="utf-8"))
    assert set(data["zh"]) == set(data["en"])
    for key in data["zh"]:
        # a plural marker {n#row|rows} names a placeholder (dashboard.i18n)
        fields = [{f.split("#")[0] for _, f, _, _ in string.Formatter().parse(data[lang][key]) if f}
                  for lang in ("zh", "en")]
        assert fields[0] == fields[1], key
        assert CJK.search(data["zh"][key]) or not data["zh"][key].strip("{}:_ abcdefghijklmnopqrstuvwxyz"), key
    raised = _codes_raised()
    assert len(raised) >= 30
    assert raised <= set(data["en"]), raised - set(data["en"])
    # no store module words an error by hand any more
    for path in (ROOT / "dashboard" / "store").glob("*.py"):
        by_hand = re.search(r'StoreError\(\s*f?"[A-Z{]', path.read_text(encoding="utf-8"))
        assert path.name == "errors.py" or not by_hand, path.name


def test_an_error_has_both_texts_and_str_is_english(tmp_path: Path) -> None:
    with pytest.raises(store.StoreError) as info:
        store.connect(tmp_path / "nope.ducklake", read_only=True)
    exc = info.value
    assert exc.code == "catalog_missing"
    assert "does not exist" in str(exc) and str(exc) == exc.message("en")
    zh = exc.message("zh")
    assert CJK.search(zh) and str(tmp_path / "nope.ducklake") in zh and "不存在" in zh
    # a text that names no message is kept as it is, in both languages
    free = store.StoreError("Something else went wrong.")
    assert free.code is None and free.message("zh") == free.message("en") == "Something else went wrong."
    # integrity refusals too (the rules' own descriptions stay as written)
    refused = store.IntegrityError(["projects: 2 rows break rule x"])
    assert "rule x" in str(refused) and refused.message("zh").startswith("写入被拒绝")
    assert messages()["zh"]["store.catalog_missing"] != messages()["en"]["store.catalog_missing"]


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_import_words_store_errors_in_its_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = str(CORPUS / "grouping.csv")
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("hello, this is not a database " * 10)
    cases = {  # the situation: (its database, a word of its Chinese text, of its English text)
        "not a store": (not_a_store, "不是数据存储", "is not a store's catalog"),
        "missing folder": (tmp_path / "nope" / "x.ducklake", "不存在", "does not exist"),
        "a folder": (tmp_path, "是一个文件夹", "is a folder"),
    }
    for what, (db, zh, en) in cases.items():
        code, out = _json(capsys, "import", f, "--db", str(db), "--json", "--lang", "zh")
        assert code == 1 and out["error"] == "store" and zh in out["message"] and str(db) in out["message"], what
        code, out = _json(capsys, "import", f, "--db", str(db), "--json", "--lang", "en")
        assert code == 1 and out["error"] == "store" and en in out["message"], what
        assert not CJK.search(out["message"].replace(str(db), "")), what
        # the default of import is Chinese, on stderr without --json
        assert main(["import", f, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert zh in err and "Traceback" not in err, what


def test_a_truncated_store_is_worded_in_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cut.ducklake"
    store.connect(db).close()
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 4)
    texts = {}
    for lang in ("zh", "en"):
        code, out = _json(capsys, "import", str(CORPUS / "grouping.csv"), "--db", str(db), "--json", "--lang", lang)
        assert code == 1 and out["error"] in ("store", "store_damaged") and str(db) in out["message"]
        texts[lang] = out["message"]
    assert CJK.search(texts["zh"]) and not CJK.search(texts["en"].replace(str(db), ""))


def test_housekeeping_commands_follow_sei_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    missing = str(tmp_path / "nope.ducklake")
    assert main(["info", "--db", missing]) == 1
    assert "does not exist" in capsys.readouterr().err  # English unless asked
    monkeypatch.setenv("SEI_LANG", "zh")
    assert main(["info", "--db", missing]) == 1
    assert "不存在" in capsys.readouterr().err
    db = tmp_path / "t.ducklake"
    store.connect(db).close()
    assert main(["targets", "--db", str(db), "--year", "1999"]) == 1
    assert "目标年份 1999 超出范围" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "words"), [("zh", "不是数据存储的目录文件"), ("en", "is not a store's catalog")])
def test_the_app_reports_an_unopenable_store_in_its_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             lang: str, words: str) -> None:
    from apptest_helpers import open_page

    bad = tmp_path / "notes.ducklake"
    bad.write_text("name,amount\n项目,1\n", encoding="utf-8")
    at = open_page(bad, monkeypatch, lang=lang)
    assert len(at.error) == 1 and words in at.error[0].value and str(bad) in at.error[0].value
    assert not at.exception
