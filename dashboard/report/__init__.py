"""The Summary's data and highlights (``summary``) and its printable export (``export``)."""

from .export import CHROMIUM, build_html, figures, filters_text, html_to_pdf, kpi_cards, render_png
from .summary import (
    Run,
    SummaryData,
    growth_years,
    highlights,
    kpi_year,
    load_summary,
    sector_growth,
    sector_table,
    top_projects_table,
)

__all__ = [
    "CHROMIUM", "Run", "SummaryData", "build_html", "figures", "filters_text", "growth_years", "highlights",
    "html_to_pdf", "kpi_cards", "kpi_year", "load_summary", "render_png", "sector_growth", "sector_table",
    "top_projects_table",
]
