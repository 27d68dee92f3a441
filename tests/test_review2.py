"""What a reader saw on the pages in the browser review of 2026-12-02 (s25): each defect found there,
checked where it is made (a chart builder, a page under AppTest, the chrome style sheet)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest


def _ink_columns(png: bytes) -> np.ndarray:
    """The x of every pixel column holding something darker than the page's white."""
    from PIL import Image

    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    return np.where((grey < 200).any(axis=0))[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sector_growth_labels_stay_inside_the_chart(lang: str) -> None:
    """The sectors page's four-panel comparison at 1,280 px (820 px wide) cut the largest growth label,
    '+125.4%', at its right edge: the label stands outside its bar and the figure had a 10 px margin."""
    from dashboard.charts import overview as charts
    from dashboard.charts.base import text_px

    table = pd.DataFrame({
        "sector": ["info_tech", "new_energy", "smart_nev", "digital_creative", None],
        "projects": [646, 506, 348, 105, 44],
        "investment_yi": [9840.0, 8813.0, 7666.0, 290.0, 572.0],
        "completed_yi": [6370.0, 5751.0, 4460.0, 182.0, 361.0],
        "growth": [0.083, 0.04, 1.254, -0.08, 0.272],
    })
    fig = charts.sector_compare(table, lang, "as of", (2023, 2024))
    assert fig.layout.margin.r >= text_px("+125.4%", 13), fig.layout.margin
    png = fig.to_image(format="png", width=820, height=int(fig.layout.height))
    ink = _ink_columns(png)
    assert ink.max() < 820 - 3, f"something is drawn up to the right edge (x={ink.max()})"
