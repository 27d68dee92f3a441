-- 014: no column changes. A store migrated before the migrations ended by flushing schema_version's inlined rows
-- (dashboard.store.core._flush_schema_rows, 2026-12-03) still holds the empty inlined-row tables that its older
-- schema versions left (the ~10M bench store: 34 such tables, 26 once flushed). DuckLake reads every one of them at a
-- table's first read in a process, each with the whole catalog as of its schema version: the landing page's first
-- reads cost ~0.09 CPU-s more for them, the app's first statement ~15 ms. Migrating ends with that flush, which
-- drops them; a store made since has none to drop.
SELECT 14 AS inlined_tables;
