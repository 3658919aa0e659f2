package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Callers share reads of the change counter, but never one that began before they asked. */
class FreshReadTest {
    /** A source whose reads return 1, 2, 3…, each held until the test lets it finish. */
    static final class HeldReads {
        final AtomicInteger reads = new AtomicInteger();
        final List<CountDownLatch> started = new ArrayList<>();
        final List<CountDownLatch> release = new ArrayList<>();

        HeldReads(int n) {
            for (int i = 0; i < n; i++) {
                started.add(new CountDownLatch(1));
                release.add(new CountDownLatch(1));
            }
        }

        long read() {
            int i = reads.getAndIncrement();
            started.get(i).countDown();
            try {
                release.get(i).await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return i + 1;
        }
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOneNotThatOne() throws Exception {
        HeldReads source = new HeldReads(3);
        FreshRead fresh = new FreshRead(source::read);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Long> first = pool.submit(fresh::get);
            source.started.get(0).await();
            // three callers arrive while the first read runs
            List<Thread> waiting = new ArrayList<>();
            List<Future<Long>> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) later.add(pool.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return fresh.get();
            }));
            awaitWaiting(waiting, 3);

            source.release.get(0).countDown();
            assertThat(first.get()).isEqualTo(1);
            source.started.get(1).await();
            source.release.get(1).countDown();
            for (Future<Long> f : later) assertThat(f.get()).as("a read begun after it asked").isEqualTo(2);
            assertThat(source.reads.get()).as("one read for the three").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadFailsItsCallerAndTheNextCallerReadsAgain() {
        AtomicInteger calls = new AtomicInteger();
        FreshRead fresh = new FreshRead(() -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("database gone");
            return 7;
        });
        assertThatThrownBy(fresh::get).hasMessage("database gone");
        assertThat(fresh.get()).isEqualTo(7);
    }

    /** Until {@code n} threads have registered and each is blocked or waiting (inside {@link FreshRead#get}). */
    static void awaitWaiting(List<Thread> threads, int n) throws InterruptedException {
        while (true) {
            synchronized (threads) {
                if (threads.size() == n && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.BLOCKED)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }
}
