/**
 * Merging copies of one news story: exact keys (canonical URL, body hash), near-duplicate
 * fingerprints (MinHash over word shingles of title and lead, LSH banding for candidates),
 * a title-only path for items without a body, and story assignment that matches a story as a
 * whole rather than one member of it. Entry point: {@link org.nashra.dedup.Deduplicator}.
 */
package org.nashra.dedup;
