package org.nashra.store;

import java.time.Instant;
import java.util.List;
import org.nashra.extract.Role;
import org.nashra.text.DatePrecision;

/**
 * One member item of a story, as read back for publication.
 *
 * @param sourceName    its source's name as the configuration last gave it, or null when the
 *                      store has none (a source removed before names were kept)
 * @param datePrecision how much of {@code published} its source gave
 */
public record StoredItem(long id, long storyId, String sourceId, String sourceName, String url, String canonicalUrl,
                         String title, String contentText, String contentHtml, String author,
                         String image, List<String> categories, String agency, Role role,
                         String parentUrl, Instant published, DatePrecision datePrecision, Instant fetchedAt,
                         String matchRule, Double matchScore) {
    public StoredItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
        datePrecision = datePrecision == null ? DatePrecision.TIME : datePrecision;
    }
}
