-- 010: the sheet an import batch read. One import reads one sheet, and a workbook with a project table on
-- each of several sheets (one per city) is imported sheet by sheet: the same file with another sheet is
-- not "the same file imported twice". Batches from before this migration have no sheet (NULL) and still
-- refuse the same file whatever its sheet (dashboard/store/batches.py, next_batch_and_earlier).
ALTER TABLE import_batches ADD COLUMN sheet VARCHAR;
