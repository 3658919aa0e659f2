package org.nashra.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value with the line it starts on, so that every validation error can point at the
 * operator's file. Jackson's tree drops locations; SnakeYAML's composed nodes keep them.
 */
sealed interface YamlNode {
    int line();

    record Scalar(String value, int line) implements YamlNode {}

    record Seq(List<YamlNode> items, int line) implements YamlNode {}

    /** Keys keep their own lines so that "unknown key" points at the key. */
    record Map_(LinkedHashMap<String, Entry> entries, int line) implements YamlNode {}

    record Entry(String key, int keyLine, YamlNode value) {}

    static YamlNode of(Node node) {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode s) {
            boolean nullTag = "tag:yaml.org,2002:null".equals(s.getTag().getValue());
            return new Scalar(nullTag ? null : s.getValue(), line);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node n : seq.getValue()) items.add(of(n));
            return new Seq(items, line);
        }
        MappingNode map = (MappingNode) node;
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            String key = k instanceof ScalarNode ks ? ks.getValue() : String.valueOf(k);
            entries.put(key, new Entry(key, k.getStartMark().getLine() + 1, of(t.getValueNode())));
        }
        return new Map_(entries, line);
    }

    static String describe(YamlNode n) {
        if (n instanceof Scalar) return "a value";
        if (n instanceof Seq) return "a list";
        return "a mapping";
    }

    static Map<String, Entry> emptyMap() {
        return Map.of();
    }
}
