package org.nashra.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import java.time.ZoneOffset;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;

/**
 * One line of batch input: {@code {"id","source","url","title","text","published"}}, optionally
 * {@code "role"} ("main"/"other") and {@code "agency"}.
 *
 * @param published null when unknown; the batch's fallback time is used then
 */
public record BatchItem(String id, String source, String url, String title, String text, Instant published,
                        Role role, String agency) {
    public BatchItem {
        Objects.requireNonNull(id, "id");
        source = source == null || source.isBlank() ? "unknown" : source;
        url = url == null || url.isBlank() ? "urn:nashra:batch:" + id : url;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        role = role == null ? Role.MAIN : role;
    }

    /**
     * The item normalized as the service normalizes what it fetches ({@link ItemNormalizer}:
     * display form, keys, canonical URL, agency credit), so batch runs and evaluations measure the
     * service's own code path. An agency given in the input wins over the detected one.
     */
    public NormalizedItem normalize(Instant fallbackPublished) {
        Instant when = published != null ? published : fallbackPublished;
        RawItem raw = new RawItem(source, url, id, title, "", text, null, when, null, null, null, List.of(), role,
                null);
        NormalizedItem n = NORMALIZER.normalize(raw, ZoneOffset.UTC, when);
        if (agency == null || agency.isBlank()) return n;
        return new NormalizedItem(n.raw(), n.title(), n.text(), n.titleKey(), n.textKey(), n.canonicalUrl(),
                n.published(), agency, n.warnings());
    }

    private static final ItemNormalizer NORMALIZER = new ItemNormalizer();
}
