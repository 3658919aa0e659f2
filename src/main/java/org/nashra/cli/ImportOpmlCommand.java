package org.nashra.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigException;
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
        OpmlImport.Appended result = OpmlImport.appendSources(Files.readString(main.feeds, StandardCharsets.UTF_8), added);
        byte[] bytes = result.yaml().getBytes(StandardCharsets.UTF_8);
        // validated as the service would load it, --dry-run too: a feeds.yml that fails to load would stop the service
        try {
            ConfigLoader.loadFeeds(main.feeds, bytes);
        } catch (ConfigException e) {
            e.errors().forEach(System.err::println);
            System.err.println(main.feeds + " is unchanged; the lines above are those of the file as the import would write it,"
                    + " with " + Plural.of(added.size(), "new source", "new sources") + " at lines " + result.firstLine() + "-"
                    + result.lastLine());
            return 2;
        }
        if (dryRun) {
            System.out.print(result.added());
            return 0;
        }
        // a whole new file moved over the old one: the service, which watches it, never reads half an import
        Path tmp = main.feeds.resolveSibling(main.feeds.getFileName() + ".import.tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, main.feeds, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("added " + Plural.of(added.size(), "source") + " to " + main.feeds + ": "
                + String.join(", ", added.stream().map(OpmlImport.NewSource::id).toList()));
        return 0;
    }
}
