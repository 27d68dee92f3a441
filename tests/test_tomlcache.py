"""TOML read through a parsed copy kept as JSON: the same data as ``tomllib`` gives, never a stale copy."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dashboard import tomlcache
from dashboard.config import DATA_DIR
from dashboard.i18n import LOCALES

SOURCES = [DATA_DIR / "taxonomy.toml", *sorted(LOCALES.glob("*.toml"))]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sei-dashboard" / "toml"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_the_copy_reads_as_tomllib_parses_the_file(path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = tomllib.loads(path.read_text(encoding="utf-8"))
    assert tomlcache.load(path) == expected  # parsed, and a copy kept
    assert len(list(cache.glob(f"{path.stem}-*.json"))) == 1

    def no_parsing(text: str) -> dict:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomlcache.tomllib, "loads", no_parsing)
    again = tomlcache.load(path)
    assert again == expected and list(again) == list(expected)  # same keys in the same order


def test_an_edited_file_is_parsed_afresh_and_its_older_copy_goes(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text('[zh]\ntitle = "总览"\n', encoding="utf-8")
    assert tomlcache.load(path) == {"zh": {"title": "总览"}}
    path.write_text('[zh]\ntitle = "概览"\n', encoding="utf-8")
    assert tomlcache.load(path) == {"zh": {"title": "概览"}}
    assert len(list(cache.glob("words-*.json"))) == 1


def test_what_json_cannot_hold_is_parsed_every_time(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "dated.toml"
    path.write_text("when = 2026-12-03\nshare = nan\n", encoding="utf-8")
    got = tomlcache.load(path)
    assert str(got["when"]) == "2026-12-03" and got["share"] != got["share"]
    assert not list(cache.glob("dated-*.json"))


def test_a_damaged_copy_or_an_unwritable_cache_only_costs_the_parse(tmp_path: Path, cache: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "words.toml"
    path.write_text('[en]\ntitle = "Summary"\n', encoding="utf-8")
    tomlcache.load(path)
    (kept,) = cache.glob("words-*.json")
    kept.write_text('{"en": {"title": "Summ', encoding="utf-8")  # cut short
    assert tomlcache.load(path) == {"en": {"title": "Summary"}}
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert tomlcache.load(path) == {"en": {"title": "Summary"}}
