package org.nashra.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a request waits at its host's gate, on a fake clock: the wait is reported, not guessed from timings. */
class HostGatesTest {

    /** Time that moves only when a gate sleeps or the test says so. */
    static final class FakeTicker implements HostGates.Ticker {
        final AtomicLong now = new AtomicLong(1_000_000_000L);

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            now.addAndGet(nanos);
        }

        void advance(Duration d) {
            now.addAndGet(d.toNanos());
        }
    }

    @Test
    void theFirstRequestToAHostWaitsNothingAndTheNextWaitsOutTheRestOfTheGap() throws Exception {
        FakeTicker time = new FakeTicker();
        HostGates gates = new HostGates(2, Duration.ofMillis(500), time);

        HostGates.Admission first = gates.enter("alsumaria.tv");
        assertThat(first.waited()).isEqualTo(Duration.ZERO);
        first.leave();

        time.advance(Duration.ofMillis(120));
        HostGates.Admission second = gates.enter("ALSUMARIA.tv");
        assertThat(second.waited()).as("the gap less the 120 ms already gone").isEqualTo(Duration.ofMillis(380));
        second.leave();

        // another host has a gate of its own
        HostGates.Admission other = gates.enter("shafaq.com");
        assertThat(other.waited()).isEqualTo(Duration.ZERO);
        other.leave();
    }

    @Test
    void waitingForAFreePermitCountsAsWaiting() throws Exception {
        FakeTicker time = new FakeTicker();
        HostGates gates = new HostGates(1, Duration.ZERO, time);
        HostGates.Admission holder = gates.enter("964media.com");

        Thread[] waiter = new Thread[1];
        CompletableFuture<HostGates.Admission> queued = new CompletableFuture<>();
        waiter[0] = new Thread(() -> {
            try {
                queued.complete(gates.enter("964media.com"));
            } catch (InterruptedException e) {
                queued.completeExceptionally(e);
            }
        });
        waiter[0].start();
        // parked on the host's only permit (the fake clock read before parking)
        while (waiter[0].getState() != Thread.State.WAITING) {
            assertThat(queued).isNotDone();
            Thread.onSpinWait();
        }
        time.advance(Duration.ofSeconds(7));
        holder.leave();

        assertThat(queued.get(10, TimeUnit.SECONDS).waited()).isEqualTo(Duration.ofSeconds(7));
    }
}
