-- 003: public reference lists (real national designations, loaded from data/public_lists/ by the
-- store, kept apart from demo and imported clusters), and funding channels named by the taxonomy
-- rather than by a CHECK list (clause (十五)'s 保险等中长期资金 is a channel now).
-- Constraint-free on purpose: the store is moving to DuckLake (no keys, no CHECK, no sequences).

CREATE TABLE project_funding_v3 (
    project_id BIGINT NOT NULL,
    source     VARCHAR NOT NULL,                 -- funding-channel slug of data/taxonomy.toml
    amount_wan DECIMAL(18, 2) NOT NULL
);
INSERT INTO project_funding_v3 SELECT project_id, source, amount_wan FROM project_funding;
DROP TABLE project_funding;
ALTER TABLE project_funding_v3 RENAME TO project_funding;

-- One row per published list (the NDRC's first batch of national SEI clusters, MIIT's national
-- advanced manufacturing clusters, ...): what it is, who published it, how many it announced.
CREATE TABLE public_lists (
    list_slug       VARCHAR NOT NULL,
    name_zh         VARCHAR NOT NULL,
    name_en         VARCHAR NOT NULL,
    programme_zh    VARCHAR NOT NULL,
    programme_en    VARCHAR NOT NULL,
    publisher_zh    VARCHAR NOT NULL,
    publisher_en    VARCHAR NOT NULL,
    document        VARCHAR,                     -- e.g. 发改办高技〔2019〕1473号
    announced_year  INTEGER,
    announced_total INTEGER NOT NULL,            -- the count the publisher announced
    counts_to_tier  VARCHAR,                     -- the clause (九) tier it counts towards, or NULL
    source_url      VARCHAR NOT NULL,
    notes           VARCHAR
);

-- The clusters on those lists, each with the source it was verified against.
CREATE TABLE public_clusters (
    list_slug       VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    name            VARCHAR NOT NULL,
    field_zh        VARCHAR,                     -- the field as the source words it
    sector          VARCHAR,                     -- taxonomy sector slug it maps to, NULL if none
    province_code   VARCHAR NOT NULL,            -- GB/T 2260
    city_code       VARCHAR,
    designated_year INTEGER NOT NULL,
    batch           VARCHAR,
    source_url      VARCHAR NOT NULL,
    source_publisher VARCHAR NOT NULL,
    source_date     VARCHAR
);

-- National statistics shown as context (e.g. the SEI share of GDP), each with its source.
CREATE TABLE public_statistics (
    indicator        VARCHAR NOT NULL,
    name_zh          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    value            DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    source_url       VARCHAR NOT NULL,
    source_publisher VARCHAR NOT NULL,
    source_date      VARCHAR,
    note             VARCHAR
);
