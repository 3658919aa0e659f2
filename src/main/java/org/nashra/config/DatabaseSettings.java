package org.nashra.config;

/** JDBC settings; the default is an embedded H2 file under the data directory. */
public record DatabaseSettings(String url, String user, String password, int poolSize, boolean clustered) {
    @Override public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "****")
                + ", poolSize=" + poolSize + ", clustered=" + clustered + "]";
    }
}
