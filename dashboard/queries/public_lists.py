"""Queries of the public reference lists (real national designations, national statistics).

They are reference data: the sidebar filters do not narrow them (they take ``Filters`` only for the
shared query signature). Every row comes with its source.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters
from .common import df

# One shape for every cluster, public or in the store: what `python -m dashboard clusters` prints.
ALL_CLUSTERS = """
    SELECT p.name, l.counts_to_tier AS tier, 'designated' AS status,
           pr.short_name AS province, pr.name_en AS province_en, ci.short_name AS city, ci.name_en AS city_en,
           p.sector, p.designated_year, p.list_slug AS list, 'public' AS kind,
           p.source_url AS source, p.source_publisher AS source_note, l.seq_order, p.seq
    FROM public_clusters p
    JOIN (SELECT *, row_number() OVER (ORDER BY announced_year, list_slug) AS seq_order FROM public_lists) l
      USING (list_slug)
    LEFT JOIN regions pr ON pr.code = p.province_code
    LEFT JOIN regions ci ON ci.code = p.city_code
    UNION ALL
    SELECT c.name, c.tier, c.status, pr.short_name, pr.name_en, ci.short_name, ci.name_en, c.sector,
           c.designated_year, CASE WHEN b.is_demo THEN 'demo' ELSE 'import:' || c.batch_id END,
           CASE WHEN b.is_demo THEN 'demo' ELSE 'import' END,
           CASE WHEN b.is_demo THEN 'demo data (synthetic)' ELSE b.file_name END, NULL, 1000, c.cluster_id
    FROM clusters c
    LEFT JOIN import_batches b ON b.batch_id = c.batch_id
    LEFT JOIN regions pr ON pr.code = c.province_code
    LEFT JOIN regions ci ON ci.code = c.city_code
"""


def all_clusters(cur: duckdb.DuckDBPyConnection, f: Filters, list_name: str | None = None) -> pd.DataFrame:
    """Every cluster, public lists first: ``list_name`` keeps one list (a public list's slug or a
    prefix of it such as ``miit``, ``public``, ``demo``, ``import`` or ``import:<batch>``)."""
    where, params = "", {}
    if list_name:
        where = "WHERE list = $n OR kind = $n OR starts_with(list, $n)"
        params = {"n": list_name}
    return df(cur, f"""
        SELECT * EXCLUDE (seq_order, seq) FROM ({ALL_CLUSTERS}) {where}
        ORDER BY seq_order, seq, name
    """, params)


def lists(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Each public list with its announced total, the rows verified and shipped, and, for a list that
    counts towards a tier of clause (九), that tier's target."""
    return df(cur, """
        SELECT l.*, coalesce(n.verified, 0) AS verified, t.target_count
        FROM public_lists l
        LEFT JOIN (SELECT list_slug, count(*) AS verified FROM public_clusters GROUP BY 1) n USING (list_slug)
        LEFT JOIN targets t ON t.tier = l.counts_to_tier
        ORDER BY l.counts_to_tier IS NULL, l.announced_year, l.list_slug
    """)


def public_clusters(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """The clusters of the public lists with their places and sources, list by list."""
    return df(cur, """
        SELECT p.list_slug, p.seq, p.name, p.field_zh, p.sector, p.designated_year, p.batch,
               pr.short_name AS province, pr.name_en AS province_en, ci.short_name AS city,
               ci.name_en AS city_en, p.source_url, p.source_publisher, p.source_publisher_en, p.source_kind,
               p.source_date
        FROM public_clusters p
        LEFT JOIN regions pr ON pr.code = p.province_code
        LEFT JOIN regions ci ON ci.code = p.city_code
        ORDER BY p.list_slug, p.seq
    """)


def province_public_clusters(cur: duckdb.DuckDBPyConnection, f: Filters, province: str) -> pd.DataFrame:
    """The public lists' clusters in one province, the NDRC list first, each with its list and source."""
    return df(cur, """
        SELECT p.list_slug, l.name_zh AS list_zh, l.name_en AS list_en, l.counts_to_tier, p.name, p.field_zh,
               p.sector, p.designated_year, ci.short_name AS city, ci.name_en AS city_en, p.source_url
        FROM public_clusters p
        JOIN public_lists l USING (list_slug)
        LEFT JOIN regions ci ON ci.code = p.city_code
        WHERE p.province_code = $province
        ORDER BY l.counts_to_tier IS NULL, l.announced_year, p.list_slug, p.seq
    """, {"province": province})


def statistics(cur: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """National statistics kept as context (the SEI and 三新 shares of GDP), with their sources."""
    return df(cur, "SELECT * FROM public_statistics ORDER BY indicator, year")
