"""Chart and table downloads read like the page they came from: headers in the page's language with the
unit of every money column, coded values (sector, tier, stage, funding channel, ...) by name, money
rounded to what the page shows.

Every page is run with AppTest on the demo store in Chinese and in English, and every CSV its download
buttons would serve (including files made on click) is opened as text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from dashboard import taxonomy
from tests.apptest_helpers import goto, open_page
from tests.test_downloads import media, served  # noqa: F401 - the fixture is used by name

PAGES = ["summary", "sectors", "clusters", "regions", "funding", "projects"]
IDENTIFIER = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")  # investment_yi, province_code, new_energy ...
HAN = re.compile(r"[\u4e00-\u9fff]")


def _slugs() -> set[str]:
    kinds = (taxonomy.sectors, taxonomy.subfields, taxonomy.tiers, taxonomy.programmes, taxonomy.funding_sources,
             taxonomy.ownership_terms, taxonomy.stage_terms)
    return {item.slug for kind in kinds for item in kind() if not HAN.search(item.slug)}


def _csvs(at, media_) -> dict[str, pd.DataFrame]:  # noqa: ANN001
    out = {}
    for label, (name, data) in served(at, media_).items():
        if name.endswith(".csv"):
            out[f"{name} ({label})"] = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str,
                                                   keep_default_na=False)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_and_table_downloads_are_labelled(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                media: list[MediaFileManager], lang: str) -> None:  # noqa: F811
    slugs = _slugs()
    unit = "亿元" if lang == "zh" else "CNY bn"
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    problems: list[str] = []
    seen = 0
    for page in PAGES:
        if page != "summary":
            goto(at, page).run()
        assert not at.exception, (page, at.exception)
        for name, frame in _csvs(at, media).items():
            seen += 1
            for column in frame.columns:
                if IDENTIFIER.match(column) or column in slugs:
                    problems.append(f"{page} {name}: raw column name {column!r}")
                if lang == "en" and HAN.search(column):
                    problems.append(f"{page} {name}: Chinese column name {column!r} in English")
                values = frame[column]
                raw = sorted(set(values) & slugs)
                if raw:
                    problems.append(f"{page} {name}: column {column!r} holds codes {raw[:3]}")
                if any(w in column.lower() for w in ("投资", "资金", "investment", "amount", "funding")) \
                        and "%" not in column and pd.to_numeric(values, errors="coerce").notna().all() and len(values):
                    if unit not in column:
                        problems.append(f"{page} {name}: money column {column!r} does not name {unit}")
                    long = [v for v in values if "." in v and len(v.split(".")[1]) > (2 if lang == "zh" else 3)]
                    if long:
                        problems.append(f"{page} {name}: money column {column!r} unrounded: {long[:2]}")
    assert seen >= 12
    assert problems == [], "\n".join(problems)
