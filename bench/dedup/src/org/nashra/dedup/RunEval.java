package org.nashra.dedup;

/** Runs the eval-dedup command without the lead's Main wiring. */
public final class RunEval {
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new org.nashra.cli.DedupEvalCommand()).execute(args));
    }
}
