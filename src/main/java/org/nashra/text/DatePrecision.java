package org.nashra.text;

import java.util.Locale;

/**
 * How much of a publication time the source gave. A day without its time is read as the start
 * of that day in the source's zone: a stand-in, earlier than the real time, that must not win
 * over another copy's real time (a story published at 10:30 is not one of 00:00).
 */
public enum DatePrecision {
    /** A date with its time of day, or a time counted back from now ("منذ ساعتين"). */
    TIME,
    /** A day without its time ("٢٨ نوفمبر ٢٠٢٦", "2026-11-28", "أمس"): the instant stands for the day. */
    DAY,
    /** No usable date (none given, unreadable, or in the future): the fetch time stands in. */
    NONE;

    /** Whether the instant is the moment the source named, not a stand-in for it. */
    public boolean precise() {
        return this == TIME;
    }

    /** Lower-case name, as stored and in JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From {@link #wire()}; unknown or null text is {@link #TIME}, what rows stored before precision was kept assume. */
    public static DatePrecision fromWire(String wire) {
        if (wire == null) return TIME;
        for (DatePrecision p : values()) if (p.wire().equals(wire)) return p;
        return TIME;
    }
}
