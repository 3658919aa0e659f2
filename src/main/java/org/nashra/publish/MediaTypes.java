package org.nashra.publish;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Image media type from the URL's file extension (feeds need one for enclosures). */
final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "jpe", "image/jpeg",
            "png", "image/png", "gif", "image/gif", "webp", "image/webp",
            "avif", "image/avif", "svg", "image/svg+xml", "bmp", "image/bmp");

    /** News images are overwhelmingly JPEG; unknown extensions get image/jpeg rather than no enclosure. */
    static final String DEFAULT_IMAGE = "image/jpeg";

    private MediaTypes() {}

    static String imageTypeOf(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return DEFAULT_IMAGE;
        }
        if (path == null) return DEFAULT_IMAGE;
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) return DEFAULT_IMAGE;
        return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_IMAGE);
    }
}
