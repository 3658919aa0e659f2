package org.nashra.text;

import java.util.Locale;

/**
 * A count with its noun in the right number: "1 source", "2 sources", "1 story", "3 stories". For
 * every English count a user reads (command output, health, reasons); machine-read text keeps its
 * own fixed form.
 */
public final class Plural {
    private Plural() {}

    public static String of(long n, String one) {
        return of(n, one, one + "s");
    }

    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
    }
}
