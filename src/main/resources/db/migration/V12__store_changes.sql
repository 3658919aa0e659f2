-- A counter that every write changing what the published feeds show moves, in its own transaction
-- (org.nashra.store.StoryStore#changes): a story stored or joined, representatives handed over,
-- the retention purge. Before serving a cached rendering, a node reads it (one row, by primary
-- key), so it serves what the store holds however another node, or a `nashra fetch` beside it,
-- changed it. A counter rather than MAX(stories.changed_at): a purge removes rows and stamps
-- none, and a node whose clock is behind would stamp a change below the newest stamp, which no
-- maximum shows. Each write takes the row's lock last and keeps it until it commits, so the
-- value a node reads counts exactly the writes it can see.
-- Runs unchanged on H2 2.x and PostgreSQL 12+.
CREATE TABLE store_changes (
    id      INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO store_changes (id, version) VALUES (1, 0);
