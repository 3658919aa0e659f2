package org.nashra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The sample outlets of {@code nashra demo} are data: this checks they are what their names
 * claim, under the serving contract of the demo server (GET /p -> classpath demo/site/p, a path
 * ending in / -> index.html, ${BASE} -> the server's base URL, *.cp1256.* sent as windows-1256).
 */
class DemoContentTest {
    private static final String SAMPLE_BASE = "http://127.0.0.1:43121";
    private static final Charset CP1256 = Charset.forName("windows-1256");
    private static final Pattern BASE_LINK = Pattern.compile("\\$\\{BASE}[^\\s\"'<>)\\]]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!BASE})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path site;
    private static List<Path> files;

    @BeforeAll
    static void findSite() throws URISyntaxException, IOException {
        site = Path.of(DemoContentTest.class.getResource("/demo/site").toURI());
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("files under %s", site).isNotEmpty();
    }

    @Test
    void feedFilesAreWellFormedXmlOfTheFormatTheirExtensionClaims() throws Exception {
        for (Path f : withExtension(".rss", ".xml", ".atom")) {
            org.w3c.dom.Document doc = parseXml(f);
            String root = doc.getDocumentElement().getLocalName();
            if (name(f).endsWith(".atom")) {
                assertThat(root).as(name(f)).isEqualTo("feed");
                assertThat(doc.getDocumentElement().getNamespaceURI()).as(name(f)).isEqualTo("http://www.w3.org/2005/Atom");
                assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).as(name(f)).isBetween(6, 10);
            } else {
                assertThat(root).as(name(f)).isEqualTo("rss");
                assertThat(doc.getDocumentElement().getAttribute("version")).as(name(f)).isEqualTo("2.0");
                assertThat(doc.getElementsByTagName("item").getLength()).as(name(f)).isBetween(6, 10);
            }
        }
    }

    @Test
    void romeReadsEveryFeedAndLeavesOnlyTheArabicTextDatesUnparsed() throws Exception {
        for (Path f : withExtension(".rss", ".xml", ".atom")) {
            Charset wire = name(f).contains(".cp1256.") ? CP1256 : StandardCharsets.UTF_8;
            SyndFeedInput input = new SyndFeedInput();
            SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(encodeStrictly(served(f), wire))));
            assertThat(feed.getFeedType()).as(name(f)).isIn("rss_2.0", "atom_1.0");
            assertThat(feed.getEntries()).as(name(f)).hasSizeBetween(6, 10);
            for (SyndEntry e : feed.getEntries()) {
                assertThat(e.getTitle()).as(name(f)).matches(".*\\p{IsArabic}.*");
                assertThat(e.getLink()).as(name(f)).startsWith(SAMPLE_BASE + "/");
                // RFC 822 and RFC 3339 dates parse; the Arabic-month ones are for the text stage
                if (!name(f).contains(".cp1256.")) assertThat(e.getPublishedDate()).as(e.getTitle()).isNotNull();
            }
        }
    }

    @Test
    void jsonFeedsAreJsonFeed11WithItems() throws IOException {
        List<Path> json = withExtension(".json");
        assertThat(json).isNotEmpty();
        for (Path f : json) {
            JsonNode feed = JSON.readTree(served(f));
            assertThat(feed.path("version").asText()).as(name(f)).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(feed.path("items").size()).as(name(f)).isBetween(6, 10);
            for (JsonNode item : feed.path("items")) {
                assertThat(item.path("id").asText()).as(name(f)).isNotBlank();
                assertThat(item.path("content_html").asText()).as(name(f)).isNotBlank();
            }
        }
    }

    @Test
    void htmlPagesAreArabicAndTheirJsonLdParses() throws IOException {
        for (Path f : withExtension(".html")) {
            Document doc = Jsoup.parse(served(f), SAMPLE_BASE);
            assertThat(doc.selectFirst("html").attr("lang")).as(name(f)).isEqualTo("ar");
            assertThat(doc.title()).as(name(f)).isNotBlank();
            for (Element ld : doc.select("script[type=application/ld+json]")) {
                assertThat(JSON.readTree(ld.data()).path("@type").asText()).as(name(f)).isEqualTo("NewsArticle");
            }
        }
    }

    @Test
    void seedLikeArticlePagesHaveBoilerplateHeadlineAndOtherNewsBlock() throws IOException {
        List<Path> articles = withExtension(".html").stream()
                .filter(p -> p.toString().contains("/asdaa/archives/")).toList();
        assertThat(articles).hasSizeBetween(4, 6);
        for (Path f : articles) {
            Document doc = Jsoup.parse(served(f), SAMPLE_BASE);
            assertThat(doc.text()).as(name(f)).contains("مجلس التحرير", "نقابة الصحفيين", "نشر");
            assertThat(doc.select("h1.entry-title").text()).as(name(f)).isNotBlank();
            assertThat(doc.select("time.entry-date").attr("datetime")).as(name(f)).startsWith("2026-11-29T");
            Element more = doc.selectFirst(".entry-content .more-news");
            assertThat(more).as(name(f)).isNotNull();
            assertThat(more.text()).startsWith("أخبار أخرى..");
            assertThat(more.select("p strong")).as(name(f)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(doc.select(".entry-content .share")).as(name(f)).isNotEmpty();
        }
    }

    @Test
    void everyBaseLinkBecomesAnAbsoluteUrlAndNoOtherPlaceholderIsLeft() throws IOException {
        int links = 0;
        for (Path f : files) {
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(PLACEHOLDER.matcher(raw).find()).as("unknown ${...} placeholder in " + name(f)).isFalse();
            Matcher m = BASE_LINK.matcher(raw);
            while (m.find()) {
                URI u = URI.create(m.group().replace("${BASE}", SAMPLE_BASE));
                assertThat(u.isAbsolute()).as(m.group()).isTrue();
                assertThat(u.getHost()).as(m.group()).isEqualTo("127.0.0.1");
                links++;
            }
        }
        assertThat(links).isGreaterThan(50);
    }

    @Test
    void htmlLinksAndImagesAreAbsolute() throws IOException {
        for (Path f : withExtension(".html")) {
            Document doc = Jsoup.parse(served(f));
            for (Element e : doc.select("a[href], img[src], link[href]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertThat(url).as(name(f) + ": " + e.outerHtml()).matches("https?://.+");
            }
        }
    }

    @Test
    void windows1256FilesAreEncodableAndSayHowTheyAreEncoded() throws Exception {
        List<Path> cp = files.stream().filter(p -> name(p).contains(".cp1256.")).toList();
        assertThat(cp).isNotEmpty();
        for (Path f : cp) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(text).as(name(f)).startsWith("<?xml version=\"1.0\" encoding=\"windows-1256\"?>");
            assertThatCode(() -> encodeStrictly(text, CP1256)).as(name(f)).doesNotThrowAnyException();
        }
        // a broken feed from the field: some pubDates are Arabic text, most are RFC 822
        org.w3c.dom.Document doc = parseXml(cp.get(0));
        NodeList dates = doc.getElementsByTagName("pubDate");
        int arabic = 0;
        for (int i = 0; i < dates.getLength(); i++) {
            if (dates.item(i).getTextContent().contains("تشرين الثاني")) arabic++;
        }
        assertThat(arabic).isBetween(2, dates.getLength() / 2 + 1);
    }

    @Test
    void everyItemHasItsOwnGuid() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Path f : withExtension(".rss", ".xml")) {
            NodeList guids = parseXml(f).getElementsByTagName("guid");
            for (int i = 0; i < guids.getLength(); i++) ids.add(guids.item(i).getTextContent().trim());
        }
        for (Path f : withExtension(".atom")) {
            NodeList entries = parseXml(f).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                ids.add(((org.w3c.dom.Element) entries.item(i))
                        .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent().trim());
            }
        }
        for (Path f : withExtension(".json")) {
            JSON.readTree(served(f)).path("items").forEach(i -> ids.add(i.path("id").asText()));
        }
        for (Path f : withExtension(".html")) {
            if (site.relativize(f).getNameCount() > 2) ids.add(site.relativize(f).toString()); // not a listing page
        }
        assertThat(ids).hasSizeGreaterThan(35).doesNotHaveDuplicates();
    }

    @Test
    void listingPagesLinkOnlyToArticlePagesThatExist() throws IOException {
        for (Path listing : List.of(site.resolve("asdaa/index.html"), site.resolve("manara/index.html"))) {
            Document doc = Jsoup.parse(served(listing));
            Set<String> articleLinks = new HashSet<>();
            for (Element a : doc.select("a[href*=/archives/], a[href*=/news/]")) articleLinks.add(a.attr("href"));
            assertThat(articleLinks).as(name(listing)).hasSizeBetween(4, 6);
            for (String link : articleLinks) assertThat(resourceFor(URI.create(link))).as(link).isRegularFile();
        }
    }

    @Test
    void demoFeedsFileIsValidYamlWithKnownKeysAndPointsAtServedFiles() throws Exception {
        String yaml = new String(DemoContentTest.class.getResourceAsStream("/demo/feeds.yml").readAllBytes(),
                StandardCharsets.UTF_8).replace("${BASE}", SAMPLE_BASE);
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        assertKeys(root, "feeds.yml", Set.of("defaults", "sources", "feeds", "dedup"));
        assertKeys(root.path("defaults"), "defaults", Set.of("interval", "timezone", "language"));
        assertKeys(root.path("dedup"), "dedup", Set.of("window", "threshold"));
        Set<String> ids = new HashSet<>();
        Set<String> types = new HashSet<>();
        boolean htmlWithRules = false;
        boolean htmlWithoutRules = false;
        for (JsonNode s : root.path("sources")) {
            String id = s.path("id").asText();
            assertKeys(s, "source " + id, SOURCE_KEYS);
            assertThat(id).matches("[a-z0-9][a-z0-9_-]*");
            assertThat(ids.add(id)).as("duplicate source id " + id).isTrue();
            String type = s.path("type").asText();
            types.add(type);
            if (s.has("listing")) assertKeys(s.path("listing"), "listing of " + id, Set.of("item", "link", "title", "date", "image"));
            if (s.has("article")) assertKeys(s.path("article"), "article of " + id, Set.of("title", "body", "date", "author", "image", "other_news", "remove"));
            htmlWithRules |= type.equals("html") && s.has("article") && s.has("listing");
            htmlWithoutRules |= type.equals("html") && !s.has("article") && !s.has("listing");
            assertThat(resourceFor(URI.create(s.path("url").asText()))).as("source " + id).isRegularFile();
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
        assertThat(types).contains("rss", "atom", "json", "html");
        assertThat(htmlWithRules).as("an HTML source with listing and article rules").isTrue();
        assertThat(htmlWithoutRules).as("an HTML source left to automatic extraction").isTrue();

        Set<String> feedIds = new HashSet<>();
        for (JsonNode f : root.path("feeds")) {
            String id = f.path("id").asText();
            assertKeys(f, "feed " + id, Set.of("id", "title", "description", "include", "exclude", "other_news", "limit"));
            assertThat(feedIds.add(id)).as("duplicate feed id " + id).isTrue();
            assertThat(f.path("other_news").asText("digest")).isIn("digest", "separate", "inline", "drop");
            f.path("include").path("sources").forEach(s -> assertThat(ids).as("feed " + id).contains(s.asText()));
        }
        assertThat(feedIds).contains("all");
    }

    private static final Set<String> SOURCE_KEYS = Set.of("id", "name", "url", "type", "groups", "priority",
            "interval", "timezone", "language", "fulltext", "encoding", "listing", "article", "boilerplate",
            "other_news_headings");

    private static void assertKeys(JsonNode node, String where, Set<String> allowed) {
        assertThat(node.isObject()).as(where + " is a mapping").isTrue();
        node.fieldNames().forEachRemaining(k -> assertThat(allowed).as("unknown key '" + k + "' in " + where).contains(k));
    }

    /** The demo server's mapping from a URL under the base to a file under demo/site. */
    private static Path resourceFor(URI url) {
        assertThat(url.getScheme() + "://" + url.getAuthority()).isEqualTo(SAMPLE_BASE);
        String path = url.getPath().substring(1);
        if (path.isEmpty() || path.endsWith("/")) path += "index.html";
        return site.resolve(path);
    }

    private static org.w3c.dom.Document parseXml(Path f) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        dbf.setNamespaceAware(true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        builder.setErrorHandler(null);
        // parse the bytes the server would send, so the XML declaration's encoding is exercised
        Charset wire = name(f).contains(".cp1256.") ? CP1256 : StandardCharsets.UTF_8;
        byte[] bytes = encodeStrictly(served(f), wire);
        return builder.parse(new ByteArrayInputStream(bytes), SAMPLE_BASE + "/" + site.relativize(f));
    }

    private static byte[] encodeStrictly(String text, Charset charset) throws CharacterCodingException {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = encoder.encode(CharBuffer.wrap(text));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    private static String served(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8).replace("${BASE}", SAMPLE_BASE);
    }

    private static List<Path> withExtension(String... extensions) {
        return files.stream().filter(p -> Stream.of(extensions).anyMatch(e -> name(p).endsWith(e))).toList();
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
