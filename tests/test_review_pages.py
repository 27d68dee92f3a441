"""What a reader sees on the pages, found by walking them in a browser (the review of 2026-12-02):
no "None" or "nan" in a table, each checked with AppTest on the demo store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.apptest_helpers import goto, open_page

TABLE_PAGES = ["summary", "sectors", "clusters", "regions", "projects"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_show_no_missing_values(demo_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """A data grid draws a missing number as "None": every table shows '—' instead (the clusters list's
    year of designation is empty for clusters still being cultivated)."""
    at = open_page(demo_db, monkeypatch, "summary", lang=lang)
    seen = 0
    for page in TABLE_PAGES:
        if page != "summary":
            goto(at, page).run()
        assert not at.exception, (page, at.exception)
        for frame in at.dataframe:
            value = frame.value
            if not isinstance(value, pd.DataFrame):
                continue
            seen += 1
            missing = [c for c in value.columns if value[c].isna().any()]
            words = [c for c in value.columns if value[c].astype(str).isin(["None", "nan", "NaN", "<NA>"]).any()]
            assert missing == [] and words == [], (page, missing, words)
    assert seen >= 4
