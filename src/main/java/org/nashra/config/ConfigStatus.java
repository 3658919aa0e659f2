package org.nashra.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The running configuration against its files, for the operator's health checks and metrics.
 *
 * @param errors        why the files' latest edit was not applied, each with its file and line; empty
 *                      when the running configuration is the files' (or the last valid state of them)
 * @param staleSince    when that edit was seen, or null when not stale
 * @param restartNeeded what the files say that only a restart applies, e.g. "config/nashra.yml: database";
 *                      empty when the running service is what they say
 */
public record ConfigStatus(List<ConfigError> errors, Instant staleSince, List<String> restartNeeded) {
    /** The files are what runs. */
    public static final ConfigStatus CURRENT = new ConfigStatus(List.of(), null, List.of());

    public ConfigStatus {
        errors = List.copyOf(errors);
        restartNeeded = List.copyOf(restartNeeded);
        if (!errors.isEmpty()) Objects.requireNonNull(staleSince, "staleSince of a stale configuration");
    }

    /** The latest edit was invalid: the service runs on the configuration before it. */
    public boolean stale() {
        return !errors.isEmpty();
    }

    /** The first error with its file and line, and how many more: one line for /healthz and logs; "" when not stale. */
    public String staleReason() {
        if (errors.isEmpty()) return "";
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (+" + (errors.size() - 1) + " more)";
    }
}
