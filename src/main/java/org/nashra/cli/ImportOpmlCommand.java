package org.nashra.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.OpmlImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = "Add the feeds of an OPML subscription list to feeds.yml (feeds already there are skipped).")
final class ImportOpmlCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "FILE", description = "OPML file, as feed readers export it")
    Path file;

    @Option(names = "--dry-run", description = "print the YAML that would be added; change nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        FeedsFile feeds = main.feedsFile();
        List<OpmlImport.NewSource> added = OpmlImport.read(file, feeds);
        if (added.isEmpty()) {
            System.out.println("nothing to add: every feed of " + file + " is already in " + main.feeds);
            return 0;
        }
        if (dryRun) {
            System.out.print(OpmlImport.yaml(added, "  "));
            return 0;
        }
        String updated = OpmlImport.appendSources(Files.readString(main.feeds, StandardCharsets.UTF_8), added);
        // validate before replacing: a feeds.yml that fails to load would stop the service
        Path tmp = main.feeds.resolveSibling(main.feeds.getFileName() + ".import.tmp");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        try {
            ConfigLoader.loadFeeds(tmp);
            Files.move(tmp, main.feeds, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("added " + added.size() + " sources to " + main.feeds + ": "
                + String.join(", ", added.stream().map(OpmlImport.NewSource::id).toList()));
        return 0;
    }
}
