package org.nashra.config;

import java.util.List;

/**
 * CSS selectors for an article page; {@code @attr} suffixes read attributes. Null means "not
 * configured" and extraction falls back to automatic detection for that field.
 */
public record ArticleRules(String title, String body, String date, String author, String image,
                           String otherNews, List<String> remove) {
    public ArticleRules {
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}
