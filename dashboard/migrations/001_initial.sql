-- 001: the initial schema. Money is DECIMAL(18,2) in 万元 in columns ending _wan.
-- DuckLake DDL: no PRIMARY KEY, UNIQUE, CHECK, indexes or sequences; dashboard.store.check keeps
-- what they guarded (unique ids, references, values from data/taxonomy.toml, money not negative).

CREATE TABLE store_meta (
    key   VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

CREATE TABLE regions (
    code         VARCHAR NOT NULL,               -- GB/T 2260 six-digit code, e.g. '320500'
    name         VARCHAR NOT NULL,               -- 苏州市
    short_name   VARCHAR NOT NULL,               -- 苏州
    name_en      VARCHAR NOT NULL,               -- Suzhou
    level        VARCHAR NOT NULL,
    parent_code  VARCHAR,
    region_group VARCHAR,
    lon          DOUBLE,
    lat          DOUBLE
);

CREATE TABLE import_batches (
    batch_id      INTEGER NOT NULL,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR,
    imported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    imported_by   VARCHAR,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    status        VARCHAR NOT NULL,
    is_demo       BOOLEAN NOT NULL DEFAULT false,
    reverted_at   TIMESTAMP
);

CREATE TABLE targets (
    tier          VARCHAR NOT NULL,
    target_count  INTEGER NOT NULL,
    target_year   INTEGER NOT NULL,
    source_clause VARCHAR NOT NULL
);

CREATE TABLE clusters (
    cluster_id       INTEGER NOT NULL,
    name             VARCHAR NOT NULL,
    tier             VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    sector           VARCHAR,
    subfield         VARCHAR,
    province_code    VARCHAR NOT NULL,
    city_code        VARCHAR,
    batch            VARCHAR,                    -- designation batch, e.g. 第一批
    designated_year  INTEGER,
    lead_enterprises VARCHAR,
    core_zone        VARCHAR,
    batch_id         INTEGER NOT NULL            -- the import batch that brought the row
);

CREATE TABLE cluster_metrics (
    cluster_id           INTEGER NOT NULL,
    year                 INTEGER NOT NULL,
    investment_wan       DECIMAL(18, 2),
    output_value_wan     DECIMAL(18, 2),
    enterprises          INTEGER,
    innovation_platforms INTEGER
);

-- The single writer (dashboard.store) allocates project ids (max + 1 inside the write).
CREATE TABLE projects (
    project_id           BIGINT NOT NULL,
    name                 VARCHAR NOT NULL,
    content              VARCHAR,
    sector               VARCHAR,                -- taxonomy slug; NULL = unclassified
    subfield             VARCHAR,
    sector_source        VARCHAR,
    sector_confidence    DOUBLE,
    sector_keywords      VARCHAR,                -- keywords the tagger matched, '、'-joined
    cluster_id           INTEGER,
    province_code        VARCHAR NOT NULL,
    city_code            VARCHAR,
    owner                VARCHAR,
    ownership            VARCHAR,
    stage                VARCHAR,
    programme            VARCHAR,
    start_year           INTEGER,
    end_year             INTEGER,
    total_investment_wan DECIMAL(18, 2),
    batch_id             INTEGER NOT NULL
);

CREATE TABLE project_investments (
    project_id    BIGINT NOT NULL,
    year          INTEGER NOT NULL,
    planned_wan   DECIMAL(18, 2),
    completed_wan DECIMAL(18, 2)
);

CREATE TABLE project_funding (
    project_id BIGINT NOT NULL,
    source     VARCHAR NOT NULL,
    amount_wan DECIMAL(18, 2) NOT NULL
);
