-- How much of its publication time each item's source gave (org.nashra.text.DatePrecision):
-- 'time' (a time of day), 'day' (a day only: published_at stands for the day), 'none' (no usable
-- date: the fetch time). A story's publication is its earliest member's with a time of day, when
-- it has one (org.nashra.store.StoryStore). Runs unchanged on H2 2.x and PostgreSQL 12+.
-- Rows stored before are taken as 'time', as they were.
ALTER TABLE items ADD COLUMN date_precision VARCHAR(5) DEFAULT 'time' NOT NULL;
