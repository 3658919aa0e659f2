package org.nashra.dedup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;
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
     * A normalized item built directly from the display and matching forms of {@link ArabicText}:
     * batch input has no feed dates or HTML to normalize.
     */
    public NormalizedItem normalize(Instant fallbackPublished) {
        Instant when = published != null ? published : fallbackPublished;
        RawItem raw = new RawItem(source, url, id, title, "", text, null, when, null, null, null, List.of(), role,
                null);
        String displayTitle = ArabicText.display(title);
        String displayText = ArabicText.display(text);
        return new NormalizedItem(raw, displayTitle, displayText, ArabicText.matchingKey(displayTitle),
                ArabicText.matchingKey(displayText), url, when, agency, List.of());
    }
}
