package com.klinelive.sim;

import com.klinelive.feed.protocol.NativeEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete HTTP answers: JSON bodies, the protocol's {@code error} message, and pages. */
final class JsonResponses {

    static final String JSON = "application/json; charset=utf-8";

    private JsonResponses() {}

    /** Answers with {@code status} and the JSON text {@code json}, not to be cached. */
    static void send(Response response, Callback callback, int status, String json) {
        send(response, callback, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with {@code status} and {@code {"type":"error","message":...}}. */
    static void error(Response response, Callback callback, int status, String message) {
        send(response, callback, status, NativeEncoder.error(message));
    }

    /** Answers with {@code status}, a content type and a body. */
    static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
