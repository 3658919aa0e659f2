package org.nashra.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** What class and id names say about a region of a page. */
final class Hints {
    private static final Set<String> POSITIVE = Set.of("article", "body", "content", "entry", "hentry",
            "main", "post", "text", "story", "blog", "details", "detail", "matn", "news");
    /** Names that lower a candidate's score (readability's negative weights). */
    private static final Set<String> NEGATIVE = Set.of("comment", "comments", "commentlist", "respond", "reply",
            "sidebar", "widget", "widgets", "footer", "foot", "related", "share", "sharing", "social", "menu",
            "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "advertisement",
            "banner", "popular", "most", "newsletter", "subscribe", "tags", "tag", "promo", "sponsor",
            "meta", "byline", "author", "masthead", "header", "topbar", "ticker", "disqus", "outbrain",
            "taboola", "print", "tools", "toolbar", "pagination", "pager", "copyright", "cookie", "modal", "popup",
            "aside", "more", "readmore", "latest", "trending", "sitemap", "logo", "search", "labels");
    /** Names of regions that never hold the article (readability's unlikely candidates); narrower than NEGATIVE. */
    private static final Set<String> UNLIKELY = Set.of("comment", "comments", "commentlist", "respond", "reply",
            "sidebar", "footer", "related", "share", "sharing", "social", "menu", "nav", "navbar", "navigation",
            "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "advertisement", "banner", "popular", "most",
            "newsletter", "subscribe", "tags", "promo", "sponsor", "meta", "byline", "author", "masthead",
            "header", "topbar", "ticker", "disqus", "outbrain", "taboola", "print", "toolbar", "pagination",
            "pager", "copyright", "cookie", "modal", "popup", "aside", "trending", "sitemap", "logo", "search",
            "labels");
    // <header> is not here: articles use it for their own headline (entry-header); site headers
    // are recognised by role=banner, their class names, or sitting directly in <body>
    private static final Set<String> MAYBE_CONTENT = Set.of("article", "body", "content", "main", "entry", "text",
            "story", "column", "shadow");
    private static final Set<String> UNLIKELY_TAGS = Set.of("nav", "aside", "footer", "form", "menu", "button",
            "select", "textarea", "amp-sidebar");

    private Hints() {}

    /** +25 for content-like names, -25 for chrome-like names, 0 when they say nothing (or both). */
    static int classWeight(Element el) {
        boolean pos = false;
        boolean neg = false;
        for (String token : tokens(el)) {
            if (POSITIVE.contains(token)) pos = true;
            if (NEGATIVE.contains(token)) neg = true;
        }
        return (pos ? 25 : 0) - (neg ? 25 : 0);
    }

    /** Page chrome: navigation, sidebars, comments, footers, share bars. */
    static boolean isUnlikely(Element el) {
        if (el.nameIs("body") || el.nameIs("html") || el.nameIs("article") || el.nameIs("main")) return false;
        if (UNLIKELY_TAGS.contains(el.normalName())) return true;
        String role = el.attr("role");
        if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("banner")) {
            return true;
        }
        if (el.nameIs("header") && el.parent() != null && el.parent().nameIs("body")) return true;
        // as readability: a chrome-like name wins unless the name also says it holds the content
        // ("post" does not protect: post-footer, post-meta and post-share are all chrome)
        boolean negative = false;
        for (String token : tokens(el)) {
            if (MAYBE_CONTENT.contains(token)) return false;
            if (UNLIKELY.contains(token)) negative = true;
        }
        return negative;
    }

    /** Whether el or one of its nearest ancestors is chrome; bounded walk for deep documents. */
    static boolean inUnlikely(Element el, int maxLevels) {
        Element e = el;
        for (int i = 0; e != null && i < maxLevels; i++, e = e.parent()) {
            if (isUnlikely(e)) return true;
        }
        return false;
    }

    static String[] tokens(Element el) {
        String s = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT).strip();
        if (s.isEmpty()) return new String[0];
        return s.split("[\\s_\\-]+");
    }
}
