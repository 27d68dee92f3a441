-- 009: a national statistic names its publisher in English too (statistics.csv's source_publisher_en), as
-- the public lists do (publisher_en): the English pages showed 国家统计局. The hook after this migration
-- reloads the public tables from data/public_lists/ (dashboard/store/public_lists.py, load).
ALTER TABLE public_statistics ADD COLUMN source_publisher_en VARCHAR;
