package org.nashra.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.nashra.text.Plural;

/**
 * What extraction made of one page, in the shape {@code nashra preview --json} prints:
 * {@code {"items":[{"role","title","text","url","published","image","parent"}],"removed":[],"warnings":[]}}.
 */
@JsonPropertyOrder({"items", "removed", "warnings"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreviewResult(List<Item> items, List<String> removed, List<String> warnings) {
    public PreviewResult {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    /**
     * One item. {@code published} is the machine-readable instant (ISO-8601, UTC) when the page
     * gave one, else the date string as the page wrote it, else null.
     */
    @JsonPropertyOrder({"role", "title", "text", "url", "published", "image", "parent"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String role, String title, String text, String url, String published, String image,
                       String parent) {}

    /** A readable summary for the terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Item i : items) {
            n++;
            b.append(String.format(java.util.Locale.ROOT, "[%d] %s: %s%n", n, i.role(), i.title()));
            b.append("    url: ").append(i.url()).append('\n');
            if (i.parent() != null) b.append("    parent: ").append(i.parent()).append('\n');
            b.append("    published: ").append(i.published() == null ? "-" : i.published()).append('\n');
            if (i.image() != null) b.append("    image: ").append(i.image()).append('\n');
            String text = i.text() == null ? "" : i.text();
            int words = text.isBlank() ? 0 : text.split("\\s+").length;
            String head = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            b.append("    text (").append(Plural.of(words, "word")).append("): ").append(head.replace("\n", " ⏎ ")).append('\n');
        }
        if (items.isEmpty()) b.append("no items\n");
        b.append("removed (").append(removed.size()).append("):\n");
        for (String r : removed) b.append("    - ").append(r).append('\n');
        b.append("warnings (").append(warnings.size()).append("):\n");
        for (String w : warnings) b.append("    ! ").append(w).append('\n');
        return b.toString();
    }
}
