"""The benchmark command runs end to end on a tiny store and prints the object issue 10 specifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import cli


def test_bench_json_has_the_issue_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bench.ducklake"
    code = cli.main(["bench", "--db", str(db), "--scale", "0.05", "--skip", "server", "--skip", "pages",
                     "--rows", "300", "--repeat", "1", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["projects"] > 0
    assert set(out) >= {"projects", "pages", "slowest_page_ms", "first_page_ms", "rss_mb", "import"}
    assert out["import"]["rows"] == 300
    assert out["import"]["seconds"] > 0 and out["import"]["ratio"] > 0
    assert db.exists()  # built once, reused by the next run
