package com.klinelive.feed.socketio;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The data of an Engine.IO v4 {@code open} packet: {@code {"sid":..,"upgrades":["websocket"],"pingInterval":25000,
 * "pingTimeout":20000,"maxPayload":1000000}}.
 *
 * @param sid          the session id, sent back with every request
 * @param upgrades     the transports the session may upgrade to
 * @param pingInterval how often the server pings
 * @param pingTimeout  how long after a ping interval the server may be late before the session counts as dead
 * @param maxPayload   the most bytes the server takes in one long-polling request
 */
record EngineIoHandshake(
        String sid, List<String> upgrades, Duration pingInterval, Duration pingTimeout, long maxPayload) {

    /** What servers before Engine.IO 6.2 take, which send no maxPayload: the default maxHttpBufferSize. */
    static final long DEFAULT_MAX_PAYLOAD = 1_000_000;

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
    private static final long MAX_TIMER_MILLIS = 600_000;

    EngineIoHandshake {
        upgrades = List.copyOf(upgrades);
    }

    /**
     * Parses the JSON of an open packet, strictly.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static EngineIoHandshake parse(String json) {
        JsonObject o;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("the open packet holds no JSON object");
            }
            o = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the open packet is not valid JSON");
        }
        String sid = string(o, "sid");
        if (!SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("the open packet's sid is not an Engine.IO session id");
        }
        List<String> upgrades = new ArrayList<>();
        JsonElement u = o.get("upgrades");
        if (u != null && u.isJsonArray()) {
            for (JsonElement e : (JsonArray) u) {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                    upgrades.add(e.getAsString());
                }
            }
        }
        long maxPayload = o.has("maxPayload") ? positive(o, "maxPayload", Long.MAX_VALUE) : DEFAULT_MAX_PAYLOAD;
        return new EngineIoHandshake(
                sid,
                upgrades,
                Duration.ofMillis(positive(o, "pingInterval", MAX_TIMER_MILLIS)),
                Duration.ofMillis(positive(o, "pingTimeout", MAX_TIMER_MILLIS)),
                maxPayload);
    }

    /** How long without a ping before the server counts as gone: its interval plus its timeout. */
    Duration silenceLimit() {
        return pingInterval.plus(pingTimeout);
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("the open packet has no " + name);
        }
        return e.getAsString();
    }

    private static long positive(JsonObject o, String name, long max) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("the open packet has no number " + name);
        }
        double v = e.getAsDouble();
        if (!(v >= 1 && v <= max) || v != Math.rint(v)) {
            throw new IllegalArgumentException("the open packet's " + name + " is out of range");
        }
        return (long) v;
    }
}
