package org.nashra.store;

/**
 * There is no database where one was to be read ({@link Database#openExisting}); nothing was
 * created. Callers name the option that chose the place.
 */
public final class MissingDatabaseException extends RuntimeException {
    private final String url;

    public MissingDatabaseException(String url, Throwable cause) {
        super("no database at " + url, cause);
        this.url = url;
    }

    /** The JDBC URL that found no database. */
    public String url() {
        return url;
    }
}
