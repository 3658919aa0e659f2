package org.nashra.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nashra.config.ConfigException;
import org.nashra.config.ConfigLoader;
import org.nashra.config.DatabaseSettings;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.config.Settings;
import org.nashra.demo.DemoOutlets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve the bundled sample outlets on loopback and run the real service on them (no network needed).")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the service (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws Exception {
        Path dir = main.data.resolve("demo");
        Running demo = start(port, main.settings(dir), dir);
        System.out.println("nashra demo: sample outlets at " + demo.outlets.baseUrl());
        System.out.println("nashra demo: latest stories at " + demo.service.app.settings.http().baseUrl() + "/ (open in a browser)");
        System.out.println("nashra demo: unified feed at " + demo.service.app.settings.http().baseUrl() + "/feeds/all.atom");
        System.out.println("nashra demo: also /feeds/all.rss, /feeds/all.json, /api/sources; Ctrl-C to stop");
        demo.service.awaitShutdown();
        demo.close();
        return 0;
    }

    /** The demo's parts, for the command and for tests. */
    record Running(DemoLock lock, DemoOutlets outlets, Service service) implements AutoCloseable {
        URI feedUrl(String feed, String ext) {
            return URI.create(service.app.settings.http().baseUrl() + "/feeds/" + feed + "." + ext);
        }

        @Override public void close() {
            try {
                service.close();
                outlets.close();
            } finally {
                try {
                    lock.close();
                } catch (IOException e) {
                    // the process is ending or the claim is released with it: nothing to keep
                }
            }
        }
    }

    /**
     * Starts the outlets and the service on a fresh embedded database under {@code dir}, with
     * {@code settings} but for the address, the database and the private hosts it allows.
     */
    static Running start(int port, Settings settings, Path dir) throws IOException, ConfigException {
        DemoLock lock = DemoLock.claim(dir);
        DemoOutlets outlets = null;
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            outlets = DemoOutlets.start();
            Path feedsPath = dir.resolve("feeds.yml");
            Files.writeString(feedsPath, outlets.feedsYaml(), StandardCharsets.UTF_8);
            FeedsFile feeds = ConfigLoader.loadFeeds(feedsPath);
            int actualPort = port == 0 ? freePort() : port;
            URI base = URI.create("http://127.0.0.1:" + actualPort);
            Settings s = settings.withHttp(new HttpSettings("127.0.0.1", actualPort, base, null, "nashra.demo,2026"))
                    .withFetch(settings.fetch().withAllowPrivateHosts(List.of("127.0.0.1", "localhost")))
                    .withDatabase(new DatabaseSettings(DatabaseSettings.embeddedUrl(dir), "sa", "", 4, false));
            return new Running(lock, outlets, new Service(new App(s, feeds)));
        } catch (IOException | ConfigException | RuntimeException e) {
            if (outlets != null) outlets.close();
            lock.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
