-- The outlet's name as feeds.yml last gave it (org.nashra.store.SourceRepository#sync). A source
-- removed from the configuration keeps its row, since its items stay in stories, and published
-- feeds go on naming it by this name rather than its bare id. Null on the rows of sources removed
-- before this column existed. Runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE sources ADD COLUMN name VARCHAR(500);
