package com.klinelive.feed.format.klinelive;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.klinelive.feed.format.CandlePage;
import com.klinelive.feed.protocol.HistoryMessage;
import com.klinelive.feed.rest.RestClient;
import com.klinelive.feed.rest.RestException;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** {@code GET /history} and {@code GET /symbols} of a native feed, with bounded answers. */
final class NativeHistory {

    private static final int MAX_HISTORY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_SYMBOLS_BYTES = 64 * 1024;
    private static final int MAX_SYMBOLS = 1_000;

    private final RestClient rest;
    private final URI base;

    NativeHistory(RestClient rest, URI base) {
        this.rest = rest;
        this.base = base;
    }

    /** The newest {@code limit} candles before {@code end} (exclusive; the {@code end} parameter), or the newest. */
    CompletableFuture<CandlePage> candles(String symbol, Timeframe timeframe, int limit, OptionalLong end) {
        URI uri = end.isPresent()
                ? RestClient.resolve(
                        base,
                        "/history",
                        "symbol",
                        symbol,
                        "interval",
                        timeframe.label(),
                        "limit",
                        Integer.toString(limit),
                        "end",
                        Long.toString(end.getAsLong()))
                : RestClient.resolve(
                        base,
                        "/history",
                        "symbol",
                        symbol,
                        "interval",
                        timeframe.label(),
                        "limit",
                        Integer.toString(limit));
        return rest.getJson(uri, MAX_HISTORY_BYTES).thenApply(body -> {
            HistoryMessage message;
            try {
                message = HistoryMessage.parse(body);
            } catch (IllegalArgumentException e) {
                throw new RestException("malformed /history answer: " + e.getMessage());
            }
            if (!message.symbol().equals(symbol) || message.interval() != timeframe) {
                throw new RestException("/history answered for another symbol or interval");
            }
            return new CandlePage(message.candles(), message.seq(), message.epoch());
        });
    }

    CompletableFuture<List<String>> symbols() {
        return rest.getJson(RestClient.resolve(base, "/symbols"), MAX_SYMBOLS_BYTES)
                .thenApply(NativeHistory::parseSymbols);
    }

    /** A JSON array of strings, or an object with a {@code symbols} array. */
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
                throw new RestException("/symbols did not list any symbol");
            }
            return symbols;
        } catch (IOException | IllegalStateException e) {
            throw new RestException("malformed /symbols answer");
        }
    }

    private static void readNames(JsonReader reader, List<String> into) throws IOException {
        reader.beginArray();
        while (reader.hasNext()) {
            String name = reader.nextString();
            if (name.isEmpty() || name.length() > 64 || into.size() >= MAX_SYMBOLS) {
                throw new RestException("bad symbol list");
            }
            into.add(name);
        }
        reader.endArray();
    }
}
