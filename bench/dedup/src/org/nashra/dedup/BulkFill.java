package org.nashra.dedup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.nashra.text.NormalizedItem;

/**
 * Fills the index fast for the benchmark: the same rows JdbcStoryIndex.add writes, in large
 * batches through one statement prepared once. Not measured; only the store size matters.
 */
final class BulkFill {
    private BulkFill() {}

    /** Stores items {@code from..to-1} (item id = story id = n + 1); returns {@code to}. */
    static long fill(Connection c, IngestBench.Generator gen, long from, long to, long t0) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement fps = c.prepareStatement("INSERT INTO story_fingerprints (item_id, story_id, source_id, role, "
                + "agency, published_at, title_only, url_hash, body_hash, title_hash, shingles, title_tokens, numbers, words) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long n = from; n < to; n++) {
                NormalizedItem it = gen.next(n);
                Fingerprint fp = Fingerprinter.of(it);
                OffsetDateTime at = OffsetDateTime.ofInstant(it.published(), ZoneOffset.UTC);
                long id = n + 1;
                fps.setLong(1, id);
                fps.setLong(2, id);
                fps.setString(3, it.raw().sourceId());
                fps.setString(4, it.raw().role().wire());
                fps.setString(5, it.agency());
                fps.setObject(6, at);
                fps.setBoolean(7, fp.titleOnly());
                fps.setLong(8, fp.urlHash());
                fps.setLong(9, fp.bodyHash());
                fps.setLong(10, fp.titleHash());
                fps.setBytes(11, Fingerprint.encode(fp.shingles()));
                fps.setBytes(12, Fingerprint.encode(fp.titleTokens()));
                fps.setString(13, String.join(" ", fp.numbers()));
                fps.setBytes(14, Fingerprint.encode(fp.words()));
                fps.addBatch();
                if ((n + 1) % 25_000 == 0) { // few large commits: MVStore rewrites touched pages on each
                    fps.executeBatch();
                    c.commit();
                }
                if ((n + 1) % 50_000 == 0) {
                    System.out.printf(Locale.ROOT, "  filled %,d (%.0f s)%n", n + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            fps.executeBatch();
            c.commit();
        }
        return to;
    }
}
