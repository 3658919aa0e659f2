package org.nashra.extract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.nashra.config.ArticleRules;
import org.nashra.config.SourceConfig;
import org.nashra.text.ArabicText;

/**
 * HTML pages to raw items: listings, articles and their "other news" blocks. Site rules from
 * the source's configuration are applied where given; every missing or non-matching rule falls
 * back to automatic extraction (JSON-LD, OpenGraph, meta tags, content scoring). Never throws on
 * bad input: problems come back as warnings.
 */
public final class PageExtractor {
    /** Preview shows what was dropped; a page full of chrome need not list all of it. */
    private static final int MAX_REMOVED_LINES = 50;
    private final SourceConfig source;
    private final BoilerplateLearner learner;

    public PageExtractor(SourceConfig source) {
        this(source, new BoilerplateLearner());
    }

    /** With a learner shared across extractors (and persisted by the caller). */
    public PageExtractor(SourceConfig source, BoilerplateLearner learner) {
        this.source = Objects.requireNonNull(source, "source");
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    /** A page whose kind is not known: a listing yields links to fetch, an article yields items. */
    public Extraction extract(String html, URI pageUrl) {
        return guarded(pageUrl, () -> {
            Page page = Page.parse(html, pageUrl);
            if (source.listing() != null) {
                return Listings.byRules(source, page, pageUrl);
            }
            Extraction listing = Listings.automatic(source, page, pageUrl);
            return listing != null ? listing : article(page, pageUrl);
        });
    }

    /**
     * An article page: one MAIN item plus OTHER items from its other-news block. A page that looks like
     * an index (a listing linked to its home page or a section) yields no item, and a warning.
     */
    public Extraction extractArticle(String html, URI pageUrl) {
        return guarded(pageUrl, () -> {
            Page page = Page.parse(html, pageUrl);
            PageShape shape = PageShape.measure(page, Listings.headlineLinks(page, pageUrl).values(), source.name());
            if (!shape.isIndex()) return article(page, pageUrl);
            String index = shape.warning(pageUrl, "not read as an article", source.id());
            page.warnings.add(index);
            return new Extraction(page.doc.title(), List.of(), List.of(), page.warnings, null, null, false, index);
        });
    }

    private interface Work {
        Extraction run();
    }

    /** Hostile markup must give a clear result, not a crash: whatever escapes becomes a warning. */
    private Extraction guarded(URI pageUrl, Work work) {
        Objects.requireNonNull(pageUrl, "pageUrl");
        try {
            return work.run();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String warning = String.format(Locale.ROOT, "extraction of %s for source %s failed: %s", pageUrl,
                    source.id(), e.toString());
            return new Extraction("", List.of(), List.of(), List.of(warning), null, null, false, warning);
        }
    }

    /** A parsed page and what is known about it before any mutation. */
    static final class Page {
        final Document doc;
        final PageMetadata meta;
        final List<String> warnings = new ArrayList<>();
        DomStats stats;

        private Page(Document doc, PageMetadata meta) {
            this.doc = doc;
            this.meta = meta;
        }

        static Page parse(String html, URI pageUrl) {
            List<String> w = new ArrayList<>();
            Document doc = HtmlInput.parse(html, pageUrl, w);
            Page p = new Page(doc, PageMetadata.read(doc));
            p.warnings.addAll(w);
            HtmlInput.dropNoise(doc);
            p.stats = new DomStats(doc.body());
            return p;
        }
    }

    private Extraction article(Page page, URI pageUrl) {
        Document doc = page.doc;
        List<String> warnings = page.warnings;
        Set<String> removed = new LinkedHashSet<>();
        ArticleRules rules = source.article();
        String pageUrlText = pageUrl.toString();

        if (rules != null && !rules.remove().isEmpty()) {
            for (String r : rules.remove()) RuleSelector.parse(r).select(doc).remove();
            page.stats = new DomStats(doc.body());
        }
        DomStats stats = page.stats;

        List<Element> roots = null;
        if (rules != null && rules.body() != null) {
            Elements els = ruleElements(rules.body(), "body", doc, pageUrl, warnings);
            if (!els.isEmpty()) roots = outermost(els);
        }
        if (roots == null) roots = ContentFinder.find(doc.body(), stats);

        OtherNews otherNews = new OtherNews(source.otherNewsHeadings());
        List<OtherNews.Block> blocks = new ArrayList<>();
        if (rules != null && rules.otherNews() != null) {
            for (Element el : ruleElements(rules.otherNews(), "other_news", doc, pageUrl, warnings)) {
                blocks.add(otherNews.bySelector(el));
            }
        }
        if (blocks.isEmpty()) blocks.addAll(otherNews.byHeading(doc, stats));

        String title = title(page, rules, roots, pageUrl, warnings);
        DateFound date = date(page, rules, roots, pageUrl, warnings);
        // rule values are read before the body is cleaned: bylines and figures may sit inside it
        String author = rules != null && rules.author() != null
                ? ruleValue(rules.author(), "author", doc, pageUrl, warnings) : null;
        if (author == null) author = page.meta.author();
        if (author != null) author = ArabicText.display(author);
        String ruleImage = ruleImage(rules, doc, pageUrl, warnings);
        String scopeImage = leadFigure(articleScope(roots));

        // the main body: lines of the roots up to the first other-news block
        Set<Node> blockNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> headingNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (OtherNews.Block b : blocks) {
            blockNodes.addAll(b.nodes());
            if (b.heading() != null) headingNodes.addAll(textNodes(b.heading()));
        }
        blockNodes.addAll(headingNodes);
        removeChrome(roots, stats, removed);
        List<TextLine> lines = Lines.of(roots);
        List<TextLine> kept = new ArrayList<>();
        List<TextLine> dropped = new ArrayList<>();
        boolean cut = false;
        boolean keptText = false;
        for (TextLine line : lines) {
            boolean inBlock = line.nodes().stream().anyMatch(blockNodes::contains);
            // a heading on its own line starts the block: it and all after it are not the article;
            // an inline "اقرأ أيضا: <link>" inside the text only takes its own line
            boolean headingLine = !line.nodes().isEmpty() && headingNodes.containsAll(line.nodes());
            if (headingLine && keptText) cut = true;
            if (cut || inBlock) {
                dropped.add(line);
            } else {
                kept.add(line);
                keptText |= !line.isImage();
            }
        }

        if (!cut) {
            // text separated only by <br>: the heading is a bare line, not an element
            OtherNews.Block inline = otherNews.byLine(kept);
            if (inline != null) {
                int at = kept.size() - inline.lines().size() - 1;
                dropped.addAll(kept.subList(at, kept.size()));
                kept = new ArrayList<>(kept.subList(0, at));
                blocks.add(inline);
            }
        }

        List<String> texts = new ArrayList<>();
        for (TextLine l : kept) if (!l.isImage()) texts.add(l.text());
        learner.observe(source.id(), pageKey(page, pageUrl), texts);
        BoilerplateFilter filter = new BoilerplateFilter(source, page.meta.siteName(), learner);
        String titleKey = ArabicText.matchingKey(title);
        List<String> bodyLines = new ArrayList<>();
        String leadImage = null;
        for (TextLine l : kept) {
            if (l.isImage()) {
                if (leadImage == null) leadImage = l.image();
                continue;
            }
            String reason = filter.reason(l.text());
            if (reason != null) {
                removed.add(l.text());
                dropped.add(l);
            } else if (!titleKey.isEmpty() && ArabicText.matchingKey(l.text()).equals(titleKey)) {
                dropped.add(l);
            } else {
                bodyLines.add(l.text());
            }
        }

        String image = image(page.meta, ruleImage, leadImage, scopeImage, pageUrl);

        String html;
        String jsonBody = page.meta.articleBody();
        int domChars = String.join("", bodyLines).length();
        if (jsonBody != null && domChars < 0.6 * jsonBody.length()) {
            // the DOM holds a teaser or a script-rendered shell; the JSON-LD body is the article
            bodyLines = new ArrayList<>();
            for (String para : jsonBodyParagraphs(jsonBody)) {
                if (para.isBlank()) continue;
                String reason = filter.reason(para);
                if (reason != null) removed.add(para);
                else bodyLines.add(para);
            }
            html = paragraphsHtml(bodyLines);
        } else {
            for (TextLine l : dropped) for (Node n : l.nodes()) n.remove();
            html = bodyHtml(roots);
        }
        String text = String.join("\n", bodyLines);

        String url = canonical(page, pageUrl);
        Instant updated = IsoDates.parse(page.meta.dateModified(), source.timezone());

        List<RawItem> items = new ArrayList<>();
        items.add(new RawItem(source.id(), url, null, title, html, text, date.raw, date.instant, updated, author,
                image, List.of(), Role.MAIN, null));
        items.addAll(otherItems(blocks, filter, url, pageUrl, date));

        if (text.isBlank()) warnings.add("no article body found on " + pageUrl);
        else arabicCheck(text, pageUrl, warnings);
        return new Extraction(title, items, List.copyOf(removed), warnings, null, null, false);
    }

    /**
     * The items of the page's other-news blocks. They carry no date of their own; what a page appends
     * was published by the time the page was, so each is dated as its page (the date as the page
     * gives it, so its precision too): no later than the truth. Undated pages leave them undated, and
     * normalization gives them the fetch time.
     */
    private List<RawItem> otherItems(List<OtherNews.Block> blocks, BoilerplateFilter filter, String mainUrl,
                                     URI pageUrl, DateFound pageDate) {
        String pageUrlText = pageUrl.toString();
        List<RawItem> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        urls.add(mainUrl);
        urls.add(pageUrlText);
        int n = 0;
        for (OtherNews.Block b : blocks) {
            for (OtherNews.Item item : OtherNews.split(b.lines())) {
                List<String> body = new ArrayList<>();
                for (String line : item.body()) if (filter.reason(line) == null) body.add(line);
                if (OtherNews.isSiteNavigation(b, item, body, pageUrl)) continue;
                String itemUrl = item.url();
                String guid = null;
                if (itemUrl == null || !itemUrl.startsWith("http")) {
                    itemUrl = pageUrlText + "#other-" + (n + 1);
                    // an item with no link of its own repeats on many of the outlet's pages: its
                    // words, not the page it was read on, say which item it is, so it is kept once
                    guid = textIdentity(item.title(), body);
                }
                if (!urls.add(itemUrl)) continue;
                n++;
                out.add(new RawItem(source.id(), itemUrl, guid, item.title(), paragraphsHtml(body),
                        String.join("\n", body), pageDate.raw, pageDate.instant, null, null, item.image(), List.of(),
                        Role.OTHER, pageUrlText));
            }
        }
        return out;
    }

    static String textIdentity(String title, List<String> body) {
        String key = ArabicText.matchingKey(title + "\n" + String.join("\n", body));
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "text:" + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private String title(Page page, ArticleRules rules, List<Element> roots, URI pageUrl, List<String> warnings) {
        if (rules != null && rules.title() != null) {
            String t = ruleValue(rules.title(), "title", page.doc, pageUrl, warnings);
            if (t != null) return ArabicText.display(t);
        }
        if (page.meta.headline() != null) return ArabicText.display(page.meta.headline());
        String siteKey = ArabicText.matchingKey(page.meta.siteName() == null ? source.name() : page.meta.siteName());
        Element best = null;
        for (Element h1 : page.doc.select("h1")) {
            String t = h1.text();
            if (t.split("\\s+").length < 2 || ArabicText.matchingKey(t).equals(siteKey)) continue;
            if (Hints.inUnlikely(h1, 30) && !inside(h1, roots)) continue;
            if (best == null || inside(h1, roots) || near(h1, roots) && !near(best, roots)) {
                best = h1;
                if (inside(h1, roots) || near(h1, roots)) break;
            }
        }
        if (best != null) return ArabicText.display(best.text());
        if (page.meta.ogTitle() != null) return cleanTitle(page.meta.ogTitle(), siteKey);
        String t = page.doc.title();
        if (!t.isBlank()) return cleanTitle(t, siteKey);
        Element h2 = roots.get(0).selectFirst("h2");
        return h2 == null ? "" : ArabicText.display(h2.text());
    }

    private static final java.util.regex.Pattern TITLE_SEPARATOR =
            java.util.regex.Pattern.compile("\\s*\\|\\s*|\\s+(?:[–—\\-:»«]|::)\\s+|:\\s+");

    /**
     * "Headline | Site" and "Site - Headline": the site's name is dropped where it can be recognised;
     * otherwise a short last (or first) part after a bar or dash is taken for the site. Colons inside
     * headlines ("الاقتصاد : خطة التنمية") are kept.
     */
    static String cleanTitle(String raw, String siteKey) {
        String t = ArabicText.display(raw);
        java.util.regex.Matcher m = TITLE_SEPARATOR.matcher(t);
        List<int[]> seps = new ArrayList<>();
        while (m.find()) seps.add(new int[] {m.start(), m.end()});
        if (seps.isEmpty()) return t;
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int[] sep : seps) {
            parts.add(t.substring(from, sep[0]));
            from = sep[1];
        }
        parts.add(t.substring(from));
        String first = parts.get(0);
        String last = parts.get(parts.size() - 1);
        int[] firstSep = seps.get(0);
        int[] lastSep = seps.get(seps.size() - 1);
        if (!siteKey.isEmpty() && ArabicText.matchingKey(last).equals(siteKey)) return t.substring(0, lastSep[0]).strip();
        if (!siteKey.isEmpty() && ArabicText.matchingKey(first).equals(siteKey)) return t.substring(firstSep[1]).strip();
        boolean lastIsBarOrDash = !t.substring(lastSep[0], lastSep[1]).contains(":");
        if (lastIsBarOrDash && words(last) <= 4 && words(t.substring(0, lastSep[0])) >= 3) {
            return t.substring(0, lastSep[0]).strip();
        }
        boolean firstIsBarOrDash = !t.substring(firstSep[0], firstSep[1]).contains(":");
        if (firstIsBarOrDash && words(first) <= 4 && words(t.substring(firstSep[1])) >= 3) {
            return t.substring(firstSep[1]).strip();
        }
        return t;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private record DateFound(String raw, Instant instant) {}

    private DateFound date(Page page, ArticleRules rules, List<Element> roots, URI pageUrl, List<String> warnings) {
        String raw = null;
        if (rules != null && rules.date() != null) raw = ruleValue(rules.date(), "date", page.doc, pageUrl, warnings);
        if (raw == null) raw = page.meta.datePublished();
        if (raw == null) raw = timeElement(page.doc, roots);
        if (raw == null) raw = textDate(page.doc, roots);
        if (raw == null) return new DateFound(null, null);
        raw = ArabicText.display(raw);
        return new DateFound(raw, IsoDates.parse(raw, source.timezone()));
    }

    /** A time[datetime] in the article around the body, else the first one outside page chrome. */
    private static String timeElement(Document doc, List<Element> roots) {
        Element scope = articleScope(roots);
        if (scope != null) {
            Element t = scope.selectFirst("time[datetime]");
            if (t != null && !t.attr("datetime").isBlank()) return t.attr("datetime");
        }
        for (Element t : doc.select("time[datetime]")) {
            if (!t.attr("datetime").isBlank() && !Hints.inUnlikely(t, 30)) return t.attr("datetime");
        }
        return null;
    }

    /** A visible date ("الخميس 11 مايو 2023") in an element named like a date, near the body. */
    private static String textDate(Document doc, List<Element> roots) {
        Element scope = articleScope(roots);
        for (Element root : scope != null ? List.of(scope, doc.body()) : List.of(doc.body())) {
            for (Element el : root.getAllElements()) {
                if (el.childrenSize() > 3) continue;
                for (String token : Hints.tokens(el)) {
                    if (token.equals("date") || token.equals("time") || token.equals("published") || token.equals("pubdate")) {
                        String t = el.text();
                        if (t.length() >= 6 && t.length() <= 60 && t.matches(".*[0-9٠-٩].*")) return t;
                    }
                }
            }
        }
        return null;
    }

    /** The article element (or the first root's grandparent) around the body. */
    static Element articleScope(List<Element> roots) {
        Element e = roots.get(0);
        for (int i = 0; e != null && i < 6; i++, e = e.parent()) {
            if (e.nameIs("article") || e.nameIs("main")) return e;
        }
        Element p = roots.get(0).parent();
        return p == null ? roots.get(0) : p.parent() == null ? p : p.parent();
    }

    private static String ruleImage(ArticleRules rules, Document doc, URI pageUrl, List<String> warnings) {
        if (rules == null || rules.image() == null) return null;
        RuleSelector r = RuleSelector.parse(rules.image());
        if (r.attr() == null) r = new RuleSelector(r.rule(), r.css(), "src");
        String img = r.first(doc);
        if (img == null) warnings.add(noMatch(rules.image(), "image", pageUrl));
        return img;
    }

    private static String image(PageMetadata meta, String ruleImage, String leadImage, String scopeImage, URI pageUrl) {
        String img = ruleImage;
        if (img == null) img = meta.image();
        if (img == null) img = leadImage;
        if (img == null) img = scopeImage;
        return img == null ? null : Urls.resolveOrNull(pageUrl.toString(), img);
    }

    /** The first content image of the article: not a logo, avatar or icon, not in page chrome. */
    private static String leadFigure(Element scope) {
        if (scope == null) return null;
        for (Element img : scope.select("img, amp-img")) {
            String src = RuleSelector.attrValue(img, "src");
            if (src.isBlank() || src.startsWith("data:") || Hints.inUnlikely(img, 8)) continue;
            boolean chrome = false;
            for (Element e = img; e != null && e != scope; e = e.parent()) {
                for (String t : Hints.tokens(e)) {
                    if (t.equals("logo") || t.equals("avatar") || t.equals("icon") || t.equals("emoji")) chrome = true;
                }
            }
            if (!chrome) return src;
        }
        return null;
    }

    private static String canonical(Page page, URI pageUrl) {
        String c = page.meta.canonical();
        if (c == null || !(c.startsWith("http://") || c.startsWith("https://"))) return pageUrl.toString();
        // some themes point every page's canonical at the home page; that would merge all articles
        try {
            String path = URI.create(c).getPath();
            String own = pageUrl.getPath();
            if ((path == null || path.isEmpty() || path.equals("/")) && own != null && own.length() > 1) {
                return pageUrl.toString();
            }
        } catch (IllegalArgumentException e) {
            return pageUrl.toString();
        }
        return c;
    }

    private static String pageKey(Page page, URI pageUrl) {
        return canonical(page, pageUrl);
    }

    private String ruleValue(String rule, String field, Document doc, URI pageUrl, List<String> warnings) {
        RuleSelector r = RuleSelector.parse(rule);
        String v = r.first(doc);
        if (v == null) warnings.add(noMatch(rule, field, pageUrl));
        return v;
    }

    private static Elements ruleElements(String rule, String field, Document doc, URI pageUrl, List<String> warnings) {
        Elements els = RuleSelector.parse(rule).select(doc);
        if (els.isEmpty()) warnings.add(noMatch(rule, field, pageUrl));
        return els;
    }

    static String noMatch(String rule, String field, URI pageUrl) {
        return noMatch(rule, field) + (RuleSelector.parse(rule).isValid() ? " on " + pageUrl : " (" + pageUrl + ")");
    }

    /** "selector 'h1.title' for title matched nothing", or that it is no valid CSS selector. */
    static String noMatch(String rule, String field) {
        if (!RuleSelector.parse(rule).isValid()) return "selector '" + rule + "' for " + field + " is not a valid CSS selector";
        return "selector '" + rule + "' for " + field + " matched nothing";
    }

    /** Elements that are not inside another selected element. */
    private static List<Element> outermost(Elements els) {
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(els);
        List<Element> out = new ArrayList<>();
        for (Element e : els) {
            boolean nested = false;
            Element p = e.parent();
            for (int i = 0; p != null && i < 200; i++, p = p.parent()) {
                if (set.contains(p)) {
                    nested = true;
                    break;
                }
            }
            if (!nested) out.add(e);
        }
        return out;
    }

    /** Share bars, tag lists, comment forms and ads inside the body (readability's conditional cleaning). */
    private static void removeChrome(List<Element> roots, DomStats stats, Set<String> removed) {
        List<Element> chrome = new ArrayList<>();
        for (Element root : roots) {
            int rootText = stats.textLength(root);
            for (Element el : root.getAllElements()) {
                if (el != root && Hints.isUnlikely(el) && stats.textLength(el) < 0.5 * rootText) chrome.add(el);
            }
        }
        for (Element el : chrome) {
            if (el.parent() == null) continue; // inside chrome removed already
            for (TextLine l : Lines.of(List.of(el))) {
                if (!l.isImage() && removed.size() < MAX_REMOVED_LINES) removed.add(l.text());
            }
            el.remove();
        }
    }

    private static boolean inside(Element el, List<Element> roots) {
        Element p = el;
        for (int i = 0; p != null && i < 60; i++, p = p.parent()) {
            for (Element r : roots) if (r == p) return true;
        }
        return false;
    }

    /** In the same article (or the roots' grandparent) as the body. */
    private static boolean near(Element el, List<Element> roots) {
        Element scope = articleScope(roots);
        return scope != null && inside(el, List.of(scope));
    }

    private static List<TextNode> textNodes(Element el) {
        List<TextNode> out = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) out.add(t);
        }, el);
        return out;
    }

    /** Body HTML after dropped lines were removed: empty wrappers pruned, bottom-up and iteratively. */
    private static String bodyHtml(List<Element> roots) {
        StringBuilder out = new StringBuilder();
        for (Element root : roots) {
            List<Element> order = new ArrayList<>();
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {}

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e) order.add(e);
                }
            }, root);
            for (Element e : order) {
                if (e == root || isMedia(e)) continue;
                if (isEmpty(e)) e.remove();
            }
            out.append(roots.size() == 1 ? root.html() : root.outerHtml());
        }
        return out.toString().strip();
    }

    private static boolean isMedia(Element e) {
        return e.nameIs("img") || e.nameIs("amp-img") || e.nameIs("br") || e.nameIs("hr") || e.nameIs("picture");
    }

    private static boolean isEmpty(Element e) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) return false;
            if (n instanceof Element c && !c.nameIs("br")) return false;
        }
        return true;
    }

    /** articleBody is plain text with newlines, or (on some sites) HTML. */
    private static List<String> jsonBodyParagraphs(String body) {
        if (body.contains("<p") || body.contains("<br") || body.contains("<div")) {
            List<String> out = new ArrayList<>();
            for (TextLine l : Lines.of(List.of(org.jsoup.Jsoup.parseBodyFragment(body).body()))) {
                if (!l.isImage()) out.add(l.text());
            }
            return out;
        }
        return List.of(ArabicText.display(body).split("\n"));
    }

    static String paragraphsHtml(List<String> paragraphs) {
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) b.append("<p>").append(Entities.escape(p)).append("</p>");
        return b.toString();
    }

    private void arabicCheck(String text, URI pageUrl, List<String> warnings) {
        if (!"ar".equalsIgnoreCase(source.language())) return;
        int letters = 0;
        int arabic = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC
                    || c >= '\uFB50' && c <= '\uFEFF') {
                arabic++;
            }
        }
        if (letters >= 40 && arabic < letters * 0.5) {
            warnings.add(String.format(Locale.ROOT,
                    "extracted text of %s is not mostly Arabic (%d%% Arabic letters) for source %s", pageUrl,
                    Math.round(100.0 * arabic / letters), source.id()));
        }
    }
}
