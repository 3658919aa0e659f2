package org.nashra.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why an input file could not be read, in words for the operator. The JDK's messages do not
 * say it: a {@link NoSuchFileException}'s message is the path alone ("cannot read x: x"), a
 * directory fails with a bare "Is a directory", bytes that are not UTF-8 with "Input length = 1".
 * Kept in config because every stage that reads a file the operator names (configuration, OPML,
 * batch items, labels) already depends on this package.
 */
public final class FileProblems {
    private FileProblems() {}

    /** Where a file stops being UTF-8: the 1-based line and the 0-based byte offset. */
    public record NotUtf8(int line, int offset) {
        @Override public String toString() {
            return "line " + line + ", byte offset " + offset;
        }
    }

    /**
     * The reason {@code file} could not be read, e.g. "no such file". Text files are read as
     * UTF-8; when that failed, the file is read again to say where.
     */
    public static String reason(Path file, IOException e) {
        if (Files.isDirectory(file)) return "is a directory, not a file";
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof CharacterCodingException) return notUtf8(file);
        if (e instanceof FileSystemException fs && fs.getReason() != null) return lowerFirst(fs.getReason());
        return e.getMessage() == null ? e.getClass().getSimpleName() : lowerFirst(e.getMessage());
    }

    /** The reason {@code file} could not be written, e.g. "no such directory /x". */
    public static String writeReason(Path file, IOException e) {
        Path parent = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) return "no such directory " + parent;
        return reason(file, e);
    }

    /** Where {@code bytes} stop being UTF-8, or null when they are UTF-8 throughout. */
    public static NotUtf8 findNotUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input by default
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return new NotUtf8(lineAt(bytes, in.position()), in.position());
            if (r.isUnderflow()) return null;
            out.clear(); // overflow: only the position in the input matters
        }
    }

    private static String notUtf8(Path file) {
        try {
            NotUtf8 at = findNotUtf8(Files.readAllBytes(file));
            return at == null ? "not valid UTF-8 text" : "not valid UTF-8 text at " + at;
        } catch (IOException e) {
            return "not valid UTF-8 text";
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
