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
 */
public record Extraction(String title, List<RawItem> items, List<String> removed, List<String> warnings,
                         Duration ttl, Set<Integer> skipHours, boolean listing) {
    public Extraction {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        removed = removed == null ? List.of() : List.copyOf(removed);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        skipHours = skipHours == null ? Set.of() : Set.copyOf(skipHours);
    }
}
