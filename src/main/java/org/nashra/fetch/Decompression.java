package org.nashra.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Content-Encoding decoders; the caller caps what comes out. */
final class Decompression {

    static final class Unsupported extends IOException {
        Unsupported(String message) {
            super(message);
        }
    }

    private Decompression() {}

    static InputStream wrap(String encoding, InputStream raw, String where) throws IOException {
        return switch (encoding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            case "deflate" -> deflate(raw);
            default -> throw new Unsupported(where + " sent Content-Encoding '" + encoding
                    + "', which is not supported (only gzip and deflate are asked for)");
        };
    }

    /**
     * "deflate" is meant to be zlib-wrapped (RFC 9110 8.4.1.2), but some servers send raw deflate; the
     * first two bytes tell them apart.
     */
    private static InputStream deflate(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 2);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }
}
