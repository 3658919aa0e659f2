package org.nashra.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;

/**
 * The second chance for feed XML the strict parser rejected, repairing the flaws real feeds carry the
 * way lenient readers do (feedparser's "bozo" mode, Miniflux). Two steps, each tried only when the one
 * before was not enough:
 * <ol>
 *   <li>{@link #repairText}: HTML named entities XML does not declare ({@code &nbsp;}) become character
 *       references, an {@code &} that starts no entity is escaped, and characters XML 1.0 does not
 *       allow (U+0001, U+000B...) are dropped;</li>
 *   <li>{@link #rebuildTree}: jsoup's XML parser, which closes unclosed tags when their parent ends and
 *       ignores end tags that close nothing, reads the text, and its tree is written out again as
 *       well-formed XML.</li>
 * </ol>
 * Both only hand back text: it is the hardened parser that reads it, so a DOCTYPE is refused on this
 * path too and no entity is ever declared or expanded here (an {@code &lol9;} is not an HTML entity
 * and ends up as the literal text "&lol9;").
 */
final class FeedXmlRepair {
    /** XML 1.0 section 2.4: the only entities a document without a DTD may refer to. */
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    /** Longer than any HTML entity name (the longest, CounterClockwiseContourIntegral, has 31 letters). */
    private static final int MAX_ENTITY_NAME = 40;
    /** How many distinct entities or characters a summary names before "…". */
    private static final int NAMED_IN_SUMMARY = 5;
    /**
     * HTML's void elements as they turn up unescaped in RSS descriptions ({@code <br>}, {@code <img src=..>}):
     * they close themselves rather than swallow the text after them. Not {@code link} or {@code source},
     * which are RSS elements with content.
     */
    private static final Set<String> VOID_HTML = Set.of("br", "hr", "img", "wbr", "area", "col", "embed", "input", "param", "track");

    private FeedXmlRepair() {}

    /**
     * The text with its character-level flaws repaired, and a count of each.
     *
     * @param entities      HTML entity names replaced, with how often each occurred
     * @param ampersands    '&' escaped because they started no entity
     * @param characters    code points dropped because XML 1.0 does not allow them, with counts
     */
    record TextRepair(String text, Map<String, Integer> entities, int ampersands, Map<Integer, Integer> characters) {
        TextRepair {
            // first seen first: the summary names the entities in the order the feed has them
            entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
            characters = Collections.unmodifiableMap(new LinkedHashMap<>(characters));
        }

        boolean changed() {
            return !entities.isEmpty() || ampersands > 0 || !characters.isEmpty();
        }

        /** E.g. "3 undeclared HTML entities (&amp;nbsp;, &amp;mdash;) and 1 character not allowed in XML (U+000B)". */
        String summary() {
            List<String> parts = new ArrayList<>();
            if (!entities.isEmpty()) {
                int n = entities.values().stream().mapToInt(Integer::intValue).sum();
                parts.add(n + " undeclared HTML " + (n == 1 ? "entity" : "entities") + " ("
                        + named(entities.keySet().stream().map(e -> "&" + e + ";").toList()) + ")");
            }
            if (ampersands > 0) {
                parts.add(ampersands + (ampersands == 1 ? " unescaped '&'" : " unescaped '&'s"));
            }
            if (!characters.isEmpty()) {
                int n = characters.values().stream().mapToInt(Integer::intValue).sum();
                parts.add(n + (n == 1 ? " character" : " characters") + " not allowed in XML ("
                        + named(characters.keySet().stream()
                                .map(cp -> String.format(Locale.ROOT, "U+%04X", cp)).toList()) + ")");
            }
            return joinedWithAnd(parts);
        }
    }

    /** Why a body is past rebuilding (truncated, text outside its root...). */
    static final class Unrepairable extends Exception {
        Unrepairable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Repairs what can be repaired one character or entity at a time. CDATA sections, comments and
     * processing instructions keep their '&' as they are (they are not parsed for entities), but lose
     * characters XML does not allow anywhere. No line break is added or removed: line numbers in the
     * repaired text are those of the original.
     */
    static TextRepair repairText(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 32);
        Map<String, Integer> entities = new LinkedHashMap<>();
        Map<Integer, Integer> characters = new LinkedHashMap<>();
        int ampersands = 0;
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '<') {
                int end = endOfUnparsedSection(xml, i);
                if (end > i) {
                    copyAllowed(xml, i, end, out, characters);
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
            } else if (c == '&') {
                Reference ref = reference(xml, i);
                switch (ref.kind()) {
                    case XML -> out.append(xml, i, ref.end());
                    case HTML -> {
                        // A character reference, never the character: an &LT; must not become markup.
                        Entities.getByName(ref.name()).codePoints()
                                .forEach(cp -> out.append("&#x").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append(';'));
                        entities.merge(ref.name(), 1, Integer::sum);
                    }
                    case NOT_ALLOWED -> characters.merge(ref.codePoint(), 1, Integer::sum);
                    case NONE -> {
                        out.append("&amp;");
                        ampersands++;
                    }
                }
                i = ref.end();
            } else {
                i = copyAllowed(xml, i, i + 1, out, characters);
            }
        }
        return new TextRepair(out.toString(), entities, ampersands, characters);
    }

    /**
     * The element tree jsoup's XML parser builds from {@code xml}, written out as well-formed XML. Only a
     * whole document is rebuilt: one root element, closed by its own end tag at the end of the body. A
     * truncated body would otherwise come back as a feed missing its last items, with the cut one read
     * as if it were complete.
     *
     * @throws FeedXmlInput.Refusal when the body holds a DOCTYPE (the strict parser would refuse it too)
     * @throws Unrepairable         naming why the body is not rebuilt
     */
    static String rebuildTree(String xml) throws FeedXmlInput.Refusal, Unrepairable {
        // A TagSet of this parser's own, so the void elements do not leak into other parsers. The listener
        // goes on the parser's TagSet: Parser.tagSet(TagSet) wraps its argument in a new one, without its listeners.
        Parser parser = Parser.xmlParser().tagSet(new TagSet());
        parser.tagSet().onNewTag(tag -> {
            if (VOID_HTML.contains(tag.normalName())) {
                tag.set(Tag.Void);
            }
        });
        Document doc = Jsoup.parse(xml, "", parser);
        if (doc.nodeStream(DocumentType.class).findAny().isPresent()) {
            throw new FeedXmlInput.Refusal(FeedXmlInput.DOCTYPE_REFUSED + " (found while repairing malformed XML)");
        }
        Element root = null;
        for (Node node : doc.childNodes()) {
            if (node instanceof Element e) {
                if (root != null) {
                    throw new Unrepairable("more than one top-level element (<" + root.tagName() + "> and <" + e.tagName() + ">)");
                }
                root = e;
            } else if (node instanceof TextNode t && !t.isBlank()) {
                throw new Unrepairable("text outside the root element (\"" + FeedSniffer.snippet(t.text().strip(), 0) + "\")");
            } else if (!(node instanceof TextNode || node instanceof Comment || node instanceof XmlDeclaration)) {
                throw new Unrepairable("markup outside the root element (" + node.nodeName() + ")");
            }
        }
        if (root == null) {
            throw new Unrepairable("no root element");
        }
        if (!endsWithEndTag(xml, root.tagName())) {
            throw new Unrepairable("the body ends before its root element <" + root.tagName() + "> is closed");
        }
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8)
                .prettyPrint(false);
        return root.outerHtml();
    }

    private enum RefKind { XML, HTML, NOT_ALLOWED, NONE }

    /** What the '&' at {@code at} starts, and where that ends. */
    private record Reference(RefKind kind, int end, String name, int codePoint) {}

    private static Reference reference(String xml, int at) {
        int i = at + 1;
        if (i < xml.length() && xml.charAt(i) == '#') {
            return characterReference(xml, at);
        }
        int start = i;
        while (i < xml.length() && i - start < MAX_ENTITY_NAME && isAsciiLetterOrDigit(xml.charAt(i))) {
            i++;
        }
        if (i == start || i >= xml.length() || xml.charAt(i) != ';' || !isAsciiLetter(xml.charAt(start))) {
            return new Reference(RefKind.NONE, at + 1, null, 0);
        }
        String name = xml.substring(start, i);
        if (XML_ENTITIES.contains(name)) {
            return new Reference(RefKind.XML, i + 1, name, 0);
        }
        // Entities knows HTML's whole table; a name it does not know (a DTD's &lol9;) is text, not a reference.
        return Entities.isNamedEntity(name)
                ? new Reference(RefKind.HTML, i + 1, name, 0)
                : new Reference(RefKind.NONE, at + 1, null, 0);
    }

    /** {@code &#NN;} or {@code &#xHH;}: kept when XML allows the character, dropped when not, escaped when malformed. */
    private static Reference characterReference(String xml, int at) {
        int i = at + 2;
        boolean hex = i < xml.length() && (xml.charAt(i) == 'x');
        if (hex) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < xml.length() && i - start < 8 && Character.digit(xml.charAt(i), hex ? 16 : 10) >= 0) {
            value = value * (hex ? 16 : 10) + Character.digit(xml.charAt(i), hex ? 16 : 10);
            i++;
        }
        if (i == start || i >= xml.length() || xml.charAt(i) != ';') {
            return new Reference(RefKind.NONE, at + 1, null, 0);
        }
        int codePoint = value > Character.MAX_CODE_POINT ? Integer.MAX_VALUE : (int) value;
        return new Reference(allowedInXml(codePoint) ? RefKind.XML : RefKind.NOT_ALLOWED, i + 1, null, codePoint);
    }

    /** The end of the CDATA section, comment or processing instruction starting at {@code at}, or {@code at}. */
    private static int endOfUnparsedSection(String xml, int at) {
        String close;
        int from;
        if (xml.startsWith("<![CDATA[", at)) {
            close = "]]>";
            from = at + 9;
        } else if (xml.startsWith("<!--", at)) {
            close = "-->";
            from = at + 4;
        } else if (xml.startsWith("<?", at)) {
            close = "?>";
            from = at + 2;
        } else {
            return at;
        }
        int end = xml.indexOf(close, from);
        return end < 0 ? xml.length() : end + close.length();
    }

    /** Copies xml[from, to) without the code points XML does not allow; where it stopped (past a whole pair). */
    private static int copyAllowed(String xml, int from, int to, StringBuilder out, Map<Integer, Integer> dropped) {
        int i = from;
        while (i < to) {
            int cp = xml.codePointAt(i);
            if (allowedInXml(cp)) {
                out.appendCodePoint(cp);
            } else {
                dropped.merge(cp, 1, Integer::sum);
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** XML 1.0 production [2] Char; a lone surrogate is not a character either. */
    static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** True when the body, past trailing white space and comments, ends with {@code </name>}. */
    private static boolean endsWithEndTag(String xml, String name) {
        int end = skipSpaceBack(xml, xml.length());
        while (xml.startsWith("-->", end - 3)) {
            int open = xml.lastIndexOf("<!--", end - 3);
            if (open < 0) {
                return false;
            }
            end = skipSpaceBack(xml, open);
        }
        if (end < 1 || xml.charAt(end - 1) != '>') {
            return false;
        }
        int beforeGt = skipSpaceBack(xml, end - 1);
        String endTag = "</" + name;
        return xml.startsWith(endTag, beforeGt - endTag.length());
    }

    private static int skipSpaceBack(String s, int end) {
        while (end > 0 && " \t\r\n".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static String named(List<String> names) {
        return names.size() <= NAMED_IN_SUMMARY
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED_IN_SUMMARY)) + ", …";
    }

    static String joinedWithAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
