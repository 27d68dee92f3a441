-- 008: regions added to data/regions.csv after a store was created (雄安新区, 133100, under 河北省; see the
-- file's source column): the hook after this migration inserts every region of the file the store lacks
-- (dashboard/store/reference.py, add_regions). No table changes.
SELECT 1;
