package org.nashra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a source paused after a 410 Gone, once its outlet is back or its url is fixed.")
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "SOURCE", description = "source id from feeds.yml")
    String id;

    @Override
    public Integer call() throws Exception {
        try (App app = main.open()) {
            var state = app.sources.find(id).orElseThrow(() -> new IllegalArgumentException("no source '" + id + "' in " + main.feeds));
            if (!state.paused()) {
                System.out.println(id + " is not paused");
                return 0;
            }
            app.sources.resume(id);
            System.out.println(id + " resumed" + (state.pausedReason() == null ? "" : " (was paused: " + state.pausedReason() + ")")
                    + "; the next pass of nashra serve or nashra fetch fetches it");
            return 0;
        }
    }
}
