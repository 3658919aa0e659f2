package org.nashra.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import org.nashra.config.CssRule;

/**
 * A configured CSS selector with an optional {@code @attr} suffix ({@code time@datetime},
 * {@code a@href}, {@code @href} for the scope element itself).
 */
record RuleSelector(String rule, String css, String attr) {
    static RuleSelector parse(String rule) {
        CssRule split = CssRule.split(rule);
        return new RuleSelector(rule.strip(), split.css(), split.attr());
    }

    /** Matched elements, or an empty list when nothing (or an invalid selector) matched. */
    Elements select(Element scope) {
        if (css.isEmpty()) return new Elements(scope);
        try {
            return scope.select(css);
        } catch (Selector.SelectorParseException e) {
            return new Elements();
        }
    }

    boolean isValid() {
        return CssRule.problem(rule) == null;
    }

    /** The first non-blank value (attribute or text), or null. */
    String first(Element scope) {
        for (String v : values(scope)) return v;
        return null;
    }

    List<String> values(Element scope) {
        List<String> out = new ArrayList<>();
        for (Element e : select(scope)) {
            String v = attr == null ? e.text() : attrValue(e, attr);
            if (v != null && !v.isBlank()) out.add(v.strip());
        }
        return out;
    }

    /** Attribute value, falling back to the lazy-loading variants for image sources. */
    static String attrValue(Element e, String attr) {
        if (attr.equals("src")) {
            // lazy-loading themes put a placeholder in src and the real image in data-*
            for (String lazy : List.of("data-src", "data-lazy-src", "data-original")) {
                if (!e.attr(lazy).isBlank()) return e.attr(lazy);
            }
            if (e.attr("src").isBlank() && !e.attr("srcset").isBlank()) {
                return e.attr("srcset").strip().split("[\\s,]+")[0];
            }
        }
        return e.attr(attr);
    }
}
