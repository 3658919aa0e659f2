package org.nashra.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigException;
import org.nashra.config.ConfigLoader;
import org.nashra.config.ConfigWatcher;
import org.nashra.config.DatabaseSettings;
import org.nashra.config.FeedsFile;
import org.nashra.config.Settings;
import org.nashra.store.Database;
import org.nashra.store.MissingDatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code nashra} command. */
@Command(name = "nashra", mixinStandardHelpOptions = true, version = "nashra 0.1.0",
        description = "Arabic news aggregator: collects feeds and news sites, merges stories, publishes unified feeds.",
        subcommands = {ServeCommand.class, DemoCommand.class, FetchCommand.class, ExportCommand.class,
                CheckConfigCommand.class, SourcesCommand.class, ParseCommand.class, NormalizeCommand.class, DateCommand.class,
                ClusterCommand.class, ExplainCommand.class, DedupEvalCommand.class, PreviewCommand.class, ImportOpmlCommand.class, ResumeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    // defaults given as defaultValue, not as the fields' first values: help shows those fields' current
    // values, so "explain --data data/demo --help" said "(default: data/demo)"
    @Option(names = GlobalOptions.FEEDS, scope = ScopeType.INHERIT, paramLabel = "PATH", defaultValue = "feeds.yml",
            description = "sources and published feeds (default: ${DEFAULT-VALUE})")
    Path feeds;

    // null when not given: a file the operator named must exist, only the default may be absent
    @Option(names = GlobalOptions.CONFIG, scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "settings (default: config/nashra.yml, or built-in defaults when that file is absent)")
    Path config;

    @Option(names = GlobalOptions.DATA, scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "data",
            description = "data directory for the embedded database (default: ${DEFAULT-VALUE})")
    Path data;

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        GlobalOptions.narrow(cl);
        cl.setExecutionStrategy(parsed -> {
            GlobalOptions.refuseUnread(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException ce) {
                ce.errors().forEach(err -> cmd.getErr().println(err));
                return 2;
            }
            cmd.getErr().println("nashra: " + e.getMessage());
            return 1;
        });
        return cl;
    }

    /** {@code nashra} alone: a usage error, the usage on stderr and exit 2, as for an unknown command. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "nashra needs a command: one of those below, e.g. nashra serve");
    }

    /** The settings file in use: the one given with --config, else the default. */
    Path configPath() {
        return config != null ? config : ConfigLoader.DEFAULT_SETTINGS;
    }

    Settings settings() throws ConfigException {
        return settings(data);
    }

    /** Settings with the embedded database under {@code dataDir}. */
    Settings settings(Path dataDir) throws ConfigException {
        return config != null ? ConfigLoader.loadSettings(config, dataDir)
                : ConfigLoader.loadSettingsOrDefaults(ConfigLoader.DEFAULT_SETTINGS, dataDir);
    }

    /** The configuration files, to be loaded and then watched for edits by serve. */
    ConfigWatcher configWatcher() {
        return new ConfigWatcher(feeds, configPath(), config == null, data, ConfigWatcher.EVERY);
    }

    FeedsFile feedsFile() throws ConfigException {
        return ConfigLoader.loadFeeds(feeds);
    }

    /** The App for commands that write the store; an embedded database is created if missing. */
    App open() throws ConfigException {
        FeedsFile f = feedsFile();
        return new App(settings(), f);
    }

    /**
     * The App for commands that only read the store. The database must be there: a mistyped
     * --data used to leave a new empty database behind and then report "no stored item".
     */
    App openExisting() throws ConfigException {
        FeedsFile f = feedsFile();
        Settings s = settings();
        try {
            return new App(s, f, Database.openExisting(s.database()));
        } catch (MissingDatabaseException e) {
            String where = s.database().url().equals(DatabaseSettings.embeddedUrl(data))
                    ? "in " + data.toAbsolutePath() + " (the --data directory)"
                    : "at " + e.url() + " (database.url in " + configPath() + ")";
            throw new IllegalArgumentException("no database " + where
                    + "; this command only reads the store that serve and fetch fill, so it creates none", e);
        }
    }
}
