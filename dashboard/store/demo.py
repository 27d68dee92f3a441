"""Writing and removing the demo dataset (its numbers are drawn by :mod:`dashboard.demo`).

Project names are assembled here, in SQL, from small word tables: a template per sub-field with
{owner}, {city}, {n} and {phase} filled from the drawn numbers, so millions of names cost one query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from . import batches, namekeys, rollups
from .core import scalar, write
from .engine import Connection

ProjectChunks = Callable[[int], Iterator[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]]

# The demo's projects are assembled and finished in a temporary table, then written with one INSERT:
# DuckLake then writes them as an import's are (files sorted as the table says, migration 006), where
# UPDATEs on the stored table would leave delete files and unsorted rewritten rows behind.
_STAGE = "demo_projects"

# The columns of migration 001 (a store built in steps gets the demo before migration 012's name_key).
_INSERT_PROJECTS = """
INSERT INTO demo_projects (project_id, name, content, sector, subfield, sector_source, sector_confidence,
    sector_keywords, cluster_id, province_code, city_code, owner, ownership, stage, programme, start_year,
    end_year, total_investment_wan, batch_id)
SELECT
    c.project_id,
    replace(replace(replace(replace(t.template,
        '{owner}', replace(pl.city_short || $brand[c.brand_idx + 1] || w.word || $suffix[c.suffix_idx + 1],
                           '科技科技', '科技')),
        '{city}', pl.city_name),
        '{n}', CAST(c.n_value AS VARCHAR)),
        '{phase}', c.phase) AS name,
    NULL AS content,
    s.sector, s.subfield,
    CASE WHEN c.project_id % 10 < 3 THEN 'auto' ELSE 'given' END AS sector_source,
    CASE WHEN c.project_id % 10 < 3 THEN c.confidence END AS sector_confidence,
    NULL AS sector_keywords,
    NULL AS cluster_id,
    pl.province_code, pl.city_code,
    replace(pl.city_short || $brand[c.brand_idx + 1] || w.word || $suffix[c.suffix_idx + 1],
            '科技科技', '科技') AS owner,
    c.ownership, c.stage, c.programme, c.start_year, c.end_year,
    CAST(c.total_investment_wan AS DECIMAL(18, 2)),
    $batch_id
FROM chunk c
JOIN places pl ON pl.idx = c.place_idx
JOIN subs s ON s.sub_idx = c.sub_idx
JOIN templates t ON t.sub_idx = c.sub_idx AND t.tpl_idx = CAST(floor(c.tpl_u * s.n_templates) AS INTEGER)
JOIN words w ON w.sector = s.sector AND w.word_idx = CAST(floor(c.word_u * w.n_words) AS INTEGER)
ORDER BY c.project_id
"""


@dataclass
class DemoWords:
    """The word tables project names and owners are assembled from."""

    places: pd.DataFrame      # province_code, city_code, city_name, city_short, ... (row position = place_idx)
    subs: pd.DataFrame        # sub_idx, sector, subfield, n_templates, ...
    templates: pd.DataFrame   # sub_idx, tpl_idx, template
    words: pd.DataFrame       # sector, word_idx, word, n_words
    brands: Sequence[str]
    suffixes: Sequence[str]
    non_sei_names: Sequence[str]   # names that make every ``non_sei_every``-th project non-SEI
    non_sei_every: int


def places(con: Connection, provinces: Sequence[str]) -> pd.DataFrame:
    """Every (province, city) of these provinces: codes, full and short names."""
    return con.execute(
        """
        SELECT p.code AS province_code, c.code AS city_code,
               coalesce(c.name, p.name) AS city_name, coalesce(c.short_name, p.short_name) AS city_short
        FROM regions p LEFT JOIN regions c ON c.parent_code = p.code AND c.level = 'city'
        WHERE p.level = 'province' AND p.code IN (SELECT unnest(?))
        ORDER BY p.code, c.code
        """,
        [list(provinces)],
    ).df()


def districts(con: Connection) -> pd.DataFrame:
    """Every district's short name and its city's code."""
    return con.execute(
        "SELECT d.short_name, coalesce(c.code, d.parent_code) AS city_code FROM regions d "
        "LEFT JOIN regions c ON c.code = d.parent_code AND c.level = 'city' WHERE d.level = 'district'"
    ).df()


def insert(con: Connection, file_name: str, words: DemoWords, clusters: pd.DataFrame, metrics: pd.DataFrame,
           chunks: ProjectChunks, n_total: int) -> int:
    """Write the demo dataset as one demo batch in one transaction; returns its batch id.

    ``clusters`` and ``metrics`` number clusters from 1 (shifted past the stored ones here);
    ``chunks(first_project_id)`` yields (projects, yearly flows, funding) frames.
    """
    label: dict = {"demo": "added"}
    with write(con, message="demo data", author="demo", what="change", extra=label):
        batch_id = batches.new_batch(con, file_name, imported_by="demo", is_demo=True)
        label["batch"] = batch_id
        con.register("places", words.places.assign(idx=words.places.index))
        con.register("subs", words.subs)
        con.register("templates", words.templates)
        con.register("words", words.words)
        params = {"brand": list(words.brands), "suffix": list(words.suffixes), "batch_id": batch_id}
        offset = scalar(con, "SELECT coalesce(max(cluster_id), 0) FROM clusters")
        clusters = clusters.assign(cluster_id=clusters["cluster_id"] + offset, batch_id=batch_id)
        con.register("new_clusters", clusters)
        con.execute("INSERT INTO clusters SELECT * FROM new_clusters")
        con.register("new_metrics", metrics.assign(cluster_id=metrics["cluster_id"] + offset))
        con.execute("INSERT INTO cluster_metrics SELECT * FROM new_metrics")
        con.execute(f"CREATE OR REPLACE TEMP TABLE {_STAGE} AS SELECT * FROM projects LIMIT 0")
        for chunk, flows, funding in chunks(batches.next_project_id(con)):
            rollups.changing(con, chunk["project_id"].to_numpy())  # new ids: the rollups add their rows
            con.register("chunk", chunk)
            con.execute(_INSERT_PROJECTS, params)
            con.register("flows", flows)
            con.execute("INSERT INTO project_investments SELECT project_id, year, planned_wan, completed_wan "
                        "FROM flows")
            con.register("funding", funding)
            con.execute("INSERT INTO project_funding SELECT project_id, source, amount_wan FROM funding")
        # About half the projects in a city with a designated cluster of the same sector belong to it.
        con.execute(
            """
            UPDATE demo_projects p SET cluster_id = m.cluster_id
            FROM (SELECT city_code, sector, min(cluster_id) AS cluster_id FROM clusters
                  WHERE tier = 'cluster' AND status = 'designated' AND batch_id = $batch_id
                  GROUP BY ALL) m
            WHERE p.batch_id = $batch_id AND p.city_code = m.city_code AND p.sector = m.sector
              AND p.project_id % 2 = 0
            """,
            {"batch_id": batch_id},
        )
        _finish_names(con, batch_id, words)
        con.execute(f"INSERT INTO projects SELECT * {_with_name_key(con)} FROM {_STAGE}")
        con.execute(f"DROP TABLE {_STAGE}")
        con.execute(
            "UPDATE import_batches SET rows_read = ?, rows_imported = ? WHERE batch_id = ?",
            [n_total, n_total, batch_id],
        )
        for name in ("places", "subs", "templates", "words", "new_clusters", "new_metrics", "chunk",
                     "flows", "funding"):
            con.unregister(name)
    return batch_id


def _finish_names(con: Connection, batch_id: int, words: DemoWords) -> None:
    """Make a few projects non-SEI, then make (name, province, start year) unique as real lists are."""
    con.execute(
        """
        UPDATE demo_projects SET sector = NULL, subfield = NULL, sector_source = 'auto', sector_confidence = 0,
               cluster_id = NULL,
               name = coalesce((SELECT name FROM regions WHERE code = city_code), '')
                      || $names[(project_id // $every) % len($names) + 1]
        WHERE batch_id = $batch AND project_id % $every = 0
        """,
        {"batch": batch_id, "every": words.non_sei_every, "names": list(words.non_sei_names)},
    )
    con.execute(
        """
        UPDATE demo_projects SET name = demo_projects.name || '（' || d.phase || '）'
        FROM (
            SELECT project_id, ['二期', '三期', '四期', '五期', '六期'][least(n - 1, 5)]
                   || CASE WHEN n > 6 THEN '-' || (n - 6) ELSE '' END AS phase
            FROM (SELECT project_id, row_number() OVER (
                      PARTITION BY name, province_code, start_year ORDER BY project_id) AS n
                  FROM demo_projects WHERE batch_id = $batch)
            WHERE n > 1
        ) d
        WHERE demo_projects.project_id = d.project_id
        """,
        {"batch": batch_id},
    )


def _with_name_key(con: Connection) -> str:
    """The REPLACE clause that gives the staged projects their match key (migration 012), once their names
    are final; nothing on a store from before the migration (its hook fills the key then)."""
    staged = con.execute(f"SELECT * FROM {_STAGE} LIMIT 0")
    columns = {d[0] for d in staged.description}
    staged.fetchall()  # no result left open on the connection
    if "name_key" not in columns:
        return ""
    return f"REPLACE ({namekeys.key_sql('name', namekeys.wide_present(con, _STAGE))} AS name_key)"


def remove(con: Connection) -> int:
    """Remove all demo data in one transaction; returns the number of projects removed."""
    with write(con, message="remove demo data", what="change", extra={"demo": "removed"}):
        return sum(batches.delete_rows(con, b) for b in batches.demo_batches(con))
