package org.nashra.store;

/** The database failed in a way callers cannot handle locally. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
