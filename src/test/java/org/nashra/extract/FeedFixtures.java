package org.nashra.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixtures under src/test/resources/extract/feeds/. */
final class FeedFixtures {
    private FeedFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = FeedFixtures.class.getResourceAsStream("/extract/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
