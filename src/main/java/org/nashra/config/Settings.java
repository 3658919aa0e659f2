package org.nashra.config;

import java.nio.file.Path;
import java.time.Duration;

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
}
