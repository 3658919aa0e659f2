package org.nashra.cli;

import java.util.Locale;

/** A count with its noun in the right number: "1 source", "2 sources", "1 story", "3 stories". */
final class Plural {
    private Plural() {}

    static String of(long n, String one) {
        return of(n, one, one + "s");
    }

    static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? one : many);
    }
}
