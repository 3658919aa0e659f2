package org.nashra.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The bundled sample outlets, served from the classpath on loopback so that the demo needs no
 * network. {@code ${BASE}} in a file becomes this server's URL; a file named {@code *.cp1256.*}
 * is sent as windows-1256 bytes, as legacy Arabic sites do.
 */
public final class DemoOutlets implements AutoCloseable {
    private static final String ROOT = "demo/site/";
    private final HttpServer server;

    private DemoOutlets(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static DemoOutlets start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            DemoOutlets outlets = new DemoOutlets(server);
            server.createContext("/", outlets::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "demo-outlets");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return outlets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo outlets on loopback", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The demo's feeds.yml with its placeholders filled in. */
    public String feedsYaml() {
        byte[] raw = resource("demo/feeds.yml");
        if (raw == null) throw new IllegalStateException("demo/feeds.yml missing from the classpath");
        return new String(raw, StandardCharsets.UTF_8).replace("${BASE}", baseUrl());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.contains("..")) {
                send(ex, 400, "text/plain; charset=utf-8", "bad path".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = path.substring(1);
            if (name.isEmpty() || name.endsWith("/")) name += "index.html";
            byte[] raw = resource(ROOT + name);
            if (raw == null) {
                send(ex, 404, "text/plain; charset=utf-8", ("no such page: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = contentType(name);
            if (!(type.startsWith("text/") || type.endsWith("xml") || type.endsWith("json"))) {
                send(ex, 200, type, raw);
                return;
            }
            String text = new String(raw, StandardCharsets.UTF_8).replace("${BASE}", baseUrl());
            Charset charset = name.contains(".cp1256.") ? Charset.forName("windows-1256") : StandardCharsets.UTF_8;
            send(ex, 200, type + "; charset=" + charset.name().toLowerCase(Locale.ROOT), text.getBytes(charset));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".rss")) return "application/rss+xml";
        if (n.endsWith(".atom")) return "application/atom+xml";
        if (n.endsWith(".json")) return "application/feed+json";
        if (n.endsWith(".xml")) return "application/xml";
        if (n.endsWith(".html") || n.endsWith(".htm")) return "text/html";
        if (n.endsWith(".txt")) return "text/plain";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoOutlets.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
