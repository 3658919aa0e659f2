package org.nashra.publish;

/** The published formats, with their file extension and media type. */
public enum FeedFormat {
    ATOM("atom", "application/atom+xml; charset=utf-8"),
    RSS("rss", "application/rss+xml; charset=utf-8"),
    JSON("json", "application/feed+json; charset=utf-8");

    private final String extension;
    private final String contentType;

    FeedFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static FeedFormat fromExtension(String ext) {
        for (FeedFormat f : values()) {
            if (f.extension.equalsIgnoreCase(ext)) return f;
        }
        throw new IllegalArgumentException("unknown feed format '" + ext + "', expected atom, rss or json");
    }
}
