package org.nashra.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OPML subscription list (as feed readers export it) into new source entries, and
 * appends them to feeds.yml without touching what the operator wrote there (comments included).
 */
public final class OpmlImport {
    private OpmlImport() {}

    /** One outline to add: the YAML it becomes is built by {@link #entryLines}. */
    public record NewSource(String id, String name, URI url, String type, List<String> groups) {
        public NewSource {
            groups = List.copyOf(groups);
        }
    }

    /** An outline the import passes over, and why: each is reported, so a second run's "nothing to add" is true. */
    public record Skipped(int line, String title, String reason) {
        @Override public String toString() {
            return "outline " + (title.isEmpty() ? "without a title" : "\"" + title + "\"") + ": " + reason;
        }
    }

    /**
     * What the import makes of an OPML file's outlines.
     *
     * @param toAdd   the feeds not yet in feeds.yml
     * @param present how many feed outlines feeds.yml already has (by URL)
     * @param skipped outlines that are no feed the service can read
     */
    public record Reading(List<NewSource> toAdd, int present, List<Skipped> skipped) {
        public Reading {
            toAdd = List.copyOf(toAdd);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The feed outlines of the OPML file not already configured (by URL), with ids unique in the
     * file, and those it passes over. Errors name the OPML file, with the line where the XML is broken.
     */
    public static Reading read(Path opml, FeedsFile existing) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(opml);
        } catch (IOException e) {
            throw error(opml, 0, "cannot read OPML: " + FileProblems.reason(opml, e));
        }
        return read(opml, bytes, existing);
    }

    /** As {@link #read(Path, FeedsFile)}, over the bytes already read from {@code opml}. */
    public static Reading read(Path opml, byte[] bytes, FeedsFile existing) throws ConfigException {
        Set<String> configured = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (SourceConfig s : existing.sources()) {
            configured.add(s.url().toString());
            ids.add(s.id());
        }
        Map<String, Integer> lineOfNew = new HashMap<>();
        List<NewSource> toAdd = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int present = 0;
        for (OpmlOutlines.Outline o : OpmlOutlines.read(opml, bytes)) {
            if (o.inFeed() > 0) {
                skipped.add(new Skipped(o.line(), o.title(), "inside the feed outline of line " + o.inFeed() + ", not a folder"));
                continue;
            }
            if (o.xmlUrl().isEmpty()) {
                // a folder names the group of the feeds in it; an empty one, or a plain link, is nothing to import
                if (!o.nested()) skipped.add(new Skipped(o.line(), o.title(), "no xmlUrl, so no feed to read"));
                continue;
            }
            URI url;
            try {
                url = new URI(o.xmlUrl());
            } catch (URISyntaxException e) {
                skipped.add(new Skipped(o.line(), o.title(), "xmlUrl is not a valid URL: " + e.getReason() + " in '" + o.xmlUrl() + "'"));
                continue;
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                skipped.add(new Skipped(o.line(), o.title(), "xmlUrl " + o.xmlUrl() + " is not an absolute http or https URL"));
                continue;
            }
            if (configured.contains(url.toString())) {
                present++;
                continue;
            }
            Integer first = lineOfNew.putIfAbsent(url.toString(), o.line());
            if (first != null) {
                skipped.add(new Skipped(o.line(), o.title(), "the same feed as the outline of line " + first));
                continue;
            }
            toAdd.add(new NewSource(uniqueId(slug(url), ids), o.title().isEmpty() ? url.getHost() : o.title(), url,
                    type(o.type(), o.version()), groups(o.folder(), o.category())));
        }
        return new Reading(toAdd, present, skipped);
    }

    /**
     * OPML 2.0 gives every feed outline type="rss", whatever its format, and says the format in
     * {@code version} ("RSS2", "atom", "json"); some exports put "atom" in {@code type} instead.
     * A bare type="rss" says nothing, and the format is sniffed.
     */
    static String type(String type, String version) {
        String given = version == null || version.isBlank() ? type : version;
        // many readers' exports leave both out: an outline with an xmlUrl is a feed all the same
        if (given == null) return "auto";
        String v = given.toLowerCase(Locale.ROOT);
        if (v.contains("atom")) return "atom";
        if (v.contains("json")) return "json";
        if (v.startsWith("rss") && version != null && !version.isBlank()) return "rss";
        return "auto";
    }

    /**
     * The folder the outline sits in, and its categories: "/iraq,/agencies" or "news/iraq" name a
     * group by their last segment each.
     */
    static List<String> groups(String folder, String categories) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (folder != null && !folder.isBlank()) out.add(folder.strip());
        if (categories != null) {
            for (String c : categories.split(",")) {
                String path = c.strip().replaceAll("/+$", "");
                String last = path.substring(path.lastIndexOf('/') + 1).strip();
                if (!last.isEmpty()) out.add(last);
            }
        }
        return List.copyOf(out);
    }

    /**
     * An id from the host: "feeds.bbci.co.uk" becomes "bbci". A host that names no outlet (an IP
     * address, localhost) gives way to the first segment of the path: "127.0.0.1/rafidain/feed.xml"
     * becomes "rafidain".
     */
    static String slug(URI url) {
        String rawHost = url.getHost().toLowerCase(Locale.ROOT);
        if (rawHost.matches("[0-9.]+|\\[.*]|localhost") && url.getPath() != null) {
            String seg = url.getPath().replaceAll("^/+", "");
            seg = seg.contains("/") ? seg.substring(0, seg.indexOf('/')) : seg.replaceAll("\\.[a-z]+$", "");
            String s = seg.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (!s.isEmpty()) return s.length() > 40 ? s.substring(0, 40) : s;
        }
        String host = rawHost.replaceFirst("^(www|feeds?|rss|arabic|ar)\\.", "");
        String core = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        String s = core.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "source" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String uniqueId(String base, Set<String> ids) {
        String id = base;
        for (int i = 2; !ids.add(id); i++) id = base + "-" + i;
        return id;
    }

    static ConfigException error(Path opml, int line, String message) {
        return new ConfigException(List.of(new ConfigError(opml, line, message)));
    }

    /**
     * feeds.yml with new sources added.
     *
     * @param yaml      the whole file as it would be written
     * @param firstLine the 1-based line where the new entries begin in {@code yaml}
     * @param lastLine  the line where they end
     * @param added     the new entries' YAML, as the import adds them
     */
    public record Appended(String yaml, int firstLine, int lastLine, String added) {}

    /** One source's keys, one a line, without indentation: the lines of a block list item. */
    static List<String> entryLines(NewSource s) {
        List<String> out = new ArrayList<>();
        out.add("id: " + s.id());
        out.add("name: " + quote(s.name()));
        out.add("url: " + quote(s.url().toString()));
        out.add("type: " + s.type());
        if (!s.groups().isEmpty()) out.add("groups: " + groupList(s));
        return out;
    }

    /** One source as a flow mapping, for a {@code sources: [...]} list. */
    static String flowEntry(NewSource s) {
        return "{" + String.join(", ", entryLines(s)) + "}";
    }

    private static String groupList(NewSource s) {
        return "[" + String.join(", ", s.groups().stream().map(OpmlImport::quote).toList()) + "]";
    }

    /** Double-quoted YAML scalar: safe for any text. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * feeds.yml with the new sources appended to its {@code sources} list, at the list's own
     * indentation, every other line kept as written. Not validated: the caller loads the result.
     */
    public static Appended appendSources(String feedsYaml, List<NewSource> sources) {
        return SourcesAppender.append(feedsYaml, sources);
    }
}
