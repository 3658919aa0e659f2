/**
 * Merging copies of one news story: exact keys (canonical URL, body hash), near-duplicate
 * fingerprints (MinHash over word shingles of title and lead, LSH banding for candidates), a
 * rule for rewrites over the lead's longer words, a title-only path for items without a body,
 * and story assignment that matches a story as a whole rather than one member of it.
 *
 * <p>What tells alike items apart is kept beside the fingerprint: the numbers, weekday names
 * and countries an item names (daily items and template news differ in nothing else), its
 * publication time (a like headline does not reach across days; an outlet's own alike item of
 * another day with other figures is its next edition), and its outlet. Entry point:
 * {@link org.nashra.dedup.Deduplicator}.
 */
package org.nashra.dedup;
