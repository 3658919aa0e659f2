package org.nashra.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes that come off the wire: a server that lies about (or omits) Content-Length is still
 * stopped at the cap, and a server that drips bytes is stopped at the deadline.
 */
final class CappedInputStream extends FilterInputStream {

    /** The total deadline passed while reading. */
    static final class DeadlinePassed extends IOException {
        DeadlinePassed() {
            super("total deadline passed while reading the body");
        }
    }

    private final long cap;
    private final long deadlineNanos;
    private final Supplier<? extends IOException> overCap;
    private long count;

    CappedInputStream(InputStream in, long cap, long deadlineNanos, Supplier<? extends IOException> overCap) {
        super(in);
        this.cap = cap;
        this.deadlineNanos = deadlineNanos;
        this.overCap = overCap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > cap) {
            throw overCap.get();
        }
        checkDeadline(deadlineNanos);
    }

    static void checkDeadline(long deadlineNanos) throws DeadlinePassed {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new DeadlinePassed();
        }
    }
}
