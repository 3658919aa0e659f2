package org.nashra.web;

import java.util.function.LongSupplier;

/**
 * A value read from elsewhere (the store's change counter) for many callers at once, each given a
 * read that began after it asked: what it gets is at least as recent as a read of its own, but
 * callers that arrive together share one read. At most one read runs at a time; the callers that
 * arrive while it runs wait for the next one, which the first of them starts once it is over.
 *
 * <p>Reading the counter per request made every poll one database round trip: on PostgreSQL,
 * with the pool's eight connections, 304s fell to a quarter of their rate (bench/publish,
 * check.sh). Caching the value for some milliseconds would be as cheap, but would serve a
 * rendering the store had moved past; sharing a read never does.
 */
final class FreshRead {
    private final LongSupplier source;
    private final Object lock = new Object();
    /** Reads begun, numbered from 1; the one running, if any, is the last. Guarded by lock. */
    private long begun;
    /** The number of the latest read over, and its value. Guarded by lock. */
    private long done;
    private long value;
    private boolean running;

    FreshRead(LongSupplier source) {
        this.source = source;
    }

    /**
     * A value read after this call began. A failed read fails the caller that ran it; those
     * waiting for it start another.
     */
    long get() {
        long mine;
        synchronized (lock) {
            // reads numbered up to begun began before this call: the first that may serve it is the next
            long needed = begun + 1;
            while (true) {
                if (done >= needed) return value;
                if (!running) break;
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for a read of the store's change counter", e);
                }
            }
            running = true;
            mine = ++begun;
        }
        long v;
        try {
            v = source.getAsLong();
        } catch (RuntimeException e) {
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
            throw e;
        }
        synchronized (lock) {
            running = false;
            done = mine;
            value = v;
            lock.notifyAll();
        }
        return v;
    }
}
