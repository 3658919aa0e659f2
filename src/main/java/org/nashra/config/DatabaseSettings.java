package org.nashra.config;

import java.nio.file.Path;

/** JDBC settings; the default is an embedded H2 file under the data directory. */
public record DatabaseSettings(String url, String user, String password, int poolSize, boolean clustered) {
    /** The URL of the default database: an embedded H2 file under {@code dataDir}. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("nashra") + ";AUTO_SERVER=FALSE";
    }

    @Override public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "****")
                + ", poolSize=" + poolSize + ", clustered=" + clustered + "]";
    }
}
