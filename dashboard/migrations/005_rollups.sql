-- 005: rollups, pre-aggregated at the grain the pages ask for. Derived data: dashboard/store/rollups.py
-- rebuilds them from the base tables inside every write transaction that changes projects, so they are
-- never out of step. Plain, constraint-free tables (DuckLake). ``tier`` is the tier of the project's
-- cluster (NULL = none); ``province_code`` stays a dimension so province scopes and filters apply.

-- project_investments × projects: planned and completed investment by flow year.
CREATE TABLE rollup_flows (
    sector        VARCHAR,
    province_code VARCHAR,
    stage         VARCHAR,
    ownership     VARCHAR,
    tier          VARCHAR,
    batch_id      INTEGER,
    year          INTEGER,
    planned_wan   DECIMAL(38, 2),
    completed_wan DECIMAL(38, 2),     -- NULL when no row of the group has a completed amount
    completed_n   BIGINT NOT NULL     -- rows with a completed amount
);

-- project_funding × projects: amount and funding rows by channel and start year.
CREATE TABLE rollup_funding (
    source        VARCHAR,
    sector        VARCHAR,
    province_code VARCHAR,
    start_year    INTEGER,
    stage         VARCHAR,
    ownership     VARCHAR,
    tier          VARCHAR,
    batch_id      INTEGER,
    amount_wan    DECIMAL(38, 2),
    rows          BIGINT NOT NULL
);
