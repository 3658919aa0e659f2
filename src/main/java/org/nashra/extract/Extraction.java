package org.nashra.extract;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What extraction made of one body.
 *
 * @param title     the feed's or page's title, or ""
 * @param removed   boilerplate lines that were dropped (for preview)
 * @param warnings  problems an operator should see (rules that matched nothing, non-Arabic text...)
 * @param ttl       the feed's ttl, or null
 * @param skipHours hours (0-23, UTC) the feed asks not to be polled
 * @param listing   true when the body was an HTML listing whose items still need their pages fetched
 * @param whyEmpty  why the body yielded no items, naming the source and the rule that matched nothing or
 *                  the page's shape; one of {@code warnings}, so that it is said once. Null when there
 *                  are items, or nothing but the body explains their absence (a feed that lists none)
 */
public record Extraction(String title, List<RawItem> items, List<String> removed, List<String> warnings,
                         Duration ttl, Set<Integer> skipHours, boolean listing, String whyEmpty) {
    public Extraction {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        removed = removed == null ? List.of() : List.copyOf(removed);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        skipHours = skipHours == null ? Set.of() : Set.copyOf(skipHours);
        if (whyEmpty != null && (!items.isEmpty() || !warnings.contains(whyEmpty))) {
            throw new IllegalArgumentException("an extraction says why it is empty only when it is, among its warnings: "
                    + items.size() + " items, warnings " + warnings + ", whyEmpty '" + whyEmpty + "'");
        }
    }

    /** A body that yielded items, or nothing but itself explains why not. */
    public Extraction(String title, List<RawItem> items, List<String> removed, List<String> warnings,
                      Duration ttl, Set<Integer> skipHours, boolean listing) {
        this(title, items, removed, warnings, ttl, skipHours, listing, null);
    }
}
