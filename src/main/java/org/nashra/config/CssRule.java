package org.nashra.config;

import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * A selector as feeds.yml writes it: CSS with an optional {@code @attr} suffix ({@code time@datetime},
 * {@code a@href}, {@code @href} for the scope element itself). Checked when the file is loaded, so a
 * typo is a {@code file:line} error and not a source that quietly yields nothing.
 */
public record CssRule(String css, String attr) {
    private static final Pattern ATTR = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");

    public static CssRule split(String rule) {
        String r = rule.strip();
        int at = r.lastIndexOf('@');
        if (at >= 0 && r.indexOf(']', at) < 0 && ATTR.matcher(r.substring(at + 1)).matches()) {
            return new CssRule(r.substring(0, at).strip(), r.substring(at + 1));
        }
        return new CssRule(r, null);
    }

    /** Why {@code rule} is not a selector, or null when it is one. */
    public static String problem(String rule) {
        String css = split(rule).css();
        if (css.isEmpty()) return null;
        try {
            QueryParser.parse(css);
            return null;
        } catch (Selector.SelectorParseException e) {
            return e.getMessage();
        }
    }
}
