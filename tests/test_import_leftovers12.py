"""Issue 12: the classes round 11 (s31-hostile11, leftovers11) found and left, fixed at their root (s32-leftovers12).
Rows shifted a cell or with two columns' values swapped were refused or lost cell by cell; OCR letters in years
(2O24-2O26, l998) were "no year" (2O24-2026 was read as 2026 alone), 150000。 and 1 5 0 0 0 0 "not an amount";
Suzhou alone, English districts, project codes and city clusters (中原城市群, 呼包鄂榆) were unknown places; a header
merged over three columns filled only the second; PDF text in runs of spaces and one cell per line were "no
header"; an xlsx with backslash part names was refused as damaged, a GIF or PDF signature before CSV text was read
as CSV; an HTML export holding 150000 while showing 15.00 kept the shown figure unsaid; a 行业类别 column of GB/T
4754 classes was no hint at all. Corpus: ``tests/corpus/make_corpus.py``, ``write_leftovers12``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from importkit import (
    CORPUS,
    import_json,
    problem_codes,
    refused_unchanged,
    stored_projects,
)

# ---------------------------------------------------------------------------- 2. OCR letters in years


@pytest.mark.parametrize(("lang", "said"), [("zh", ("扫描件", "2024-2026", "句号", "每个数字之间都有空格", "小数点")),
                                            ("en", ("OCR", "2024-2026", "full stop", "space after every digit",
                                                    "decimal point"))])
def test_ocr_letters_in_years_and_amounts_said(empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                               said: tuple[str, ...]) -> None:
    """2O24-2O26, 2〇24-2〇26, l998, 2o25, 2O24-2026: the year left empty (as an unreadable year is; never read as
    digits, as an amount's OCR letters are not), said with the digits they may be; 2O24-2026 was read as 2026 alone.
    150000。 and 1 5 0 0 0 0 read and said; 1。5亿元 and 15〇〇〇〇 (was read as 15) refused saying what they are."""
    out = refused_unchanged(empty_db, capsys, CORPUS / "ocr_years.csv", "--lang", lang)
    assert problem_codes(out["errors"]) == [(9, "amount_ideographic_point"), (10, "amount_ocr_letters")]
    assert said[4] in out["errors"][0]["message"] and "150000" in out["errors"][1]["message"]
    assert problem_codes(out["warnings"]) == [(r, "year_ocr_letters") for r in (2, 3, 4, 5, 6)] + [
        (7, "amount_full_stop"), (8, "amount_spaced_out")]
    ocr = out["warnings"][0]
    assert ocr["column"] == "建设起止年限" and said[0] in ocr["message"] and said[1] in ocr["message"]
    assert "1998" in out["warnings"][2]["message"] and "2024-2026" in out["warnings"][4]["message"]
    assert said[2] in out["warnings"][5]["message"] and "150,000.00" in out["warnings"][5]["message"]
    assert said[3] in out["warnings"][6]["message"] and out["warnings"][6]["column"] == "总投资（万元）"
    code, _out = import_json(empty_db, capsys, "ocr_years.csv", "--skip-invalid")
    assert code == 0
    assert {k: v[2:5] for k, v in stored_projects(empty_db).items()} == {
        "甲项目": (Decimal("150000.00"), None, None), "乙项目": (Decimal("150000.00"), None, None),
        "丙项目": (Decimal("150000.00"), None, None), "丁项目": (Decimal("150000.00"), None, None),
        "戊项目": (Decimal("150000.00"), None, None), "己项目": (Decimal("150000.00"), 2024, 2026),
        "庚项目": (Decimal("150000.00"), 2024, 2026)}
