package org.nashra.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in machine-readable form: JSON-LD, OpenGraph and meta tags.
 * Fields are null when the page does not say.
 */
record PageMetadata(String headline, String ogTitle, String datePublished, String dateModified,
                    String author, String image, String canonical, String articleBody,
                    String siteName, boolean declaresArticle) {

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "reportage", "backgroundnewsarticle");
    private static final ObjectMapper JSON = new ObjectMapper();
    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(2_000_000).build());
        JSON.enable(JsonParser.Feature.ALLOW_COMMENTS);
    }

    static PageMetadata read(Document doc) {
        JsonNode ld = articleJsonLd(doc);
        String headline = text(ld, "headline");
        if (headline == null) headline = text(ld, "name");
        String published = text(ld, "datePublished");
        String modified = text(ld, "dateModified");
        String author = ld == null ? null : name(ld.get("author"));
        String image = ld == null ? null : imageUrl(ld.get("image"));
        String body = text(ld, "articleBody");

        String ogTitle = meta(doc, "og:title");
        if (ogTitle == null) ogTitle = meta(doc, "twitter:title");
        if (published == null) {
            for (String key : new String[] {"article:published_time", "og:published_time", "datePublished",
                    "pubdate", "publishdate", "publish-date", "date", "dc.date", "dcterms.date", "dcterms.created",
                    "dc.date.issued", "parsely-pub-date", "sailthru.date"}) {
                published = meta(doc, key);
                if (published != null) break;
            }
        }
        if (published == null) {
            // microdata, and hAtom's <abbr class="published" title="ISO"> (Blogger and older themes)
            for (Element el : doc.select("[itemprop=datePublished], abbr.published[title], .published[title]")) {
                for (String attr : new String[] {"content", "datetime", "title"}) {
                    String v = nonBlank(el.attr(attr));
                    if (v != null && IsoDates.parse(v, java.time.ZoneOffset.UTC) != null) {
                        published = v;
                        break;
                    }
                }
                if (published != null) break;
            }
        }
        if (modified == null) modified = meta(doc, "article:modified_time");
        if (author == null) author = meta(doc, "author");
        if (author == null) author = meta(doc, "article:author");
        if (image == null) image = meta(doc, "og:image");
        if (image == null) image = meta(doc, "og:image:url");
        if (image == null) image = meta(doc, "twitter:image");
        String canonical = null;
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) canonical = nonBlank(link.attr("abs:href"));
        if (canonical == null) {
            Element og = doc.selectFirst("meta[property=og:url][content]");
            if (og != null) canonical = nonBlank(og.attr("abs:content"));
        }
        String siteName = meta(doc, "og:site_name");
        String ogType = meta(doc, "og:type");
        boolean declaresArticle = ld != null || "article".equalsIgnoreCase(ogType);
        return new PageMetadata(headline, ogTitle, published, modified, author, image, canonical, body,
                siteName, declaresArticle);
    }

    /** The first JSON-LD object whose @type is an article type, looking inside arrays and @graph. */
    private static JsonNode articleJsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; other sources of metadata remain
            }
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.add(root);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < 500) {
                JsonNode n = todo.poll();
                if (n == null) continue;
                if (n.isArray()) {
                    n.forEach(todo::add);
                } else if (n.isObject()) {
                    if (isArticleType(n.get("@type"))) return n;
                    if (n.has("@graph")) todo.add(n.get("@graph"));
                    if (n.has("mainEntity")) todo.add(n.get("mainEntity"));
                }
            }
        }
        return null;
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) return false;
        if (type.isArray()) {
            for (JsonNode t : type) if (isArticleType(t)) return true;
            return false;
        }
        String t = type.asText("");
        int slash = t.lastIndexOf('/');
        if (slash >= 0) t = t.substring(slash + 1);
        return ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null) return null;
        if (v.isArray() && v.size() > 0) v = v.get(0);
        // CMS plugins often write entities into JSON-LD strings ("&quot;", "&#8211;")
        return v.isValueNode() ? nonBlank(org.jsoup.parser.Parser.unescapeEntities(v.asText(), false)) : null;
    }

    private static String name(JsonNode n) {
        if (n == null) return null;
        if (n.isArray()) return n.size() > 0 ? name(n.get(0)) : null;
        if (n.isTextual()) return nonBlank(n.asText());
        return text(n, "name");
    }

    private static String imageUrl(JsonNode n) {
        if (n == null) return null;
        if (n.isArray()) return n.size() > 0 ? imageUrl(n.get(0)) : null;
        if (n.isTextual()) return nonBlank(n.asText());
        String url = text(n, "url");
        return url != null ? url : text(n, "contentUrl");
    }

    static String meta(Document doc, String key) {
        for (Element m : doc.select("meta[content]")) {
            String k = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (k.equalsIgnoreCase(key)) {
                String v = nonBlank(m.attr("content"));
                if (v != null) return v;
            }
        }
        return null;
    }

    static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
