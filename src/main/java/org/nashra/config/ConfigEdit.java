package org.nashra.config;

import java.util.List;

/** What an edit of the configuration files makes of them, as {@link ConfigWatcher} hands it on. */
public sealed interface ConfigEdit {

    /** Both files valid: what the running service should become. */
    record Valid(FeedsFile feeds, Settings settings) implements ConfigEdit {}

    /** A file is invalid or unreadable: every error found, each with its file and line. */
    record Invalid(List<ConfigError> errors) implements ConfigEdit {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) throw new IllegalArgumentException("an invalid edit needs at least one error");
        }
    }
}
