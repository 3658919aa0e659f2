package org.nashra.fetch;

/** What a source remembers between fetches to avoid re-downloading or re-processing a body. */
public record Validators(String etag, String lastModified, String bodyHash) {
    public static final Validators NONE = new Validators(null, null, null);
}
