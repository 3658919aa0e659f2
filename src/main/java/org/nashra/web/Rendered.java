package org.nashra.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A feed's bytes, built once per change, with its gzip variant, validators and Cache-Control. The
 * ETag is a hash of the bytes, so it is strong and identical on every node that renders the same
 * content.
 */
public final class Rendered {
    private final byte[] bytes;
    private final byte[] gzipped;
    private final String etag;
    private final Instant changed;
    private final Instant madeAt;
    private final Instant lastModified;
    private final String contentType;
    private final String cacheControl;

    /**
     * @param changed when the store last changed what the bytes show
     * @param madeAt  when their content was read from the store, by the server's clock
     * @param maxAge  how long caches may keep it: the document's ttl, so the two agree
     */
    public Rendered(byte[] bytes, Instant changed, Instant madeAt, String contentType, Duration maxAge) {
        this.bytes = bytes;
        this.gzipped = gzip(bytes);
        this.etag = "\"" + sha256(bytes).substring(0, 32) + "\"";
        this.changed = changed;
        this.madeAt = madeAt;
        this.lastModified = LastModified.header(changed, madeAt);
        this.contentType = contentType;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    public byte[] bytes() {
        return bytes;
    }

    public byte[] gzipped() {
        return gzipped;
    }

    public String etag() {
        return etag;
    }

    /** A different representation needs a different strong validator (RFC 9110 8.8.3). */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    /** The Last-Modified header's date: whole seconds, never after the copy was made ({@link LastModified#header}). */
    public Instant lastModified() {
        return lastModified;
    }

    /** When the store last changed what the bytes show, to the microsecond. */
    public Instant changed() {
        return changed;
    }

    /**
     * Whether a copy made at {@code now} would say a later Last-Modified for the same bytes: this
     * one was made within the second of its change, and that second is over now.
     */
    boolean unsettledAt(Instant now) {
        return !LastModified.settled(changed, madeAt) && LastModified.settled(changed, now);
    }

    public String contentType() {
        return contentType;
    }

    public String cacheControl() {
        return cacheControl;
    }

    private static byte[] gzip(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
