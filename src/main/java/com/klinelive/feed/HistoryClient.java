package com.klinelive.feed;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.klinelive.feed.protocol.HistoryMessage;
import com.klinelive.feed.transport.BoundedBody;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks a feed of our protocol for its symbols and history, asynchronously, with bounded answers. */
final class HistoryClient {

    private static final int MAX_HISTORY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_SYMBOLS_BYTES = 64 * 1024;

    private final HttpClient http;
    private final FeedEndpoint endpoint;
    private final Duration timeout;

    HistoryClient(HttpClient http, FeedEndpoint endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** The newest {@code limit} candles of {@code symbol} in {@code timeframe}. */
    CompletableFuture<HistoryMessage> history(String symbol, Timeframe timeframe, int limit) {
        String query = "symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "&interval=" + timeframe.label()
                + "&limit=" + limit;
        return get("/history", query, MAX_HISTORY_BYTES).thenApply(body -> {
            HistoryMessage message = HistoryMessage.parse(body);
            if (!message.symbol().equals(symbol) || message.interval() != timeframe) {
                throw new IllegalArgumentException("history answered for another symbol or interval");
            }
            return message;
        });
    }

    /** The symbols the feed serves: a JSON array of strings, or an object with a {@code symbols} array. */
    CompletableFuture<List<String>> symbols() {
        return get("/symbols", null, MAX_SYMBOLS_BYTES).thenApply(HistoryClient::parseSymbols);
    }

    private CompletableFuture<String> get(String path, String query, int maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path, query))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, BoundedBody.ofString(maxBytes)).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered HTTP " + response.statusCode());
            }
            return response.body();
        });
    }

    static List<String> parseSymbols(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            List<String> symbols = new ArrayList<>();
            if (reader.peek() == JsonToken.BEGIN_OBJECT) {
                reader.beginObject();
                while (reader.hasNext()) {
                    if (reader.nextName().equals("symbols")) {
                        readNames(reader, symbols);
                    } else {
                        reader.skipValue();
                    }
                }
                reader.endObject();
            } else {
                readNames(reader, symbols);
            }
            if (reader.peek() != JsonToken.END_DOCUMENT || symbols.isEmpty()) {
                throw new IllegalArgumentException("/symbols did not list any symbol");
            }
            return symbols;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("malformed /symbols answer", e);
        }
    }

    private static void readNames(JsonReader reader, List<String> into) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            String name = reader.nextString();
            if (name.isEmpty() || name.length() > 64 || into.size() >= 1_000) {
                throw new IllegalArgumentException("bad symbol list");
            }
            into.add(name);
        }
        reader.endArray();
    }
}
