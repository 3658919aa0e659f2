-- When the store last changed each story (org.nashra.store.StoryStore): when it was created, or
-- last gained a member (which may bring a new representative or an earlier publication time).
-- A published feed's Last-Modified and feed-level updated are the newest of these among the
-- stories it shows; stories.updated_at stays the entry's own updated time, which starts at the
-- story's publication. Runs unchanged on H2 2.x and PostgreSQL 12+.
ALTER TABLE stories ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
-- rows stored before: the last fetch that brought the story a member is the nearest record kept
UPDATE stories SET changed_at = (SELECT MAX(i.fetched_at) FROM items i WHERE i.story_id = stories.id);
UPDATE stories SET changed_at = created_at WHERE changed_at IS NULL;
ALTER TABLE stories ALTER COLUMN changed_at SET NOT NULL;
