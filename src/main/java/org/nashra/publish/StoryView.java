package org.nashra.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One story as a published entry: the representative item's fields plus every outlet that
 * carried it.
 *
 * @param tagId       stable RFC 4151 tag URI, never changes for the story
 * @param summary     plain text lead
 * @param contentHtml the representative's body HTML, not yet sanitized
 * @param link        absolute link to the representative article
 * @param sources     the outlets' copies, representative first ({@link SourceRef#distinct})
 */
public record StoryView(long id, String tagId, String title, String summary, String contentHtml,
                        String link, List<SourceRef> sources, List<String> categories, String author,
                        String image, String agency, Instant published, Instant updated) {
    public StoryView {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(link, "link of story " + id);
        Objects.requireNonNull(published, "published of story " + id);
        updated = updated == null ? published : updated;
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        contentHtml = contentHtml == null ? "" : contentHtml;
        sources = List.copyOf(sources);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
