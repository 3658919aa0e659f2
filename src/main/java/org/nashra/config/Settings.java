package org.nashra.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Everything from config/nashra.yml, validated once. */
public record Settings(HttpSettings http, DatabaseSettings database, FetchSettings fetch,
                       Duration retention, int workerThreads, Path dataDir) {

    public Settings withHttp(HttpSettings h) {
        return new Settings(h, database, fetch, retention, workerThreads, dataDir);
    }

    public Settings withFetch(FetchSettings f) {
        return new Settings(http, database, f, retention, workerThreads, dataDir);
    }

    public Settings withDatabase(DatabaseSettings d) {
        return new Settings(http, d, fetch, retention, workerThreads, dataDir);
    }

    /**
     * The top-level keys of config/nashra.yml whose values differ between these settings and
     * {@code other}, e.g. ["database", "http"]; empty when they are the same. Names only: a value may
     * be a password. The data directory comes from the command line, not the file, and is left out.
     */
    public List<String> differences(Settings other) {
        List<String> keys = new ArrayList<>();
        if (!Objects.equals(http, other.http)) keys.add("http");
        if (!Objects.equals(database, other.database)) keys.add("database");
        if (!Objects.equals(fetch, other.fetch)) keys.add("fetch");
        if (!Objects.equals(retention, other.retention)) keys.add("retention");
        if (workerThreads != other.workerThreads) keys.add("worker_threads");
        return keys;
    }
}
