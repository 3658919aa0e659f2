package org.nashra.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most N requests in flight and a minimum gap between request starts. Outlets
 * block aggregators that open many connections or fire requests back to back.
 */
final class HostGates {

    /** Time as the gates see it: {@link #SYSTEM} in service, a fake one in tests. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    private final int perHost;
    private final long gapNanos;
    private final Ticker ticker;
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    HostGates(int perHost, Duration gap) {
        this(perHost, gap, SYSTEM);
    }

    HostGates(int perHost, Duration gap, Ticker ticker) {
        this.perHost = Math.max(1, perHost);
        this.gapNanos = Math.max(0, gap.toNanos());
        this.ticker = ticker;
    }

    /**
     * Blocks until the host may be asked again; the caller must {@link Admission#leave()} in a finally.
     * The admission says how long that took, so the time spent being polite is not taken for the
     * time the host took to answer.
     */
    Admission enter(String host) throws InterruptedException {
        long arrived = ticker.nanoTime();
        Gate gate = gates.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Gate(perHost));
        gate.permits.acquire();
        try {
            long wait = gate.reserveStart(gapNanos, ticker) - ticker.nanoTime();
            if (wait > 0) {
                ticker.sleepNanos(wait);
            }
        } catch (InterruptedException e) {
            gate.leave();
            throw e;
        }
        return new Admission(gate, Duration.ofNanos(Math.max(0, ticker.nanoTime() - arrived)));
    }

    /**
     * One request's way through a host's gate.
     *
     * @param waited from asking to enter to being let in: queueing for one of the host's permits plus the gap
     */
    record Admission(Gate gate, Duration waited) {
        void leave() {
            gate.leave();
        }
    }

    static final class Gate {
        private final Semaphore permits;
        private long nextStart = Long.MIN_VALUE;

        private Gate(int perHost) {
            this.permits = new Semaphore(perHost, true);
        }

        /** The earliest start for this caller; later callers queue behind it by one gap each. */
        private synchronized long reserveStart(long gapNanos, Ticker ticker) {
            long now = ticker.nanoTime();
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + gapNanos;
            return start;
        }

        private void leave() {
            permits.release();
        }
    }
}
