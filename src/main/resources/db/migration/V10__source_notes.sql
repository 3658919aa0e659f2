-- What a source's last pass noted that needs no action (org.nashra.store.SourceRepository#record):
-- a body not modified since the last read, a permanent move. Kept apart from warnings, which a
-- not-modified pass leaves as they were: its body is the last read's, and so are its warnings.
-- Rows stored before had a 2xx with an unchanged body say "unchanged body" among their warnings;
-- it moves here, worded as the service now writes it. Runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE sources ADD COLUMN notes VARCHAR(2000);
UPDATE sources
   SET notes = 'not modified (' || COALESCE(CAST(http_status AS VARCHAR(3)), '200') || ', unchanged body)',
       warnings = NULL
 WHERE warnings = 'unchanged body';
