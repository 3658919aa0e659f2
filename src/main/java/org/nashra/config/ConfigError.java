package org.nashra.config;

import java.nio.file.Path;

/** One problem in a configuration file, located for the operator. Line is 1-based; 0 = unknown. */
public record ConfigError(Path file, int line, String message) {
    @Override public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
