package org.nashra.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt that apply to one user-agent (RFC 9309): the groups naming our product
 * token, else the {@code *} groups; the longest matching path pattern wins, and Allow wins a tie.
 */
final class RobotsRules {

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/")));

    record Rule(boolean allow, String pattern) {}

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** @param productToken the name part of our User-Agent, e.g. "Nashra" */
    static RobotsRules parse(byte[] body, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (String raw : new String(body, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                // consecutive user-agent lines share one group; one after rules starts a new group
                if (current == null || !current.rules.isEmpty()) {
                    current = new Group(new ArrayList<>(), new ArrayList<>());
                    groups.add(current);
                }
                current.agents.add(value.toLowerCase(Locale.ROOT));
            } else if ((key.equals("allow") || key.equals("disallow")) && current != null && !value.isEmpty()) {
                // an empty "Disallow:" allows everything, which is what no rule means
                current.rules.add(new Rule(key.equals("allow"), value));
            }
        }
        List<Rule> mine = new ArrayList<>();
        boolean named = false;
        for (Group g : groups) {
            if (g.agents.contains(token)) {
                named = true;
                mine.addAll(g.rules);
            }
        }
        if (named) {
            return new RobotsRules(mine);
        }
        List<Rule> star = new ArrayList<>();
        for (Group g : groups) {
            if (g.agents.contains("*")) {
                star.addAll(g.rules);
            }
        }
        return new RobotsRules(star);
    }

    private record Group(List<String> agents, List<Rule> rules) {}

    boolean allows(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.equals("/robots.txt")) {
            return true;
        }
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern(), path) && (best == null || r.pattern().length() > best.pattern().length()
                    || (r.pattern().length() == best.pattern().length() && r.allow()))) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    /** {@code *} matches any run of characters, a final {@code $} anchors the end (RFC 9309 2.2.3). */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
