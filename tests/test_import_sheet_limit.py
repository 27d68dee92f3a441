"""More problems of a whole file or sheet than a list shows of one kind (a workbook past the sheet limit, many
sheets of another layout): an internal error ("int() argument … not 'NoneType'") ended the import, as no row
could fold them into a summary. Such problems are listed whole; sheets past the limit are said once."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from importkit import run_json

from dashboard.ingest import importer
from dashboard.ingest.plan import MAX_LISTED, Problem, bounded


def test_file_wide_problems_are_listed_whole_and_rows_folded() -> None:
    whole = [Problem("sheet_left_out_layout", None, None, None, "warning", {"sheet": f"S{i}"}, sheet=f"S{i}")
             for i in range(MAX_LISTED + 5)]
    rows = [Problem("place_unknown", 10 + i, "地点", "x", "error") for i in range(MAX_LISTED + 7)]
    out = bounded(whole + rows)
    assert [p for p in out if p.row is None and not p.is_summary] == whole  # every one, none folded
    summaries = [p for p in out if p.is_summary]
    assert len(summaries) == 1 and summaries[0].code == "place_unknown" and len(summaries[0].more_rows) == 7
    assert out[-1] is summaries[0]


@pytest.mark.parametrize(("lang", "says"), [("zh", "另有 3 个工作表未读取（“S4”至“S6”）：一次导入最多读取 4 个工作表"),
                                            ("en", "3 more sheets were not read (\"S4\" to \"S6\"): one import "
                                                   "reads at most 4 sheets")])
def test_sheets_past_the_limit_are_said_once(empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], lang: str, says: str) -> None:
    monkeypatch.setattr(importer, "MAX_SHEETS", 4)  # the real limit is 200: the same path, with 7 sheets
    book = openpyxl.Workbook()
    book.remove(book.active)
    for i in range(7):
        sheet = book.create_sheet(f"S{i}")
        sheet.append(["项目名称", "建设地点", "总投资（万元）"])
        sheet.append([f"光伏组件项目{i}", "南京市", 100 + i])
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    code, out = run_json(capsys, "import", str(path), "--db", str(empty_db), "--json", "--lang", lang)
    assert code == 0 and out["rows_imported"] == 4 and out["sheets_read"] == ["S0", "S1", "S2", "S3"], out
    left = [w for w in out["warnings"] if w["code"] == "sheet_left_out_too_many"]
    assert len(left) == 1 and says in left[0]["message"], left
