-- 013: a project's match key (name_key, migration 012) folds ASCII letters to lower case too (5G基站 / 5g基站,
-- AI产业园 / ai产业园: one project typed in another case; an import stored them as two). No column changes: the
-- hook after this migration lowers the letters of the keys already stored in projects and replaced_projects
-- (dashboard/store/namekeys.py, refold); a restore of a backup from before it does the same.
SELECT 13 AS name_key_case;
