-- 012: a project's match key (name_key): its name with whitespace removed and full-width ASCII folded to
-- half-width (ＡＩ算力中心（一期） → AI算力中心(一期)), the key an import compares the file's names by. Kept on
-- every write (dashboard/store/batches.py), so an import looks up its file's keys in SQL instead of folding
-- stored names at every import. replaced_projects keeps it too, so a revert puts it back. The hook after
-- this migration fills it for the rows already stored (dashboard/store/batches.py, fill_name_keys).
ALTER TABLE projects ADD COLUMN name_key VARCHAR;
ALTER TABLE replaced_projects ADD COLUMN name_key VARCHAR;
