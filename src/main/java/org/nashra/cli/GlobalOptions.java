package org.nashra.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code nashra} that its commands inherit ({@code --feeds}, {@code --config},
 * {@code --data}), and which commands read which. A command is offered, in its help and on its command
 * line, only those it reads: {@code parse --data DIR} used to be taken and ignored, and {@code demo
 * --help} listed a --feeds it never reads.
 */
final class GlobalOptions {
    static final String FEEDS = "--feeds";
    static final String CONFIG = "--config";
    static final String DATA = "--data";
    private static final Set<String> ALL = Set.of(FEEDS, CONFIG, DATA);

    private static final Map<String, Set<String>> READ_BY = Map.ofEntries(
            Map.entry("serve", ALL),
            Map.entry("fetch", ALL),
            Map.entry("sources", ALL),
            Map.entry("export", ALL),
            Map.entry("resume", ALL),
            // stored item ids are looked up in the store; JSON items need nothing
            Map.entry("explain", ALL),
            // its own feeds.yml of the sample outlets, and its database under DIR/demo
            Map.entry("demo", Set.of(CONFIG, DATA)),
            Map.entry("check-config", Set.of(FEEDS, CONFIG)),
            Map.entry("preview", Set.of(FEEDS, CONFIG)),
            Map.entry("import-opml", Set.of(FEEDS)),
            Map.entry("parse", Set.of()),
            Map.entry("normalize", Set.of()),
            Map.entry("date", Set.of()),
            Map.entry("cluster", Set.of()),
            Map.entry("eval-dedup", Set.of()),
            Map.entry("help", Set.of()));

    private GlobalOptions() {}

    /** Takes from each subcommand the inherited options it does not read. */
    static void narrow(CommandLine root) {
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            Set<String> reads = reads(sub.getKey());
            CommandSpec spec = sub.getValue().getCommandSpec();
            for (OptionSpec option : List.copyOf(spec.options())) {
                if (option.inherited() && ALL.contains(option.longestName()) && !reads.contains(option.longestName())) {
                    spec.remove(option);
                }
            }
        }
        // demo keeps its database in a directory of its own under --data, which it empties at each start
        CommandSpec demo = root.getSubcommands().get("demo").getCommandSpec();
        OptionSpec data = demo.findOption(DATA);
        demo.remove(data);
        demo.addOption(OptionSpec.builder(data).description("the demo's embedded database goes in DIR/demo, emptied at each start"
                + " (default: ${DEFAULT-VALUE}, so data/demo)").build());
    }

    /**
     * Refuses an option given before the command ({@code nashra --feeds f.yml parse ...}) that the command
     * does not read: as a usage error, as picocli refuses it after the command.
     */
    static void refuseUnread(ParseResult parsed) {
        ParseResult command = parsed.subcommand();
        if (command == null) return;
        while (command.subcommand() != null) command = command.subcommand();
        String name = command.commandSpec().name();
        if (name.equals("help")) return;
        Set<String> reads = reads(name);
        for (OptionSpec given : parsed.matchedOptions()) {
            if (ALL.contains(given.longestName()) && !reads.contains(given.longestName())) {
                throw new ParameterException(command.commandSpec().commandLine(), "nashra " + name + " does not read "
                        + given.longestName() + (reads.isEmpty() ? "" : " (it reads " + String.join(", ", reads.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static Set<String> reads(String command) {
        Set<String> reads = READ_BY.get(command);
        if (reads == null) {
            throw new IllegalStateException("command '" + command + "' is not in GlobalOptions.READ_BY: say which of "
                    + ALL + " it reads");
        }
        return reads;
    }
}
