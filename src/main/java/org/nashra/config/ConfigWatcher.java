package org.nashra.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * feeds.yml and the settings file, polled for edits while {@code serve} runs. A file counts as edited
 * once its content differs from what the running configuration was read from and has read the same,
 * content and modification time, at two polls in a row: a file that an editor or a deploy script is
 * still writing is not read half-way. The edit is then validated as at start, from the very bytes seen
 * twice, and handed on whole: both files valid, or every error of both.
 *
 * <p>Polling rather than {@link java.nio.file.WatchService}: the watch service misses edits where an
 * operator's files often are. Editors that save by writing a new file and renaming it over the old one
 * (vim, many IDEs, {@code nashra import-opml}), a Kubernetes ConfigMap whose symlinked directory is
 * swapped, bind mounts, NFS and other network filesystems either send no event for the watched path
 * or send one for a directory entry that a key on the file no longer follows; and on some platforms the
 * JDK polls behind the API anyway. Reading two small files every two seconds costs nothing, and
 * comparing content sees every kind of replacement. A touch that leaves the content as it was is no edit.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
    /** How often {@code serve} polls: an edit is applied two to three polls after it is saved. */
    public static final Duration EVERY = Duration.ofSeconds(2);

    private final Watched feeds;
    private final Watched settings;
    /** The default settings file may be absent (built-in defaults); one the operator named must exist. */
    private final boolean settingsMayBeAbsent;
    private final Path dataDir;
    private final Duration every;
    private ScheduledExecutorService poller;

    /**
     * @param settingsMayBeAbsent true for the default config/nashra.yml, which may be missing (then the
     *                            built-in defaults apply), false for a file named with --config
     * @param dataDir             the --data directory, where the embedded database is by default
     */
    public ConfigWatcher(Path feeds, Path settings, boolean settingsMayBeAbsent, Path dataDir, Duration every) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("poll interval must be positive, got " + every);
        this.feeds = new Watched(feeds);
        this.settings = new Watched(settings);
        this.settingsMayBeAbsent = settingsMayBeAbsent;
        this.dataDir = dataDir;
        this.every = every;
    }

    public Path feedsPath() {
        return feeds.path;
    }

    public Path settingsPath() {
        return settings.path;
    }

    /**
     * The configuration as the files hold it now, read once: what {@code serve} starts with. Later
     * edits are told apart from this content.
     *
     * @throws ConfigException with every error of both files
     */
    public synchronized ConfigEdit.Valid load() throws ConfigException {
        feeds.current = Reading.of(feeds.path);
        settings.current = Reading.of(settings.path);
        feeds.candidate = null;
        settings.candidate = null;
        ConfigEdit edit = validate(feeds.current, settings.current);
        if (edit instanceof ConfigEdit.Invalid invalid) throw new ConfigException(invalid.errors());
        return (ConfigEdit.Valid) edit;
    }

    /**
     * Polls every {@code every} on a daemon thread, telling {@code onEdit} of each edit, valid or not, once.
     * An edit whose handler throws is handed again at the next poll, so one that failed half-applied
     * (the database away for a moment) is retried rather than forgotten.
     */
    public synchronized void start(Consumer<ConfigEdit> onEdit) {
        if (feeds.current == null) throw new IllegalStateException("load() the configuration before watching it for edits");
        if (poller != null) throw new IllegalStateException("already watching " + feeds.path);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nashra-config-watch");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            // an exception would end the fixed-delay schedule, and with it every later edit
            try {
                poll().ifPresent(edit -> {
                    onEdit.accept(edit);
                    handled();
                });
            } catch (RuntimeException e) {
                log.error("applying an edit of {} or {} failed; retrying at the next poll", feeds.path, settings.path, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One poll: an edit when a file's content changed and has read the same at this poll and the last,
     * and neither file is still changing. Until {@link #handled} is called, the same edit comes again.
     */
    synchronized Optional<ConfigEdit> poll() {
        if (feeds.current == null) throw new IllegalStateException("load() the configuration before polling it");
        boolean settled = true;
        boolean edited = false;
        for (Watched w : List.of(feeds, settings)) {
            Reading now = Reading.of(w.path);
            if (now.sameContent(w.current)) {
                w.candidate = null; // unchanged, or changed and changed back
            } else if (now.sameAs(w.candidate)) {
                edited = true;
            } else {
                w.candidate = now; // changed since the last poll: wait for it to settle
                settled = false;
            }
        }
        if (!edited || !settled) return Optional.empty();
        return Optional.of(validate(feeds.latest(), settings.latest()));
    }

    /** The edit {@link #poll} returned was dealt with: its content is now the files' current one. */
    synchronized void handled() {
        for (Watched w : List.of(feeds, settings)) {
            if (w.candidate != null) w.current = w.candidate;
            w.candidate = null;
        }
    }

    private ConfigEdit validate(Reading feedsFile, Reading settingsFile) {
        List<ConfigError> errors = new ArrayList<>();
        FeedsFile f = null;
        Settings s = null;
        try {
            if (feedsFile.problem != null) throw new ConfigException(List.of(ConfigLoader.unreadable(feeds.path, feedsFile.problem)));
            f = ConfigLoader.loadFeeds(feeds.path, feedsFile.bytes);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        try {
            if (settingsFile.problem instanceof NoSuchFileException && settingsMayBeAbsent) {
                s = ConfigLoader.defaultSettings(dataDir);
            } else if (settingsFile.problem != null) {
                throw new ConfigException(List.of(ConfigLoader.unreadable(settings.path, settingsFile.problem)));
            } else {
                s = ConfigLoader.loadSettings(settings.path, settingsFile.bytes, dataDir);
            }
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        return errors.isEmpty() ? new ConfigEdit.Valid(f, s) : new ConfigEdit.Invalid(errors);
    }

    @Override
    public synchronized void close() {
        if (poller != null) poller.shutdownNow();
    }

    /** One watched file: what the running configuration was read from, and a change waiting to settle. */
    private static final class Watched {
        final Path path;
        Reading current;
        Reading candidate;

        Watched(Path path) {
            this.path = path;
        }

        Reading latest() {
            return candidate != null ? candidate : current;
        }
    }

    /**
     * One read of a file: its bytes and modification time, or why there are none. Not a record: it
     * holds an array, and what matters is the fingerprint of its content.
     */
    private static final class Reading {
        /** SHA-256 of the content, or what kept it from being read: equal for equal content. */
        final String fingerprint;
        final FileTime modified;
        final byte[] bytes;
        final IOException problem;

        private Reading(String fingerprint, FileTime modified, byte[] bytes, IOException problem) {
            this.fingerprint = fingerprint;
            this.modified = modified;
            this.bytes = bytes;
            this.problem = problem;
        }

        static Reading of(Path path) {
            try {
                // the time first: a write between the two reads makes the next poll see a newer time
                FileTime modified = Files.getLastModifiedTime(path);
                byte[] bytes = Files.readAllBytes(path);
                return new Reading(sha256(bytes), modified, bytes, null);
            } catch (NoSuchFileException e) {
                return new Reading("absent", null, null, e);
            } catch (IOException e) {
                return new Reading("unreadable: " + FileProblems.reason(path, e), null, null, e);
            }
        }

        boolean sameContent(Reading other) {
            return other != null && fingerprint.equals(other.fingerprint);
        }

        /** The same content and modification time: the file has not been written to in between. */
        boolean sameAs(Reading other) {
            return sameContent(other) && java.util.Objects.equals(modified, other.modified);
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
