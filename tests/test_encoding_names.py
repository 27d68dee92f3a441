"""Encodings are named to people as editors name them (Windows-1252, UTF-8 BOM), in messages, the CLI's report
and the upload page; --json's "encoding" field keeps the codec name scripts compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ingest.encodings import display_name
from tests.apptest_helpers import open_page
from tests.importkit import CORPUS, run_json


@pytest.mark.parametrize(("codec", "name"), [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 BOM"), ("utf-16-le", "UTF-16 LE"), ("utf_32_be", "UTF-32 BE"),
    ("gbk", "GBK"), ("gb18030", "GB18030"), ("cp1252", "Windows-1252"), ("windows-1250", "Windows-1250"),
    ("latin-1", "ISO-8859-1 (Latin-1)"), ("iso8859-2", "ISO-8859-2"), ("big5", "Big5"), ("cp437", "CP437"),
    ("utf-8+gbk", "UTF-8 + GBK"), ("-", "-"), ("not a codec", "not a codec"),
])
def test_display_names(codec: str, name: str) -> None:
    assert display_name(codec) == name


@pytest.mark.parametrize(("file", "lang", "says", "codec"), [
    ("latin1.csv", "zh", "已按 ISO-8859-1 (Latin-1) 读取", "latin-1"),
    ("latin1.csv", "en", "it was read as ISO-8859-1 (Latin-1)", "latin-1"),
    ("bom_mismatch.csv", "en", "says UTF-8 BOM, but the content is GBK", "gbk"),
])
def test_messages_name_encodings_as_editors_do(empty_db: Path, capsys: pytest.CaptureFixture[str], file: str,
                                                lang: str, says: str, codec: str) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / file), "--db", str(empty_db), "--json", "--dry-run",
                         "--lang", lang)
    assert code == 0 and out["encoding"] == codec  # the field scripts read keeps the codec name
    messages = " ".join(w["message"] for w in out["warnings"])
    assert says in messages, messages
    assert "latin-1" not in messages and "utf-8-sig" not in messages


def test_cli_report_names_the_encoding(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dashboard.cli import main

    assert main(["import", str(CORPUS / "utf8_bom_english.csv"), "--db", str(empty_db), "--dry-run",
                 "--lang", "en"]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert "encoding=UTF-8 BOM" in head, head


@pytest.mark.parametrize(("lang", "says"), [("zh", "编码 UTF-8 BOM · 表头在第"),
                                            ("en", "Encoding UTF-8 BOM · header on row")])
def test_upload_page_names_the_encoding(empty_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str, says: str) -> None:
    at = open_page(empty_db, monkeypatch, "upload", lang=lang)
    at.file_uploader[0].set_value(("a.csv", (CORPUS / "utf8_bom_english.csv").read_bytes(), "text/csv"))
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(says in c for c in captions), captions
