package org.nashra.extract;

import java.util.Locale;

/** What a body looks like before any parser sees it: JSON, XML, an HTML page, or nothing. */
final class FeedSniffer {
    enum Kind { EMPTY, JSON, XML, HTML, OTHER }

    /** The kind, and where the telling markup starts (for messages). */
    record Sniff(Kind kind, String found, int line) {}

    private FeedSniffer() {}

    static Sniff sniff(String body) {
        int i = skipSpace(body, 0);
        if (i >= body.length()) {
            return new Sniff(Kind.EMPTY, "", 1);
        }
        char first = body.charAt(i);
        if (first == '{' || first == '[') {
            return new Sniff(Kind.JSON, String.valueOf(first), lineAt(body, i));
        }
        if (first != '<') {
            return new Sniff(Kind.OTHER, snippet(body, i), lineAt(body, i));
        }
        // Skip the prolog, comments and processing instructions to reach the first real markup.
        while (i < body.length() && body.startsWith("<", i)) {
            int end;
            if (body.startsWith("<?", i)) {
                end = body.indexOf("?>", i);
                end = end < 0 ? -1 : end + 2;
            } else if (body.startsWith("<!--", i)) {
                end = body.indexOf("-->", i);
                end = end < 0 ? -1 : end + 3;
            } else {
                break;
            }
            if (end < 0) {
                break;
            }
            i = skipSpace(body, end);
        }
        String head = body.substring(i, Math.min(body.length(), i + 40)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.matches("(?s)<html[\\s>/].*") || head.equals("<html")) {
            String tag = head.startsWith("<!doctype") ? "<!DOCTYPE html>" : "<html>";
            return new Sniff(Kind.HTML, tag, lineAt(body, i));
        }
        if (head.matches("(?s)<(head|body|div|p|script|meta|title)[\\s>/].*")) {
            return new Sniff(Kind.HTML, "<" + head.substring(1).split("[\\s>/]", 2)[0] + ">", lineAt(body, i));
        }
        return new Sniff(Kind.XML, "", lineAt(body, i));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    static int lineAt(String s, int index) {
        int line = 1;
        for (int k = 0; k < index && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String snippet(String s, int from) {
        String cut = s.substring(from, Math.min(s.length(), from + 30)).replaceAll("\\s+", " ");
        return from + 30 < s.length() ? cut + "…" : cut;
    }
}
