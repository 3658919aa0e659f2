-- Several nodes on one PostgreSQL: a node claims a source for one pass with a lease, so two
-- nodes never fetch the same source at once; ingestion serializes its decide-then-store step
-- on one lock row, so two nodes never make two stories of one. Portable on H2 and PostgreSQL.
ALTER TABLE sources ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE sources ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

CREATE TABLE ingest_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO ingest_lock (id) VALUES (1);
