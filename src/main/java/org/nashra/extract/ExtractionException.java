package org.nashra.extract;

/** The body is not something this stage can read (not a feed, malformed XML, a DOCTYPE...). */
public final class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
