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

    private final int perHost;
    private final long gapNanos;
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    HostGates(int perHost, Duration gap) {
        this.perHost = Math.max(1, perHost);
        this.gapNanos = Math.max(0, gap.toNanos());
    }

    /** Blocks until the host may be asked again; the caller must {@link Gate#leave()} in a finally. */
    Gate enter(String host) throws InterruptedException {
        Gate gate = gates.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Gate(perHost));
        gate.permits.acquire();
        try {
            long wait = gate.reserveStart(gapNanos) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            gate.leave();
            throw e;
        }
        return gate;
    }

    static final class Gate {
        private final Semaphore permits;
        private long nextStart = Long.MIN_VALUE;

        private Gate(int perHost) {
            this.permits = new Semaphore(perHost, true);
        }

        /** The earliest start for this caller; later callers queue behind it by one gap each. */
        private synchronized long reserveStart(long gapNanos) {
            long now = System.nanoTime();
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + gapNanos;
            return start;
        }

        void leave() {
            permits.release();
        }
    }
}
