package com.klinelive.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /}: a small page that opens the browser's own WebSocket to {@code /ws} and shows ticks streaming. */
final class StatusPage {

    private static final String RESOURCE = "/sim/status.html";

    private final byte[] page;

    StatusPage() {
        try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void handle(Response response, Callback callback) {
        response.getHeaders()
                .put(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'");
        JsonResponses.send(response, callback, HttpStatus.OK_200, "text/html; charset=utf-8", page);
    }
}
