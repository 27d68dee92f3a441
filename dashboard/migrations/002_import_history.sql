-- 002: what an import needs so that it can be reverted, and keeps what it could not map.

ALTER TABLE import_batches ADD COLUMN rows_updated INTEGER DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN warnings INTEGER DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN mapping VARCHAR;       -- JSON: source header -> field

-- Cells of columns that mapped to no field, kept with their batch, never dropped.
CREATE TABLE batch_extra_values (
    batch_id    INTEGER NOT NULL,
    source_row  INTEGER NOT NULL,                -- 1-based row number as seen in the file
    project_id  BIGINT,
    column_name VARCHAR NOT NULL,
    value       VARCHAR
);

-- Rows that an import replaced (on-duplicate = update): a revert puts them back.
CREATE TABLE replaced_projects AS SELECT *, NULL::INTEGER AS replaced_by FROM projects LIMIT 0;
CREATE TABLE replaced_investments AS SELECT *, NULL::INTEGER AS replaced_by FROM project_investments LIMIT 0;
CREATE TABLE replaced_funding AS SELECT *, NULL::INTEGER AS replaced_by FROM project_funding LIMIT 0;
