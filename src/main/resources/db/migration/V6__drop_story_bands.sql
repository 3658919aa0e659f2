-- The near-duplicate index's lookup keys leave the database (org.nashra.store.JdbcStoryIndex).
-- Runs unchanged on H2 2.x and PostgreSQL 12+.
--
-- story_bands held about fifty rows an item, one per LSH band and exact key, each written into
-- four B-trees: on H2 that cost more than everything else of ingest together (3-15 us a row,
-- bench/dedup/README.md). Every key is a function of the item's row in story_fingerprints
-- (its shingle, word and title sets, URL, body and title hashes, source), so the index's durable
-- form is that table alone, one row an item; each node derives the keys of the items of the
-- windows it looks at, and reads rows other nodes added since, under the ingest lock.
DROP TABLE story_bands;
