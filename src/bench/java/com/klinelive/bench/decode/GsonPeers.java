package com.klinelive.bench.decode;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.klinelive.model.Tick;
import java.util.function.Consumer;

/**
 * What a Java developer would write instead of our decoders: Gson data binding into plain classes, or Gson's
 * tree model with the fields read out into {@link Tick} values. Neither validates anything beyond Gson's own
 * parsing, which favours the peers: ours checks every field of every message.
 */
final class GsonPeers {

    /** A native {@code tick} message as a Gson-bound class. */
    static final class NativeTickJson {
        String type;
        String symbol;
        long seq;
        long time;
        double price;
        double size;
    }

    /** A native {@code ticks} batch as a Gson-bound class: each element is [seq, time, price, size]. */
    static final class NativeBatchJson {
        String type;
        String symbol;
        String epoch;
        double[][] ticks;
    }

    /** A Binance {@code trade} event; Gson reads the quoted decimals into doubles. */
    static final class BinanceTradeJson {
        String e;
        long E;
        String s;
        long t;
        double p;
        double q;
        long T;
        boolean m;
        boolean M;
    }

    private GsonPeers() {}

    /** Tree model, native tick or batch: parse, then read the fields into ticks. */
    static void nativeTree(String message, Consumer<Tick> sink) {
        JsonObject o = JsonParser.parseString(message).getAsJsonObject();
        String type = o.get("type").getAsString();
        String symbol = o.get("symbol").getAsString();
        if (type.equals("tick")) {
            sink.accept(new Tick(
                    symbol,
                    o.get("seq").getAsLong(),
                    o.get("time").getAsLong(),
                    o.get("price").getAsDouble(),
                    o.get("size").getAsDouble()));
            return;
        }
        for (JsonElement e : o.getAsJsonArray("ticks")) {
            JsonArray a = e.getAsJsonArray();
            sink.accept(new Tick(
                    symbol,
                    a.get(0).getAsLong(),
                    a.get(1).getAsLong(),
                    a.get(2).getAsDouble(),
                    a.get(3).getAsDouble()));
        }
    }

    /** Tree model, Binance trade: parse, then read the fields (decimal strings) into a tick. */
    static void binanceTree(String message, Consumer<Tick> sink) {
        JsonObject o = JsonParser.parseString(message).getAsJsonObject();
        sink.accept(new Tick(
                o.get("s").getAsString(),
                o.get("t").getAsLong(),
                o.get("T").getAsLong(),
                Double.parseDouble(o.get("p").getAsString()),
                Double.parseDouble(o.get("q").getAsString())));
    }
}
