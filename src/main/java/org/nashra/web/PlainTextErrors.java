package org.nashra.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty writes itself when it refuses a request before any handler sees it (a
 * malformed or ambiguous URI, a request line or headers too long): plain UTF-8 text like every
 * other message of this server, where Jetty's own are HTML declared ISO-8859-1.
 */
final class PlainTextErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, WebServer.TEXT);
        return ByteBuffer.wrap(line(status, reason));
    }

    private static byte[] line(int status, String reason) {
        String text = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return (status + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
