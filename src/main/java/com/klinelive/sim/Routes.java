package com.klinelive.sim;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The plain HTTP side of the simulator: every request that is not a WebSocket handshake lands here and is sent
 * to its endpoint by path. Only GET and HEAD exist; unknown paths get 404 and bad parameters 400, each with a
 * JSON {@code error} body.
 */
final class Routes extends Handler.Abstract {

    private final SymbolChannels channels;
    private final String epoch;
    private final SimCounters counters;
    private final boolean webSocket;
    private final LongPollHandler poll;
    private final HistoryHandler history;
    private final StatusPage statusPage = new StatusPage();

    Routes(
            SymbolChannels channels,
            String epoch,
            SimCounters counters,
            boolean webSocket,
            LongPollHandler poll,
            HistoryHandler history) {
        this.channels = channels;
        this.epoch = epoch;
        this.counters = counters;
        this.webSocket = webSocket;
        this.poll = poll;
        this.history = history;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            JsonResponses.error(
                    response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only GET and HEAD are supported");
            return true;
        }
        String path = Request.getPathInContext(request);
        try {
            switch (path) {
                case "/" -> statusPage.handle(response, callback);
                case "/poll" -> poll.handle(request, response, callback);
                case "/history" -> history.handle(request, response, callback);
                case "/symbols" -> JsonResponses.send(response, callback, HttpStatus.OK_200, symbolsJson());
                case "/ws" -> notAHandshake(response, callback);
                default ->
                    JsonResponses.error(
                            response,
                            callback,
                            HttpStatus.NOT_FOUND_404,
                            "no such endpoint: " + QueryParams.shorten(path)
                                    + " (try /ws, /poll, /history, /symbols or /)");
            }
        } catch (BadRequestException e) {
            counters.badRequests.increment();
            JsonResponses.error(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        return true;
    }

    /** The channel named by the required {@code symbol} parameter; a bad request if there is none. */
    static SymbolChannel channel(SymbolChannels channels, QueryParams query) {
        String symbol = query.required("symbol");
        SymbolChannel channel = channels.find(symbol);
        if (channel == null) {
            throw new BadRequestException("unknown symbol: " + QueryParams.shorten(symbol) + " (see /symbols)");
        }
        return channel;
    }

    private void notAHandshake(Response response, Callback callback) {
        if (webSocket) {
            response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
            JsonResponses.error(
                    response,
                    callback,
                    HttpStatus.UPGRADE_REQUIRED_426,
                    "/ws is a WebSocket endpoint: send a WebSocket handshake");
        } else {
            JsonResponses.error(
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    "WebSocket is disabled on this server (--no-websocket): use long polling at /poll");
        }
    }

    private String symbolsJson() {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setStrictness(Strictness.STRICT);
            json.beginObject();
            json.name("epoch").value(epoch);
            json.name("symbols").beginArray();
            for (String symbol : channels.symbols()) {
                json.value(symbol);
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
