package org.nashra.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates feeds.yml and config/nashra.yml. The only class that reads configuration
 * files; every error carries the file and line.
 */
public final class ConfigLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** Where the settings are looked for when no path is given; every key in it is optional. */
    public static final Path DEFAULT_SETTINGS = Path.of("config", "nashra.yml");

    private ConfigLoader() {}

    public static FeedsFile loadFeeds(Path path) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        return loadFeeds(path, readRoot(path, errors), errors);
    }

    /**
     * feeds.yml from bytes already read from {@code path}: for {@link ConfigWatcher}, which has seen
     * them stay the same across two reads, so what is validated is a whole edit, not a half-written file.
     */
    public static FeedsFile loadFeeds(Path path, byte[] content) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        return loadFeeds(path, parseRoot(path, decode(path, content, errors), errors), errors);
    }

    private static FeedsFile loadFeeds(Path path, ConfigReader root, List<ConfigError> errors) throws ConfigException {
        if (root == null) throw new ConfigException(errors);

        ConfigReader defaults = root.section("defaults");
        Duration interval = defaults.duration("interval", Duration.ofMinutes(15));
        Duration minInterval = defaults.duration("min_interval", null);
        Duration maxInterval = defaults.duration("max_interval", null);
        ZoneId zone = defaults.zone("timezone", ZoneId.of("UTC"));
        String language = defaults.string("language", "ar");
        boolean fulltext = defaults.bool("fulltext", false);
        boolean robots = defaults.bool("robots", true);
        defaults.finish();

        List<SourceConfig> sources = new ArrayList<>();
        // every id a source declares, also one that failed to load: feeds naming it are not a second error
        Map<String, Integer> sourceLines = new HashMap<>();
        // groups of sources that failed to load, likewise
        Set<String> brokenGroups = new HashSet<>();
        for (ConfigReader s : root.sections("sources")) {
            SourceConfig src = readSource(s, interval, minInterval, maxInterval, zone, language, fulltext, robots);
            // a source with another error still claims its id: every error is said in one pass
            boolean repeated = false;
            for (String id : src != null ? List.of(src.id()) : s.peek("id")) {
                Integer first = sourceLines.putIfAbsent(id, s.line());
                if (first != null) {
                    s.error(s.lineOf("id"), "duplicate source id '" + id + "' (first defined at line " + first + ")");
                    repeated = true;
                }
            }
            if (src == null) {
                brokenGroups.addAll(s.peek("groups"));
            } else if (!repeated) {
                sources.add(src);
            }
        }
        if (!root.has("sources") && errors.isEmpty()) {
            root.error(1, "no 'sources' list: add at least one source with an id and a url");
        }

        Set<String> groups = new HashSet<>();
        sources.forEach(s -> groups.addAll(s.groups()));
        List<FeedConfig> feeds = new ArrayList<>();
        Set<String> feedIds = new HashSet<>();
        Set<String> namedIds = sourceLines.keySet();
        Set<String> namedGroups = new HashSet<>(groups);
        namedGroups.addAll(brokenGroups);
        for (ConfigReader f : root.sections("feeds")) {
            FeedConfig feed = readFeed(f, namedIds, namedGroups);
            boolean repeated = false;
            for (String id : feed != null ? List.of(feed.id()) : f.peek("id")) {
                if (!feedIds.add(id)) {
                    f.error(f.lineOf("id"), "duplicate feed id '" + id + "'");
                    repeated = true;
                }
            }
            if (feed != null && !repeated) feeds.add(feed);
        }
        if (feeds.isEmpty() && !root.has("feeds")) {
            // a feeds.yml with sources only still publishes everything
            feeds.add(new FeedConfig("all", "كل الأخبار", null, List.of(), List.of("*"), List.of(), OtherNewsMode.DIGEST, 50));
        }

        ConfigReader d = root.section("dedup");
        DedupSettings dedup = new DedupSettings(d.duration("window", DedupSettings.DEFAULT.window()),
                d.decimal("threshold", DedupSettings.DEFAULT.threshold(), DedupSettings.MIN_THRESHOLD, 1.0));
        d.finish();
        root.finish();
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new FeedsFile(path, sources, feeds, dedup);
    }

    private static SourceConfig readSource(ConfigReader s, Duration interval, Duration minInterval,
                                           Duration maxInterval, ZoneId zone, String language,
                                           boolean fulltext, boolean robots) {
        int errorsBefore = countErrors(s);
        String id = s.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            s.error(s.lineOf("id"), "source id '" + id + "' must be lower-case letters, digits, '-' or '_' (at most 64)");
        }
        String name = s.string("name", null);
        URI url = httpUrl(s, "url", true);
        SourceType type = s.choice("type", SourceType.AUTO, SourceType.class, "source type");
        List<String> groups = s.strings("groups");
        int priority = s.integer("priority", 0, -1000, 1000);
        Duration ivl = s.duration("interval", interval);
        Duration min = s.duration("min_interval", minInterval == null ? ivl : minInterval);
        Duration max = s.duration("max_interval", maxInterval == null ? ivl.multipliedBy(8) : maxInterval);
        if (ivl.compareTo(MIN_INTERVAL) < 0) {
            s.error(s.lineOf("interval"), "interval " + ivl.toSeconds() + "s is shorter than the minimum of 1m: outlets block aggregators that poll that often");
        }
        if (min.compareTo(max) > 0) {
            s.error(s.lineOf("min_interval"), "min_interval is longer than max_interval");
        }
        ZoneId tz = s.zone("timezone", zone);
        String lang = s.string("language", language);
        boolean ft = s.bool("fulltext", fulltext);
        String encoding = s.string("encoding", null);
        if (encoding != null && !java.nio.charset.Charset.isSupported(encoding)) {
            s.error(s.lineOf("encoding"), "unknown encoding '" + encoding + "' (try windows-1256, ISO-8859-6 or UTF-8)");
            encoding = null;
        }
        boolean rb = s.bool("robots", robots);
        ListingRules listing = null;
        if (s.has("listing")) {
            ConfigReader l = s.section("listing");
            listing = new ListingRules(l.string("item", true), l.string("link", null), l.string("title", null),
                    l.string("date", null), l.string("image", null));
            for (String key : List.of("item", "link", "title", "date", "image")) checkSelector(l, key, l.peek(key));
            l.finish();
        }
        ArticleRules article = null;
        if (s.has("article")) {
            ConfigReader a = s.section("article");
            article = new ArticleRules(a.string("title", null), a.string("body", null), a.string("date", null),
                    a.string("author", null), a.string("image", null), a.string("other_news", null),
                    a.strings("remove"));
            for (String key : List.of("title", "body", "date", "author", "image", "other_news", "remove")) {
                checkSelector(a, key, a.peek(key));
            }
            a.finish();
        }
        List<String> boilerplate = s.strings("boilerplate");
        List<String> headings = s.strings("other_news_headings");
        s.finish();
        if (id == null || url == null || countErrors(s) > errorsBefore) return null;
        return new SourceConfig(id, name, url, type, groups, priority, ivl, min, max, tz, lang, ft,
                encoding, rb, listing, article, boilerplate, headings);
    }

    private static void checkSelector(ConfigReader r, String key, List<String> rules) {
        for (String rule : rules) {
            String problem = CssRule.problem(rule);
            if (problem != null) r.error(r.lineOf(key), "'" + key + "' selector '" + rule + "' is not valid CSS: " + problem);
        }
    }

    private static FeedConfig readFeed(ConfigReader f, Set<String> sourceIds, Set<String> groups) {
        int errorsBefore = countErrors(f);
        String id = f.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            f.error(f.lineOf("id"), "feed id '" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        String title = f.string("title", null);
        String description = f.string("description", null);
        ConfigReader inc = f.section("include");
        List<String> srcs = inc.strings("sources");
        List<String> grps = inc.strings("groups");
        inc.finish();
        ConfigReader exc = f.section("exclude");
        List<String> excluded = exc.strings("sources");
        exc.finish();
        for (String s : concat(srcs, excluded)) {
            if (!sourceIds.contains(s)) f.error(f.lineOf(srcs.contains(s) ? "include" : "exclude"), "feed '" + id + "' names unknown source '" + s + "'");
        }
        for (String g : grps) {
            if (!g.equals("*") && !groups.contains(g)) f.error(f.lineOf("include"), "feed '" + id + "' names group '" + g + "' that no source belongs to");
        }
        if (srcs.isEmpty() && grps.isEmpty()) grps = List.of("*");
        OtherNewsMode mode = f.choice("other_news", OtherNewsMode.DIGEST, OtherNewsMode.class, "other_news");
        int limit = f.integer("limit", 50, 1, 1000);
        f.finish();
        if (id == null || countErrors(f) > errorsBefore) return null;
        return new FeedConfig(id, title, description, srcs, grps, excluded, mode, limit);
    }

    /** Settings from {@code path}, which must exist: a file the operator named. */
    public static Settings loadSettings(Path path, Path dataDir) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        ConfigReader root = readRoot(path, errors);
        if (root == null) throw new ConfigException(errors);
        return readSettings(root, dataDir, errors);
    }

    /** Settings from bytes already read from {@code path}, as {@link #loadFeeds(Path, byte[])} reads feeds.yml. */
    public static Settings loadSettings(Path path, byte[] content, Path dataDir) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        ConfigReader root = parseRoot(path, decode(path, content, errors), errors);
        if (root == null) throw new ConfigException(errors);
        return readSettings(root, dataDir, errors);
    }

    /**
     * Settings from {@code path}, or the built-in defaults when nothing is there. Only for the
     * default path: every key is optional, so an install without config/nashra.yml runs. A path
     * the operator named goes to {@link #loadSettings}, where a missing file is an error.
     */
    public static Settings loadSettingsOrDefaults(Path path, Path dataDir) throws ConfigException {
        return Files.notExists(path) ? defaultSettings(dataDir) : loadSettings(path, dataDir);
    }

    /** The built-in settings, as an empty config/nashra.yml gives them. */
    public static Settings defaultSettings(Path dataDir) {
        List<ConfigError> errors = new ArrayList<>();
        try {
            return readSettings(ConfigReader.empty(DEFAULT_SETTINGS, "", errors), dataDir, errors);
        } catch (ConfigException e) {
            throw new IllegalStateException("the built-in settings are invalid: " + e.getMessage(), e);
        }
    }

    private static Settings readSettings(ConfigReader root, Path dataDir, List<ConfigError> errors) throws ConfigException {
        ConfigReader h = root.section("http");
        String host = h.string("host", "127.0.0.1");
        int port = h.integer("port", 8080, 0, 65535);
        URI base = httpUrl(h, "base_url", false);
        if (base == null) base = URI.create("http://localhost:" + port);
        URI hub = httpUrl(h, "websub_hub", false);
        String tagAuthority = h.string("tag_authority", base.getHost() + ",2026");
        h.finish();

        ConfigReader db = root.section("database");
        String jdbc = db.string("url", null);
        if (jdbc == null) jdbc = DatabaseSettings.embeddedUrl(dataDir);
        else if (!jdbc.startsWith("jdbc:h2:") && !jdbc.startsWith("jdbc:postgresql:")) {
            db.error(db.lineOf("url"), "database.url must start with jdbc:h2: or jdbc:postgresql:, found '" + jdbc + "'");
        }
        DatabaseSettings database = new DatabaseSettings(jdbc, db.string("user", jdbc.startsWith("jdbc:h2:") ? "sa" : "postgres"),
                db.string("password", ""), db.integer("pool_size", 8, 1, 100), db.bool("clustered", false));
        db.finish();

        FetchSettings d = FetchSettings.defaults();
        ConfigReader f = root.section("fetch");
        String contact = f.string("contact_url", null);
        String ua = f.string("user_agent", contact == null ? d.userAgent() : "Nashra/0.1 (+" + contact + ")");
        FetchSettings fetch = new FetchSettings(
                f.duration("connect_timeout", d.connectTimeout()),
                f.duration("read_timeout", d.readTimeout()),
                f.duration("total_deadline", d.totalDeadline()),
                f.size("max_body", d.maxBodyBytes()),
                f.size("max_decompressed", d.maxDecompressedBytes()),
                f.integer("max_redirects", d.maxRedirects(), 0, 20),
                ua,
                f.strings("allow_private_hosts"),
                f.integer("per_host_concurrency", d.perHostConcurrency(), 1, 64),
                f.duration("per_host_gap", d.perHostGap()),
                f.duration("max_backoff", d.maxBackoff()));
        f.finish();

        ConfigReader r = root.section("retention");
        Duration retention = r.duration("max_age", Duration.ofDays(30));
        r.finish();
        int workers = root.integer("worker_threads", 4, 1, 64);
        root.finish();
        if (!errors.isEmpty()) throw new ConfigException(errors);
        return new Settings(new HttpSettings(host, port, base, hub, tagAuthority), database, fetch, retention, workers, dataDir);
    }

    private static ConfigReader readRoot(Path path, List<ConfigError> errors) {
        return parseRoot(path, readText(path, errors), errors);
    }

    private static ConfigReader parseRoot(Path path, String text, List<ConfigError> errors) {
        if (text == null) return null;
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10); // no alias bombs in configuration
            node = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(new ConfigError(path, line, "not valid YAML: " + e.getProblem()));
            return null;
        } catch (ReaderException e) {
            // the reader says where only as a count of code points: the operator needs the line
            int line = 1 + (int) text.codePoints().limit(e.getPosition()).filter(c -> c == '\n').count();
            errors.add(new ConfigError(path, line, "not valid YAML: character " + String.format(Locale.ROOT, "U+%04X", e.getCodePoint())
                    + " is not allowed (a control character); write it as an escape in a double-quoted string, or remove it"));
            return null;
        } catch (YAMLException e) {
            errors.add(new ConfigError(path, 0, "cannot read: " + e.getMessage()));
            return null;
        }
        if (node == null) {
            errors.add(new ConfigError(path, 1, "the file is empty"));
            return null;
        }
        YamlNode root = YamlNode.of(node);
        if (!(root instanceof YamlNode.Map_ m)) {
            errors.add(new ConfigError(path, root.line(), "the top level must be a mapping of keys"));
            return null;
        }
        return new ConfigReader(path, "", m, errors);
    }

    /**
     * The file's text, decoded here rather than by a Reader under the YAML parser: that way a
     * directory or bytes that are not UTF-8 (a feeds.yml saved as windows-1256) are reported as
     * such, with the line, instead of as the JDK's bare "Is a directory" or "Input length = 1".
     */
    private static String readText(Path path, List<ConfigError> errors) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            errors.add(unreadable(path, e));
            return null;
        }
        return decode(path, bytes, errors);
    }

    /** The error for a configuration file that could not be read at all. */
    static ConfigError unreadable(Path path, IOException e) {
        return e instanceof NoSuchFileException ? new ConfigError(path, 0, "file not found")
                : new ConfigError(path, 0, "cannot read: " + FileProblems.reason(path, e));
    }

    private static String decode(Path path, byte[] bytes, List<ConfigError> errors) {
        FileProblems.NotUtf8 bad = FileProblems.findNotUtf8(bytes);
        if (bad != null) {
            errors.add(new ConfigError(path, bad.line(), "not valid UTF-8 (byte offset " + bad.offset()
                    + "): save the file as UTF-8"));
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static URI httpUrl(ConfigReader r, String key, boolean required) {
        String s = r.string(key, required);
        if (s == null) return null;
        try {
            URI u = new URI(s.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                r.error(r.lineOf(key), "'" + key + "' must be an absolute http or https URL, found '" + s + "'");
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            r.error(r.lineOf(key), "'" + key + "' is not a valid URL: " + e.getReason() + " in '" + s + "'");
            return null;
        }
    }

    private static int countErrors(ConfigReader r) {
        return r.errorCount();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
