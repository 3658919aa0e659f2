-- Near-duplicate candidate index of the dedup stage (org.nashra.store.JdbcStoryIndex).
-- Runs unchanged on H2 2.x and PostgreSQL 12+. Derived data: rebuildable from items, so no
-- foreign keys; retention deletes rows by published_at (JdbcStoryIndex.purgeBefore).

-- What verification needs of each stored item, without its text.
CREATE TABLE story_fingerprints (
    item_id      BIGINT PRIMARY KEY,
    story_id     BIGINT NOT NULL,
    source_id    VARCHAR(100) NOT NULL,
    role         VARCHAR(10) NOT NULL,
    agency       VARCHAR(100),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    title_only   BOOLEAN NOT NULL,
    url_hash     BIGINT NOT NULL,
    body_hash    BIGINT NOT NULL,              -- 0 when the body is too short to be an exact key
    title_hash   BIGINT NOT NULL,              -- 0 when the title is empty
    shingles     BYTEA NOT NULL,               -- sorted 32-bit shingle hashes, big-endian
    title_tokens BYTEA NOT NULL,               -- sorted 32-bit title word hashes
    numbers      VARCHAR(2000) NOT NULL        -- space-separated numbers and weekday names
);
CREATE INDEX story_fingerprints_story ON story_fingerprints (story_id, published_at);
CREATE INDEX story_fingerprints_published ON story_fingerprints (published_at);

-- One row per lookup key of an item: LSH band hashes, and exact keys (canonical URL, body,
-- source + title) hashed into the same space with a kind tag.
CREATE TABLE story_bands (
    band_hash    BIGINT NOT NULL,
    item_id      BIGINT NOT NULL,
    story_id     BIGINT NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX story_bands_lookup ON story_bands (band_hash, published_at);
CREATE INDEX story_bands_item ON story_bands (item_id);
CREATE INDEX story_bands_published ON story_bands (published_at);
