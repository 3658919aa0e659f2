package org.nashra.config;

import java.time.Duration;

/** Near-duplicate matching: how far apart in time two copies may be, and how alike. */
public record DedupSettings(Duration window, double threshold) {
    /** Below this, copies of unrelated reports sharing a house style would match. */
    public static final double MIN_THRESHOLD = 0.05;
    public static final DedupSettings DEFAULT = new DedupSettings(Duration.ofHours(72), 0.5);
}
