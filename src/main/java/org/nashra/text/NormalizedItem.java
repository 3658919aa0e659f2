package org.nashra.text;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nashra.extract.RawItem;

/**
 * An item cleaned for display and keyed for matching.
 *
 * @param title        display form of the title (letters and diacritics as the outlet wrote them)
 * @param text         display form of the body text
 * @param titleKey     matching key of the title
 * @param textKey      matching key of the body text
 * @param canonicalUrl the link without tracking parameters, AMP variants and the like; the
 *                     original stays in {@code raw().url()}
 * @param published    parsed publication time; the fetch time when the source gave none
 * @param datePrecision how much of {@code published} the source gave: a time of day, a day only
 *                     (then {@code published} stands for the day), or nothing (the fetch time)
 * @param agency       the wire agency credited in the text (e.g. "رويترز"), or null
 * @param warnings     what normalization had to guess (unparseable date, clamped future date...)
 */
public record NormalizedItem(RawItem raw, String title, String text, String titleKey, String textKey,
                             String canonicalUrl, Instant published, DatePrecision datePrecision, String agency,
                             List<String> warnings) {
    public NormalizedItem {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(published, "published of " + raw.url());
        Objects.requireNonNull(datePrecision, "datePrecision of " + raw.url());
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        titleKey = titleKey == null ? "" : titleKey;
        textKey = textKey == null ? "" : textKey;
        canonicalUrl = canonicalUrl == null ? raw.url() : canonicalUrl;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** With a publication time the source gave to the second ({@link DatePrecision#TIME}). */
    public NormalizedItem(RawItem raw, String title, String text, String titleKey, String textKey,
                          String canonicalUrl, Instant published, String agency, List<String> warnings) {
        this(raw, title, text, titleKey, textKey, canonicalUrl, published, DatePrecision.TIME, agency, warnings);
    }
}
