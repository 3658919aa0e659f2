package org.nashra.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.nashra.config.ListingRules;
import org.nashra.config.SourceConfig;
import org.nashra.text.ArabicText;

/** Listing pages: the articles they link to, by configured rules or by headline-like links. */
final class Listings {
    private static final int MAX_ITEMS = 300;

    private Listings() {}

    static Extraction byRules(SourceConfig source, PageExtractor.Page page, URI pageUrl) {
        ListingRules rules = source.listing();
        List<String> warnings = page.warnings;
        String base = pageUrl.toString();
        List<RawItem> items = new ArrayList<>();
        if (rules.item() == null) return yieldedNothing(source, page, pageUrl, "its listing rules have no item selector");
        Elements els = RuleSelector.parse(rules.item()).select(page.doc);
        if (els.isEmpty()) return yieldedNothing(source, page, pageUrl, PageExtractor.noMatch(rules.item(), "listing item"));
        RuleSelector link = withDefaultAttr(rules.link(), "a", "href");
        RuleSelector title = rules.title() == null ? null : RuleSelector.parse(rules.title());
        RuleSelector date = rules.date() == null ? null : RuleSelector.parse(rules.date());
        RuleSelector image = withDefaultAttr(rules.image(), "img", "src");
        boolean anyTitle = false;
        boolean anyDate = false;
        Set<String> seen = new HashSet<>();
        for (Element el : els) {
            if (items.size() >= MAX_ITEMS) break;
            String href = link.first(el);
            if (href == null && el.nameIs("a")) href = el.attr("href");
            if (href == null || href.isBlank()) continue;
            String url = Urls.resolve(base, href);
            if (url.isEmpty() || !seen.add(url)) continue;
            String t = title == null ? null : title.first(el);
            if (t != null) anyTitle = true;
            if (t == null) {
                Element a = link.css().isEmpty() ? el : link.select(el).first();
                t = a == null ? el.text() : a.text();
            }
            String d = date == null ? null : date.first(el);
            if (d != null) anyDate = true;
            String img = image.first(el);
            items.add(new RawItem(source.id(), url, null, ArabicText.display(t), "", "", d,
                    IsoDates.parse(d, source.timezone()), null, null,
                    img == null ? null : Urls.resolveOrNull(base, img), List.of(), Role.MAIN, null));
        }
        if (items.isEmpty()) {
            // no link, so no title or date was read either: those rules are not the ones to look at
            return yieldedNothing(source, page, pageUrl, "selector '" + link.rule() + "'"
                    + (rules.link() == null ? " (the default)" : "") + " for listing link found no link in the "
                    + els.size() + (els.size() == 1 ? " element" : " elements") + " that '" + rules.item() + "' matched");
        }
        if (title != null && !anyTitle) warnings.add(PageExtractor.noMatch(rules.title(), "listing title", pageUrl));
        if (date != null && !anyDate) warnings.add(PageExtractor.noMatch(rules.date(), "listing date", pageUrl));
        return new Extraction(page.doc.title(), items, List.of(), warnings, null, null, true);
    }

    /**
     * A listing that yielded no items, and the one warning that says so: the source, the page and the rule
     * to look at. The store's history is the caller's to add.
     */
    private static Extraction yieldedNothing(SourceConfig source, PageExtractor.Page page, URI pageUrl, String why) {
        String warning = "listing of source " + source.id() + " at " + pageUrl + " yielded no items: " + why;
        page.warnings.add(warning);
        return new Extraction(page.doc.title(), List.of(), List.of(), page.warnings, null, null, true, warning);
    }

    private static RuleSelector withDefaultAttr(String rule, String defaultCss, String attr) {
        if (rule == null) return new RuleSelector(defaultCss + "@" + attr, defaultCss, attr);
        RuleSelector r = RuleSelector.parse(rule);
        return r.attr() == null ? new RuleSelector(r.rule(), r.css(), attr) : r;
    }

    /**
     * The listing, or null when the page is an article. A page that looks like an index is a listing
     * however few headline links it has; with none it lists nothing and says why.
     */
    static Extraction automatic(SourceConfig source, PageExtractor.Page page, URI pageUrl) {
        Map<String, Element> links = headlineLinks(page, pageUrl);
        PageShape shape = PageShape.measure(page, links.values(), source.name());
        if (!shape.isIndex()) return null;
        List<RawItem> items = new ArrayList<>();
        for (Map.Entry<String, Element> e : links.entrySet()) {
            if (items.size() >= MAX_ITEMS) break;
            Element a = e.getValue();
            Element box = itemBox(a, page.stats);
            String date = null;
            String img = null;
            if (box != null) {
                Element time = box.selectFirst("time[datetime]");
                if (time != null) date = time.attr("datetime");
                Element im = box.selectFirst("img, amp-img");
                if (im != null) img = RuleSelector.attrValue(im, "src");
            }
            items.add(new RawItem(source.id(), e.getKey(), null, ArabicText.display(a.text()), "", "", date,
                    IsoDates.parse(date, source.timezone()), null, null,
                    img == null ? null : Urls.resolveOrNull(pageUrl.toString(), img), List.of(),
                    Role.MAIN, null));
        }
        String nothing = null;
        if (items.isEmpty()) {
            nothing = shape.warning(pageUrl, "no article found and no article links to follow", source.id());
            page.warnings.add(nothing);
        }
        return new Extraction(page.doc.title(), items, List.of(), page.warnings, null, null, true, nothing);
    }

    /** Same-site links whose text reads like a headline, outside navigation and footers; first wins. */
    static Map<String, Element> headlineLinks(PageExtractor.Page page, URI pageUrl) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element a : page.doc.select("a[href]")) {
            String url = a.absUrl("href");
            if (url.isEmpty() || url.contains("#")) continue;
            if (!Urls.sameSite(pageUrl, url)) continue;
            String text = a.text();
            int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
            if (words < 4 || words > 30) continue;
            if (inChrome(a) || Hints.inUnlikely(a, 30)) continue;
            out.putIfAbsent(url, a);
        }
        return out;
    }

    static boolean inChrome(Element a) {
        Element e = a;
        for (int i = 0; e != null && i < 30; i++, e = e.parent()) {
            if (e.nameIs("nav") || e.nameIs("footer") || e.nameIs("header") && e.parent() != null && e.parent().nameIs("body")) return true;
            for (String t : Hints.tokens(e)) {
                if (t.equals("menu") || t.equals("nav") || t.equals("footer") || t.equals("breadcrumb")) return true;
            }
        }
        return false;
    }

    /** The smallest ancestor that holds this link's teaser but no other headline. */
    private static Element itemBox(Element a, DomStats stats) {
        Element box = a;
        String target = withoutFragment(a.absUrl("href"));
        for (int i = 0; i < 4; i++) {
            Element p = box.parent();
            if (p == null || p.nameIs("body")) break;
            // a thumbnail link and a headline link to the same article: more than that is another item
            if (stats.anchors(p) > 3) break;
            // three one-link teasers fit under that count: a link elsewhere means p holds another
            // teaser, whose time and picture are not this one's
            if (linksElsewhere(p, target)) break;
            box = p;
        }
        return box;
    }

    private static boolean linksElsewhere(Element container, String target) {
        for (Element other : container.select("a[href]")) {
            String url = withoutFragment(other.absUrl("href"));
            if (!url.isEmpty() && !url.equals(target)) return true;
        }
        return false;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
