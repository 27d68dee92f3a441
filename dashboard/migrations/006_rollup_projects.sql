-- 006: projects pre-aggregated (issue 10), and the projects table's files sorted by investment.
-- Derived data like 005: dashboard/store/rollups.py rebuilds it inside every write that changes projects.
-- The grain keeps every dimension a sidebar filter can narrow except the sub-field, plus what the pages
-- group by: the programme, the project's cluster (for a cluster's project count) and ``due_year``, the
-- first year in which a project counts as overdue (planned: start year + 1; under construction: end
-- year + 1; otherwise NULL), so "overdue as of Y" is ``due_year <= Y`` for any Y.
CREATE TABLE rollup_projects (
    sector         VARCHAR,
    province_code  VARCHAR,
    start_year     INTEGER,
    stage          VARCHAR,
    ownership      VARCHAR,
    tier           VARCHAR,
    batch_id       INTEGER,
    programme      VARCHAR,
    cluster_id     INTEGER,
    due_year       INTEGER,
    projects       BIGINT NOT NULL,
    investment_wan DECIMAL(38, 2)      -- NULL when no project of the group has an amount
);

-- Flows by cluster too (a cluster's investment by year on the Clusters page).
ALTER TABLE rollup_flows ADD COLUMN cluster_id INTEGER;

-- Every file DuckLake writes for projects (each import, the demo data, compaction by `maintain`) is
-- sorted largest investment first, so the lists "largest projects first" read one row group per file:
-- the file statistics let DuckDB skip the rest.
ALTER TABLE projects SET SORTED BY (total_investment_wan DESC NULLS LAST);

-- The watch list's candidates: every project overdue as of the latest year with a completed amount
-- (else the current year) at the last write, with what the list shows, sorted by the year it fell due,
-- so "longest overdue first" reads the first rows of one file instead of every project's name. Queries
-- use it only when it holds every project due by the year asked (else they read projects).
CREATE TABLE rollup_watch (
    project_id           BIGINT NOT NULL,
    name                 VARCHAR,
    owner                VARCHAR,
    province_code        VARCHAR,
    city_code            VARCHAR,
    sector               VARCHAR,
    subfield             VARCHAR,
    stage                VARCHAR,
    ownership            VARCHAR,
    programme            VARCHAR,
    start_year           INTEGER,
    end_year             INTEGER,
    total_investment_wan DECIMAL(18, 2),
    tier                 VARCHAR,
    batch_id             INTEGER,
    due_year             INTEGER NOT NULL
);
ALTER TABLE rollup_watch SET SORTED BY (due_year ASC, total_investment_wan DESC NULLS LAST);
