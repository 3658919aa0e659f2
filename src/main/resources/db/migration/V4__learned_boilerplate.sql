-- Lines each HTML source repeats on every page (menus, footers, registration notices), learned
-- by extraction; kept so a restart does not have to relearn them. JSON of BoilerplateLearner's
-- per-source snapshot.
CREATE TABLE learned_boilerplate (
    source_id  VARCHAR(100) PRIMARY KEY,
    snapshot   VARCHAR NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
