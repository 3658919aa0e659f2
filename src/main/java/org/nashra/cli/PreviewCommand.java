package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.nashra.config.ConfigException;
import org.nashra.config.FetchSettings;
import org.nashra.config.FileProblems;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.extract.Preview;
import org.nashra.extract.PreviewResult;
import org.nashra.fetch.CharsetResolver;
import org.nashra.fetch.FetchRequest;
import org.nashra.fetch.FetchResult;
import org.nashra.fetch.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show what extraction yields for one page: items (main and other news), dates, removed boilerplate, warnings.")
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "URL|FILE", description = "an http(s) URL to fetch, or a saved HTML file")
    String target;

    @Option(names = "--url", paramLabel = "BASE", description = "the page's address, for a FILE (resolves relative links)")
    URI base;

    @Option(names = "--source", paramLabel = "ID", description = "apply this source's rules from feeds.yml")
    String sourceId;

    @Option(names = "--json", description = "print JSON instead of a summary")
    boolean json;

    @Override
    public Integer call() throws Exception {
        boolean remote = target.startsWith("http://") || target.startsWith("https://");
        if (base != null && (remote || !isHttp(base))) {
            throw new ParameterException(spec.commandLine(), remote
                    ? "--url is for a FILE; a page fetched from " + target + " has its own address"
                    : "--url " + base + " must be an absolute http(s) URL, the address the page was read from");
        }
        URI pageUrl = remote ? URI.create(target) : base != null ? base : Path.of(target).toAbsolutePath().toUri();
        SourceConfig source = source(pageUrl);
        String html;
        if (remote) {
            FetchSettings fetch = main.settings().fetch();
            try (HttpFetcher fetcher = new HttpFetcher(fetch, Clock.systemUTC())) {
                FetchResult r = fetcher.fetch(new FetchRequest(source.id(), pageUrl, null, source.encoding(), false));
                if (r instanceof FetchResult.Failed f) {
                    System.err.println("nashra preview: " + f.message());
                    return 3;
                }
                if (!(r instanceof FetchResult.Fetched page)) throw new IllegalStateException("unexpected " + r);
                html = page.text();
                pageUrl = page.finalUrl();
            }
        } else {
            html = new CharsetResolver().decode(readFile(Path.of(target)), source.encoding());
        }
        PreviewResult result = Preview.of(source, html, pageUrl);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            System.out.println(result.toText());
        }
        return 0;
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + FileProblems.reason(file, e), e);
        }
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    private SourceConfig source(URI pageUrl) throws ConfigException {
        if (sourceId == null) return SourceConfig.of("preview", pageUrl, SourceType.HTML);
        return main.feedsFile().source(sourceId).orElseThrow(() ->
                new IllegalArgumentException("no source '" + sourceId + "' in " + main.feeds));
    }
}
