"""The command-line contract other tools rely on: one JSON object, exit 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from importkit import CORPUS, file_fingerprint

from dashboard.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_import_json_commit_then_refused_twice(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", str(CORPUS / "gbk_title_total.csv"), "--db", str(empty_db), "--json")
    assert code == 0
    assert out["batch_id"] == 1 and (out["rows_read"], out["rows_imported"], out["rows_rejected"]) == (5, 5, 0)
    assert out["errors"] == [] and out["mapping"]["项目名称"] == "name" and out["message"] is None
    before = file_fingerprint(empty_db)
    code, out = run(capsys, "import", str(CORPUS / "gbk_title_total.csv"), "--db", str(empty_db), "--json",
                    "--lang", "en")
    assert code == 1 and out["batch_id"] is None
    assert out["message"] == ("This same file (identical content) was imported as batch 1; force the import "
                              "if you really want it twice.")
    assert file_fingerprint(empty_db) == before


def test_rejected_rows_exit_1_and_store_unchanged(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = file_fingerprint(empty_db)
    code, out = run(capsys, "import", str(CORPUS / "messy_amounts.csv"), "--db", str(empty_db), "--json")
    assert code == 1 and out["batch_id"] is None
    assert [e["row"] for e in out["errors"]] == [13, 14, 15, 16]
    assert set(out["errors"][0]) >= {"row", "column", "value", "message"}
    assert out["errors"][0]["column"] == "总投资" and out["errors"][0]["value"] == "一大笔"
    assert file_fingerprint(empty_db) == before
    code, out = run(capsys, "import", str(CORPUS / "messy_amounts.csv"), "--db", str(empty_db), "--json",
                    "--skip-invalid")
    assert code == 0 and out["rows_imported"] == 12 and out["rows_rejected"] == 4


def test_dry_run_writes_nothing(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = file_fingerprint(empty_db)
    code, out = run(capsys, "import", str(CORPUS / "utf16_tab.txt"), "--db", str(empty_db), "--json", "--dry-run")
    assert code == 0 and out["batch_id"] is None and out["rows_read"] == 3
    code, out = run(capsys, "import", str(CORPUS / "binary.csv"), "--db", str(empty_db), "--json", "--dry-run")
    assert code == 1 and out["message"]
    assert file_fingerprint(empty_db) == before


def test_usage_errors_exit_2(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(empty_db)]
    assert main(["import", str(CORPUS / "nope.csv"), *db]) == 2
    assert main(["import", str(CORPUS / "gbk_title_total.csv"), *db, "--map", "无此列=name"]) == 2
    assert main(["import", str(CORPUS / "gbk_title_total.csv"), *db, "--map", "备注=nonsense"]) == 2
    assert main(["import", str(CORPUS / "gbk_title_total.csv"), *db, "--map", "novalue"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["import", str(CORPUS / "gbk_title_total.csv"), *db, "--on-duplicate", "merge"])
    assert exc.value.code == 2


def test_map_option_and_sheet(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", str(CORPUS / "no_name_column.csv"), "--db", str(empty_db), "--json",
                    "--map", "建设地点=name", "--dry-run")
    assert out["mapping"]["建设地点"] == "name"
    code, out = run(capsys, "import", str(CORPUS / "notes_sheet_merged_title.xlsx"), "--db", str(empty_db),
                    "--json", "--sheet", "項目清單", "--dry-run")
    assert code == 0 and out["sheet"] == "項目清單" and out["rows_read"] == 3


def test_batches_and_revert(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(CORPUS / "utf16_tab.txt"), "--db", str(empty_db)])
    capsys.readouterr()
    assert main(["batches", "--db", str(empty_db)]) == 0
    assert "utf16_tab.txt" in capsys.readouterr().out
    assert main(["revert", "1", "--db", str(empty_db)]) == 0
    assert main(["revert", "1", "--db", str(empty_db)]) == 1
    assert main(["revert", "42", "--db", str(empty_db)]) == 1


def test_subprocess_prints_exactly_one_json_object(empty_db: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(CORPUS / "unknown_places.csv"), "--db", str(empty_db),
         "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["batch_id"] is None and out["rows_rejected"] == 5
