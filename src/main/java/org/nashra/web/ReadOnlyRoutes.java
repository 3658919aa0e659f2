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
 */
final class ReadOnlyRoutes {
    static final String ALLOW = "GET, HEAD, OPTIONS";

    private final Javalin app;

    ReadOnlyRoutes(Javalin app) {
        this.app = app;
    }

    ReadOnlyRoutes get(String path, Handler handler) {
        for (HandlerType method : HandlerType.values()) {
            if (!method.isHttpMethod()) continue;
            app.addHttpHandler(method, path, switch (method) {
                case GET, HEAD -> handler;
                case OPTIONS -> ReadOnlyRoutes::options;
                default -> ReadOnlyRoutes::notAllowed;
            });
        }
        return this;
    }

    private static void options(Context ctx) {
        ctx.header("Allow", ALLOW).status(204);
        ctx.res().setContentType(null); // no content, so no type; Javalin's default would name one
    }

    private static void notAllowed(Context ctx) {
        ctx.header("Allow", ALLOW);
        WebServer.text(ctx, 405, ctx.method() + " not allowed on " + ctx.path() + ": it answers " + ALLOW);
    }
}
