"""Issue 12 (s24-imports5): a list whose title names only a town (黄圃镇2024年重点项目清单) could not be placed
and said only "no location column". The place index goes down to counties (data/regions.csv: no towns, and
none is made up here), so: a note under the table naming the town with its city (注：填报单位为中山市黄圃镇
人民政府) places it, said; otherwise the refusal names the town and what to add (a 县区 column, the county in
the location or the title), in zh and en. Corpus: ``make_corpus.TOWN_TITLE*``."""

from __future__ import annotations

from pathlib import Path

import pytest
from importkit import CORPUS, run_json, stored_projects

from dashboard.ingest import places


@pytest.mark.parametrize(("lang", "words"), [("zh", ["黄圃镇", "县区"]), ("en", ["黄圃镇", "county column"])])
def test_a_town_title_without_a_place_column_says_what_to_add(
        empty_db: Path, capsys: pytest.CaptureFixture[str], lang: str, words: list[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "town_title.csv"), "--db", str(empty_db), "--json",
                         "--dry-run", "--lang", lang)
    assert code == 1 and out["error"] == "no_place_town", out
    assert all(w in out["message"] for w in words), out["message"]


def test_a_note_naming_the_town_with_its_city_places_the_list(empty_db: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "town_title_note.csv"), "--db", str(empty_db), "--json")
    assert code == 0 and out["rows_imported"] == 2, out
    note = next(w for w in out["warnings"] if w["code"] == "place_town_from_note")
    assert note["row"] == 5 and "中山市" in note["message"]
    assert {v[0:2] for v in stored_projects(empty_db).values()} == {("440000", "442000")}


def test_unknown_sites_under_a_town_title_say_what_to_add(empty_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "import", str(CORPUS / "town_title_sites.csv"), "--db", str(empty_db), "--json",
                         "--dry-run")
    assert code == 1 and [(e["row"], e["code"]) for e in out["errors"]] == [(3, "place_unknown")], out
    assert "place_town_title" in [w["code"] for w in out["warnings"]]


@pytest.mark.parametrize(("title", "town"), [
    ("黄圃镇2024年重点项目清单", "黄圃镇"), ("2024年东升街道重大项目", "东升街道"),
    ("小榄镇人民政府关于印发", "小榄镇"),
    ("美丽乡村建设项目清单", None), ("乡村振兴重点项目", None), ("镇江市2024年重点项目", None)])
def test_a_town_is_read_only_at_the_head_of_a_title(title: str, town: str | None) -> None:
    assert places.town_in_title([title]) == town
