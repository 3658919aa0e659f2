package org.nashra.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds entries to the {@code sources} list of a feeds.yml as text, every other line kept as written.
 * Where the list is and how its items are indented comes from the YAML parser's marks, not from
 * guessing at lines: the last source may end in a block list or map, a block scalar or a comment,
 * and a guess made there once indented the new entries into the last source's {@code boilerplate}.
 */
final class SourcesAppender {
    private final String text;
    /** The file's lines without their "\n" (a CRLF file's keep their "\r"). */
    private final List<String> lines;
    private final String eol;

    private SourcesAppender(String text) {
        this.text = text;
        this.lines = new ArrayList<>(List.of(text.split("\n", -1)));
        this.eol = text.contains("\r\n") ? "\r" : "";
    }

    /**
     * {@code feedsYaml} with {@code sources} appended to its sources list (a new list at the end when it has
     * none). The file is one that loads: its {@code sources}, when there, is a list.
     */
    static OpmlImport.Appended append(String feedsYaml, List<OpmlImport.NewSource> sources) {
        return new SourcesAppender(feedsYaml).append(sources);
    }

    private OpmlImport.Appended append(List<OpmlImport.NewSource> sources) {
        MappingNode root = root();
        NodeTuple list = null;
        Node nextKey = null;
        if (root != null) {
            List<NodeTuple> entries = root.getValue();
            for (int i = 0; i < entries.size() && list == null; i++) {
                if (entries.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals("sources")) {
                    list = entries.get(i);
                    if (i + 1 < entries.size()) nextKey = entries.get(i + 1).getKeyNode();
                }
            }
        }
        if (list == null) return newList(sources);
        Node value = list.getValueNode();
        if (value instanceof SequenceNode seq && seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) return intoFlow(seq, sources);
        if (value instanceof SequenceNode seq) {
            Mark dash = seq.getStartMark();
            Node first = seq.getValue().get(0);
            // "-   id: a" keeps its spacing; a first item that starts on the line after its dash, the usual two
            int content = first.getStartMark().getLine() == dash.getLine() ? first.getStartMark().getColumn() : dash.getColumn() + 2;
            Node last = seq.getValue().get(seq.getValue().size() - 1);
            return intoBlock(list.getKeyNode(), nextKey, root, dash.getColumn(), content, separatedByBlankLines(last), sources);
        }
        throw new IllegalArgumentException("'sources' at line " + (value.getStartMark().getLine() + 1)
                + " is " + YamlNode.describe(YamlNode.of(value)) + ", not a list; fix it before importing");
    }

    private MappingNode root() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        Node node = new Yaml(options).compose(new StringReader(text));
        if (node == null) return null;
        if (node instanceof MappingNode m) return m;
        throw new IllegalArgumentException("the top level is " + YamlNode.describe(YamlNode.of(node)) + ", not a mapping of keys");
    }

    /**
     * New block items after the last line that belongs to the list. That is the last line before the next
     * top-level key (or the end of the document) holding content or a comment indented under the
     * {@code sources} key; blank lines and comments at the key's own column before the next key are
     * that key's, and stay with it.
     */
    private OpmlImport.Appended intoBlock(Node key, Node nextKey, MappingNode root, int dashColumn, int contentColumn,
                                          boolean blankLineBetween, List<OpmlImport.NewSource> sources) {
        int keyColumn = key.getStartMark().getColumn();
        int end = nextKey != null ? nextKey.getStartMark().getLine() : endLine(root.getEndMark());
        int after = key.getStartMark().getLine();
        for (int i = end - 1; i > after; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#") && indent(lines.get(i)) <= keyColumn) continue;
            after = i;
            break;
        }
        String dash = " ".repeat(dashColumn) + "-" + " ".repeat(Math.max(1, contentColumn - dashColumn - 1));
        String more = " ".repeat(contentColumn);
        List<String> added = new ArrayList<>();
        for (OpmlImport.NewSource s : sources) {
            if (blankLineBetween) added.add("");
            List<String> entry = OpmlImport.entryLines(s);
            for (int i = 0; i < entry.size(); i++) added.add((i == 0 ? dash : more) + entry.get(i));
        }
        return insertLines(after + 1, added);
    }

    /** The line of a block's end mark, exclusive: the line it is on, unless the block's last line runs up to it. */
    private static int endLine(Mark end) {
        return end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
    }

    /** Whether the list's items stand apart, a blank line (and perhaps comments) before each: the new ones do too. */
    private boolean separatedByBlankLines(Node lastItem) {
        int i = lastItem.getStartMark().getLine() - 1;
        while (i >= 0 && lines.get(i).strip().startsWith("#")) i--;
        return i >= 0 && lines.get(i).isBlank();
    }

    /** {@code [a, b]} becomes {@code [a, b, {id: c, ...}]}; items written one a line get the new ones the same way. */
    private OpmlImport.Appended intoFlow(SequenceNode seq, List<OpmlImport.NewSource> sources) {
        List<Node> items = seq.getValue();
        List<String> entries = sources.stream().map(OpmlImport::flowEntry).toList();
        int at;
        String separator = ", ";
        String lead = "";
        if (items.isEmpty()) {
            at = offset(seq.getStartMark()) + 1; // after the '['
        } else {
            Node last = items.get(items.size() - 1);
            at = offset(last.getEndMark());
            if (last.getStartMark().getLine() != seq.getStartMark().getLine()) {
                separator = "," + eol + "\n" + " ".repeat(last.getStartMark().getColumn());
            }
            lead = separator;
        }
        String inserted = lead + String.join(separator, entries);
        String updated = text.substring(0, at) + inserted + text.substring(at);
        int firstLine = lineAt(updated, at + lead.length());
        int lastLine = lineAt(updated, at + inserted.length());
        return new OpmlImport.Appended(updated, firstLine, lastLine, String.join("\n", entries) + "\n");
    }

    /** The 1-based line of a char offset. */
    private static int lineAt(String s, int offset) {
        return 1 + (int) s.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** A file without a sources list gets one at its end. */
    private OpmlImport.Appended newList(List<OpmlImport.NewSource> sources) {
        int at = lines.size();
        // a last line "" is what follows the file's final newline: the list goes before it
        if (lines.get(at - 1).isEmpty()) at--;
        List<String> added = new ArrayList<>();
        added.add("sources:");
        for (OpmlImport.NewSource s : sources) {
            List<String> entry = OpmlImport.entryLines(s);
            for (int i = 0; i < entry.size(); i++) added.add((i == 0 ? "  - " : "    ") + entry.get(i));
        }
        return insertLines(at, added);
    }

    private OpmlImport.Appended insertLines(int at, List<String> added) {
        List<String> withEol = added.stream().map(l -> l + eol).toList();
        boolean last = at == lines.size();
        if (last) {
            // after the last line of a file without a final newline: that line gets one, the file still has none
            lines.set(at - 1, lines.get(at - 1) + eol);
        }
        lines.addAll(at, withEol);
        String updated = String.join("\n", lines);
        if (last && eol.length() > 0) updated = updated.substring(0, updated.length() - eol.length());
        // a blank line that sets the new entries apart is not theirs
        int blank = 0;
        while (added.get(blank).isEmpty()) blank++;
        return new OpmlImport.Appended(updated, at + 1 + blank, at + added.size(),
                String.join("\n", added.subList(blank, added.size())) + "\n");
    }

    /** The char offset in the text of a mark, whose column counts code points. */
    private int offset(Mark m) {
        int at = 0;
        for (int i = 0; i < m.getLine(); i++) at += lines.get(i).length() + 1;
        return at + lines.get(m.getLine()).offsetByCodePoints(0, m.getColumn());
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
