package org.nashra.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Registers the server's paths, all read-only: GET and HEAD run the path's handler, OPTIONS
 * answers 204 and any other method 405 Method Not Allowed, both with Allow (RFC 9110 9.3.7,
 * 15.5.6). Javalin alone answers a method it has no handler for with 404, which tells a client
 * that POSTs to a feed that the feed does not exist.
 *
 * <p>A {@linkplain #crossOrigin cross-origin} path may also be read by pages of any origin
 * (browser feed readers, aggregator sites): every answer on it, errors included, says
 * {@code Access-Control-Allow-Origin: *}, and its OPTIONS answer is a CORS preflight answer
 * (Fetch standard, "CORS protocol"). The origin is never echoed, so answers do not vary by
 * {@code Origin}. Nothing here uses cookies or credentials, so {@code *} gives nothing away.
 */
final class ReadOnlyRoutes {
    static final String ALLOW = "GET, HEAD, OPTIONS";
    /** Request headers beyond the CORS-safelisted ones that a page may send: conditional requests. */
    static final String ALLOW_HEADERS = "If-None-Match, If-Modified-Since";
    /**
     * Response headers a page may read beyond the CORS-safelisted ones: the validators a page
     * needs for its next conditional request (Last-Modified is safelisted; named so the list reads
     * whole), and Link, which no answer carries yet: paging and hub links are in the feeds' bodies.
     */
    static final String EXPOSE_HEADERS = "ETag, Last-Modified, Link";
    /** Seconds a browser may keep a preflight answer: the methods never change (browsers cap it lower). */
    static final String PREFLIGHT_MAX_AGE = "86400";

    private final Javalin app;

    ReadOnlyRoutes(Javalin app) {
        this.app = app;
    }

    /** A path that pages of any origin may read: published feeds and their data. */
    ReadOnlyRoutes crossOrigin(String path, Handler handler) {
        return add(path, handler, true);
    }

    /** A path for the operator's own tools only, without CORS headers: browsers keep it from other origins' pages. */
    ReadOnlyRoutes sameOrigin(String path, Handler handler) {
        return add(path, handler, false);
    }

    private ReadOnlyRoutes add(String path, Handler handler, boolean crossOrigin) {
        for (HandlerType method : HandlerType.values()) {
            if (!method.isHttpMethod()) continue;
            Handler h = switch (method) {
                case GET, HEAD -> handler;
                case OPTIONS -> crossOrigin ? ReadOnlyRoutes::preflight : ReadOnlyRoutes::options;
                default -> ReadOnlyRoutes::notAllowed;
            };
            app.addHttpHandler(method, path, crossOrigin ? anyOrigin(h) : h);
        }
        return this;
    }

    /** Set before the handler runs, so its errors (400, 404) are readable by the page too. */
    private static Handler anyOrigin(Handler handler) {
        return ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            handler.handle(ctx);
        };
    }

    private static void options(Context ctx) {
        ctx.header("Allow", ALLOW).status(204);
        ctx.res().setContentType(null); // no content, so no type; Javalin's default would name one
    }

    /** An OPTIONS answer that is also a CORS preflight answer, whether or not the request was one. */
    private static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", ALLOW);
        ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
        ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
        options(ctx);
    }

    private static void notAllowed(Context ctx) {
        ctx.header("Allow", ALLOW);
        WebServer.text(ctx, 405, ctx.method() + " not allowed on " + ctx.path() + ": it answers " + ALLOW);
    }
}
