package org.nashra.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * A configured CSS selector with an optional {@code @attr} suffix ({@code time@datetime},
 * {@code a@href}, {@code @href} for the scope element itself).
 */
record RuleSelector(String rule, String css, String attr) {
    private static final Pattern ATTR = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");

    static RuleSelector parse(String rule) {
        String r = rule.strip();
        int at = r.lastIndexOf('@');
        if (at >= 0 && r.indexOf(']', at) < 0 && ATTR.matcher(r.substring(at + 1)).matches()) {
            return new RuleSelector(r, r.substring(0, at).strip(), r.substring(at + 1));
        }
        return new RuleSelector(r, r, null);
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
        if (css.isEmpty()) return true;
        try {
            org.jsoup.select.QueryParser.parse(css);
            return true;
        } catch (Selector.SelectorParseException e) {
            return false;
        }
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
