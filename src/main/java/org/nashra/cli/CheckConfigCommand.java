package org.nashra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigError;
import org.nashra.config.ConfigException;
import org.nashra.config.FeedsFile;
import org.nashra.config.FetchSettings;
import org.nashra.config.Settings;
import org.nashra.config.SourceConfig;
import org.nashra.fetch.HttpFetcher;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate feeds.yml and config/nashra.yml; print every error with file:line.")
final class CheckConfigCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() {
        List<ConfigError> errors = new ArrayList<>();
        FeedsFile feeds = null;
        try {
            feeds = main.feedsFile();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        Settings settings = null;
        try {
            settings = main.settings();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            System.err.println(Plural.of(errors.size(), "error"));
            return 1;
        }
        List<String> warnings = refusedSources(feeds, settings.fetch());
        warnings.forEach(w -> System.err.println(main.feeds + ": warning: " + w));
        System.out.println(main.feeds + ": ok, " + Plural.of(feeds.sources().size(), "source") + ", "
                + Plural.of(feeds.feeds().size(), "feed") + (warnings.isEmpty() ? "" : ", " + Plural.of(warnings.size(), "warning")));
        Path config = main.configPath();
        // only the default file can be absent here (a named one that is missing is an error above)
        System.out.println(config + (Files.exists(config) ? ": ok" : ": absent, built-in defaults apply"));
        return 0;
    }

    /**
     * Sources every fetch will refuse as private or loopback hosts: valid configuration (the
     * operator may be about to allow them), but a source that will never be read, so a warning
     * that names the key to set.
     */
    private List<String> refusedSources(FeedsFile feeds, FetchSettings fetch) {
        List<String> out = new ArrayList<>();
        for (SourceConfig s : feeds.sources()) {
            HttpFetcher.refusedHost(s.url(), fetch).ifPresent(why -> out.add("source '" + s.id() + "' (" + s.url()
                    + "): " + why + ", so every fetch will be refused unless " + FetchSettings.ALLOW_PRIVATE_HOSTS_KEY
                    + " in " + main.configPath() + " lists " + s.url().getHost()));
        }
        return out;
    }
}
