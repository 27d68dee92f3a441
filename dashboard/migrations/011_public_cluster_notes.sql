-- 011: a public cluster's source note in English too (clusters.csv's source_publisher_en; the English pages
-- showed the Chinese note, the Chinese pages an English one), and what kind of page its source is
-- (source_kind: publisher / media / repost, named in dashboard/locales/clusters.toml); a list's document in
-- English (lists.csv's document_en: the English clusters page wrote the notice's Chinese title). The hook after this
-- migration reloads the public tables from data/public_lists/ (dashboard/store/public_lists.py, load).
ALTER TABLE public_clusters ADD COLUMN source_publisher_en VARCHAR;
ALTER TABLE public_clusters ADD COLUMN source_kind VARCHAR;
ALTER TABLE public_lists ADD COLUMN document_en VARCHAR;
