-- Longer content words of title and lead, for the dedup rewrite rule (org.nashra.dedup.PairMatcher).
-- Runs unchanged on H2 2.x and PostgreSQL 12+. Null on rows stored before this column existed:
-- those items are still matched by every other rule, and leave the index by retention.
ALTER TABLE story_fingerprints ADD COLUMN words BYTEA;             -- sorted 32-bit word hashes, big-endian
