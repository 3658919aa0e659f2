package org.nashra.text;

import java.util.List;
import java.util.Locale;

/**
 * Default locales that break careless text code: Arabic (Saudi) formats numbers with Arabic-Indic
 * digits, Turkish lower-cases I to dotless ı. Text tests run under each.
 */
final class Locales {
    private Locales() {}

    static final List<Locale> HOSTILE = List.of(
            Locale.forLanguageTag("ar-SA-u-nu-arab"), Locale.forLanguageTag("tr-TR"));

    /** Runs {@code body} with {@code locale} as the JVM default, then restores the previous one. */
    static void withDefault(Locale locale, Runnable body) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            body.run();
        } finally {
            Locale.setDefault(before);
        }
    }
}
