package org.nashra.dedup;

import java.time.Instant;
import org.nashra.extract.Role;
import org.nashra.text.NormalizedItem;

/** Builds normalized items for tests, the way batch mode does. */
public final class TestItems {
    public static final Instant T0 = Instant.parse("2025-03-04T08:00:00Z");

    private TestItems() {}

    public static NormalizedItem item(String source, String url, String title, String text, Instant published) {
        return new BatchItem(url, source, url, title, text, published, Role.MAIN, null).normalize(published);
    }

    public static NormalizedItem item(String source, String url, String title, String text, Instant published,
                                      Role role, String agency) {
        return new BatchItem(url, source, url, title, text, published, role, agency).normalize(published);
    }
}
