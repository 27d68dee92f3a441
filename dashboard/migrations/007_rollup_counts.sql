-- 007: the counts the rollups need to be kept up to date write by write (issue 10) instead of rebuilt.
-- An import adds its projects' rows to the rollups and takes out the old rows of the projects it updates;
-- a revert does the reverse (dashboard/store/rollups.py). A sum over no value is NULL, so each nullable
-- sum gets the count of the values it sums, and rollup_flows the count of its rows: the upkeep can then
-- tell a NULL sum from 0 and an empty group (deleted) from a group of zeros. Filled by a full rebuild.
ALTER TABLE rollup_flows ADD COLUMN planned_n BIGINT;     -- rows with a planned amount
ALTER TABLE rollup_flows ADD COLUMN rows BIGINT;          -- flow rows in the group
ALTER TABLE rollup_projects ADD COLUMN investment_n BIGINT;  -- projects with a total investment
