package org.nashra.cli;

import java.time.Duration;
import org.nashra.config.DedupSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --window} and {@code --threshold}: the dedup settings of a run outside the service
 * ({@code cluster}, {@code eval-dedup}, {@code explain} of JSON items), held to the bounds feeds.yml's
 * {@code dedup:} section is held to, so a batch run never decides with settings the service refuses.
 */
final class DedupOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "PT72H",
            description = "how far apart in time two copies may be, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration window;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "how alike two copies must be, " + DedupSettings.MIN_THRESHOLD + " to 1 (default: ${DEFAULT-VALUE})")
    double threshold;

    /** The settings given, or a usage error saying which option is out of bounds. */
    DedupSettings settings() {
        if (window.isNegative() || window.isZero()) {
            throw new ParameterException(command.commandLine(), "--window " + window + " must be a positive duration (e.g. PT72H)");
        }
        if (!(threshold >= DedupSettings.MIN_THRESHOLD && threshold <= 1)) {
            throw new ParameterException(command.commandLine(),
                    "--threshold " + threshold + " must be between " + DedupSettings.MIN_THRESHOLD + " and 1");
        }
        return new DedupSettings(window, threshold);
    }

    /** Whether either option was on the command line. */
    boolean given() {
        var parsed = command.commandLine().getParseResult();
        return parsed.hasMatchedOption("--window") || parsed.hasMatchedOption("--threshold");
    }
}
