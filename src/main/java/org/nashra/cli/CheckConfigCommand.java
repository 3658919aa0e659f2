package org.nashra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigError;
import org.nashra.config.ConfigException;
import org.nashra.config.FeedsFile;
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
        try {
            main.settings();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            System.err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
            return 1;
        }
        System.out.println(main.feeds + ": ok, " + feeds.sources().size() + " sources, " + feeds.feeds().size() + " feeds");
        Path config = main.configPath();
        // only the default file can be absent here (a named one that is missing is an error above)
        System.out.println(config + (Files.exists(config) ? ": ok" : ": absent, built-in defaults apply"));
        return 0;
    }
}
