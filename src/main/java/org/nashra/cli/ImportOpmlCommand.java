package org.nashra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigException;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.OpmlImport;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import-opml", mixinStandardHelpOptions = true,
        description = "Add the feeds of an OPML subscription list to feeds.yml: feeds already there are counted,"
                + " and every outline passed over (no xmlUrl, not http or https) is named with its line and why.")
final class ImportOpmlCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "FILE", description = "OPML file, as feed readers export it")
    Path file;

    @Option(names = "--dry-run", description = "print the YAML that would be added, once checked as the service would load the result; change nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        FeedsFile feeds = main.feedsFile();
        OpmlImport.Reading reading = OpmlImport.read(file, feeds);
        reading.skipped().forEach(s -> System.err.println(file + ":" + s.line() + ": skipped " + s));
        List<OpmlImport.NewSource> added = reading.toAdd();
        if (added.isEmpty()) {
            System.out.println("nothing to add to " + main.feeds + ": " + Plural.of(reading.present(), "feed") + " of " + file
                    + " already there, " + skipped(reading));
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
            System.err.println("would add " + tally(reading));
            return 0;
        }
        // a whole new file moved over the old one: the service, which watches it, never reads half an import.
        // Moved over the file a symlinked feeds.yml names (a config checkout, a ConfigMap), not over the link,
        // which would become a file of its own and leave the named one without the import
        Path target = main.feeds.toRealPath();
        // a name of its own, so two imports at once cannot write into one temporary file
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".import");
        try {
            Files.write(tmp, bytes);
            keepPermissions(target, tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("added " + tally(reading));
        return 0;
    }

    /**
     * The imported file keeps the permissions the operator gave feeds.yml (a temporary file is
     * created readable by its owner alone, and a service running as another user would lose it).
     */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (!Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }

    /** "2 sources to feeds.yml: a, b; 3 already there, 1 outline skipped (above)". */
    private String tally(OpmlImport.Reading reading) {
        return Plural.of(reading.toAdd().size(), "source") + " to " + main.feeds + ": "
                + String.join(", ", reading.toAdd().stream().map(OpmlImport.NewSource::id).toList()) + "; "
                + reading.present() + " already there, " + skipped(reading);
    }

    private static String skipped(OpmlImport.Reading reading) {
        int n = reading.skipped().size();
        return Plural.of(n, "outline") + " skipped" + (n > 0 ? " (above)" : "");
    }
}
