package org.nashra.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML mapping, key by key, collecting located errors instead of stopping at the
 * first. Whatever keys the caller did not ask for are reported as unknown by {@link #finish()}.
 */
final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?", Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final String where;
    private final YamlNode.Map_ map;
    private final List<ConfigError> errors;
    private final Set<String> read = new HashSet<>();

    ConfigReader(Path file, String where, YamlNode.Map_ map, List<ConfigError> errors) {
        this.file = file;
        this.where = where;
        this.map = map;
        this.errors = errors;
    }

    /** A reader over an absent section: every key reads as missing. */
    static ConfigReader empty(Path file, String where, List<ConfigError> errors) {
        return new ConfigReader(file, where, new YamlNode.Map_(new java.util.LinkedHashMap<>(), 0), errors);
    }

    int errorCount() {
        return errors.size();
    }

    int line() {
        return map.line();
    }

    boolean has(String key) {
        read.add(key);
        YamlNode.Entry e = map.entries().get(key);
        return e != null && !(e.value() instanceof YamlNode.Scalar s && s.value() == null);
    }

    void error(int line, String message) {
        errors.add(new ConfigError(file, line, message));
    }

    private String label(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private YamlNode node(String key) {
        read.add(key);
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    int lineOf(String key) {
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? map.line() : e.keyLine();
    }

    String string(String key, boolean required) {
        YamlNode n = node(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.value() == null) {
            if (required) error(map.line(), "missing required key '" + label(key) + "'");
            return null;
        }
        if (n instanceof YamlNode.Scalar s) return s.value();
        error(n.line(), "'" + label(key) + "' must be a single value, found " + YamlNode.describe(n));
        return null;
    }

    String string(String key, String fallback) {
        String s = string(key, false);
        return s == null ? fallback : s;
    }

    boolean bool(String key, boolean fallback) {
        String s = string(key, false);
        if (s == null) return fallback;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default:
                error(lineOf(key), "'" + label(key) + "' must be true or false, found '" + s + "'");
                return fallback;
        }
    }

    int integer(String key, int fallback, int min, int max) {
        String s = string(key, false);
        if (s == null) return fallback;
        try {
            int v = Integer.parseInt(s.trim());
            if (v < min || v > max) {
                error(lineOf(key), "'" + label(key) + "' must be between " + min + " and " + max + ", found " + v);
                return fallback;
            }
            return v;
        } catch (NumberFormatException e) {
            error(lineOf(key), "'" + label(key) + "' must be a whole number, found '" + s + "'");
            return fallback;
        }
    }

    double decimal(String key, double fallback, double min, double max) {
        String s = string(key, false);
        if (s == null) return fallback;
        try {
            double v = Double.parseDouble(s.trim());
            if (v < min || v > max) {
                error(lineOf(key), "'" + label(key) + "' must be between " + min + " and " + max + ", found " + v);
                return fallback;
            }
            return v;
        } catch (NumberFormatException e) {
            error(lineOf(key), "'" + label(key) + "' must be a number, found '" + s + "'");
            return fallback;
        }
    }

    Duration duration(String key, Duration fallback) {
        String s = string(key, false);
        if (s == null) return fallback;
        Duration d = parseDuration(s);
        if (d == null || d.isZero()) {
            error(lineOf(key), "'" + label(key) + "' must be a duration such as 30s, 15m, 2h or 1d, found '" + s + "'");
            return fallback;
        }
        return d;
    }

    /** "1h30m", "15m", "500ms", "2d"; null when not a duration. */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return null;
        Matcher m = DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int pos = 0;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) return null;
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            pos = m.end();
            while (pos < t.length() && t.charAt(pos) == ' ') pos++;
        }
        return total;
    }

    long size(String key, long fallback) {
        String s = string(key, false);
        if (s == null) return fallback;
        Matcher m = SIZE.matcher(s.trim());
        if (!m.matches()) {
            error(lineOf(key), "'" + label(key) + "' must be a size such as 512KB or 10MB, found '" + s + "'");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "kb", "k" -> n * 1024;
            case "mb", "m" -> n * 1024 * 1024;
            case "gb", "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /**
     * One of an enum's values, written in lower case; an error reads
     * "{what} 'x' is not one of a, b, c".
     */
    <E extends Enum<E>> E choice(String key, E fallback, Class<E> type, String what) {
        String s = string(key, fallback.name().toLowerCase(Locale.ROOT));
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E v : type.getEnumConstants()) {
                if (names.length() > 0) names.append(", ");
                names.append(v.name().toLowerCase(Locale.ROOT));
            }
            error(lineOf(key), what + " '" + s + "' is not one of " + names);
            return fallback;
        }
    }

    ZoneId zone(String key, ZoneId fallback) {
        String s = string(key, false);
        if (s == null) return fallback;
        try {
            return ZoneId.of(s.trim());
        } catch (RuntimeException e) {
            error(lineOf(key), "'" + label(key) + "' must be a time zone such as Asia/Baghdad or UTC, found '" + s + "'");
            return fallback;
        }
    }

    /** A list of single values; a single value is accepted as a one-element list. */
    List<String> strings(String key) {
        YamlNode n = node(key);
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n instanceof YamlNode.Scalar s) {
            if (s.value() != null) out.add(s.value());
            return out;
        }
        if (n instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null) out.add(s.value());
                else error(item.line(), "'" + label(key) + "' must be a list of values, found " + YamlNode.describe(item));
            }
            return out;
        }
        error(n.line(), "'" + label(key) + "' must be a list, found " + YamlNode.describe(n));
        return out;
    }

    /**
     * The plain values under {@code key} (one scalar or a list of them), or none, reporting nothing:
     * for naming what an entry that failed to load declared, without a second error about it.
     */
    List<String> peek(String key) {
        YamlNode.Entry e = map.entries().get(key);
        List<String> out = new ArrayList<>();
        if (e == null) return out;
        if (e.value() instanceof YamlNode.Scalar sc && sc.value() != null) out.add(sc.value());
        if (e.value() instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) if (item instanceof YamlNode.Scalar sc && sc.value() != null) out.add(sc.value());
        }
        return out;
    }

    /** A nested mapping, or an empty reader when absent. */
    ConfigReader section(String key) {
        YamlNode n = node(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.value() == null) {
            return empty(file, label(key), errors);
        }
        if (n instanceof YamlNode.Map_ m) return new ConfigReader(file, label(key), m, errors);
        error(n.line(), "'" + label(key) + "' must be a mapping of keys, found " + YamlNode.describe(n));
        return empty(file, label(key), errors);
    }

    /** A list of mappings, each wrapped in a reader named after its position. */
    List<ConfigReader> sections(String key) {
        YamlNode n = node(key);
        List<ConfigReader> out = new ArrayList<>();
        if (n == null || n instanceof YamlNode.Scalar s && s.value() == null) return out;
        if (!(n instanceof YamlNode.Seq seq)) {
            error(n.line(), "'" + label(key) + "' must be a list, found " + YamlNode.describe(n));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Map_ m) out.add(new ConfigReader(file, label(key) + "[" + i + "]", m, errors));
            else error(item.line(), "each entry of '" + label(key) + "' must be a mapping, found " + YamlNode.describe(item));
        }
        return out;
    }

    /** Reports every key that was present but never read. */
    void finish() {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!read.contains(e.key())) {
                error(e.keyLine(), "unknown key '" + label(e.key()) + "'; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(read)));
            }
        }
    }
}
