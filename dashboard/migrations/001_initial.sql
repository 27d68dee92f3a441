-- 001: the initial schema. Money is DECIMAL(18,2) in 万元 in columns ending _wan.

CREATE TABLE store_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE regions (
    code         VARCHAR PRIMARY KEY,            -- GB/T 2260 six-digit code, e.g. '320500'
    name         VARCHAR NOT NULL,               -- 苏州市
    short_name   VARCHAR NOT NULL,               -- 苏州
    name_en      VARCHAR NOT NULL,               -- Suzhou
    level        VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'district')),
    parent_code  VARCHAR,
    region_group VARCHAR CHECK (region_group IN ('东部', '中部', '西部', '东北')),
    lon          DOUBLE,
    lat          DOUBLE
);

CREATE TABLE import_batches (
    batch_id      INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR,
    imported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    imported_by   VARCHAR,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_imported INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0,
    status        VARCHAR NOT NULL CHECK (status IN ('committed', 'reverted')),
    is_demo       BOOLEAN NOT NULL DEFAULT false,
    reverted_at   TIMESTAMP
);

CREATE TABLE targets (
    tier          VARCHAR PRIMARY KEY CHECK (tier IN ('base', 'cluster', 'ecosystem')),
    target_count  INTEGER NOT NULL CHECK (target_count > 0),
    target_year   INTEGER NOT NULL,
    source_clause VARCHAR NOT NULL
);

CREATE TABLE clusters (
    cluster_id       INTEGER PRIMARY KEY,
    name             VARCHAR NOT NULL,
    tier             VARCHAR NOT NULL CHECK (tier IN ('base', 'cluster', 'ecosystem')),
    status           VARCHAR NOT NULL CHECK (status IN ('designated', 'cultivating', 'reserve')),
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
    innovation_platforms INTEGER,
    PRIMARY KEY (cluster_id, year)
);

-- The three project tables carry no index: bulk loads of millions of rows stay fast, and the
-- single writer (dashboard.store) allocates project ids.
CREATE TABLE projects (
    project_id           BIGINT NOT NULL,
    name                 VARCHAR NOT NULL,
    content              VARCHAR,
    sector               VARCHAR,                -- taxonomy slug; NULL = unclassified
    subfield             VARCHAR,
    sector_source        VARCHAR CHECK (sector_source IN ('given', 'auto', 'manual')),
    sector_confidence    DOUBLE,
    sector_keywords      VARCHAR,                -- keywords the tagger matched, '、'-joined
    cluster_id           INTEGER,
    province_code        VARCHAR NOT NULL,
    city_code            VARCHAR,
    owner                VARCHAR,
    ownership            VARCHAR CHECK (ownership IN ('state', 'private', 'foreign', 'mixed')),
    stage                VARCHAR CHECK (stage IN ('planned', 'under_construction', 'completed', 'cancelled')),
    programme            VARCHAR CHECK (programme IN ('innovation_capability', 'industry_city',
                                                      'application_scenarios', 'public_service')),
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
    source     VARCHAR NOT NULL CHECK (source IN ('central_budget', 'local_special_bonds',
        'gov_industry_fund', 'bank_loans', 'corporate_bonds', 'equity_vc_pe', 'infra_reits',
        'foreign_capital', 'self_raised')),
    amount_wan DECIMAL(18, 2) NOT NULL
);
