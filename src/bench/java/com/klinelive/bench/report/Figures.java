package com.klinelive.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.klinelive.bench.common.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The raw results of every section, read back from {@code target/bench/}, with the look-ups the report needs. */
final class Figures {

    final JsonObject decode = Results.read("decode");
    final JsonObject aggregate = Results.read("aggregate");
    final JsonObject indicators = Results.read("indicators");
    final JsonObject render = Results.read("render");
    final JsonObject transport = Results.read("transport");
    final JsonObject ingest = Results.read("ingest");
    final JsonObject fanout = Results.read("fanout");
    final JsonObject e2e = Results.read("e2e");

    /** A JMH result by class, method and (optional) message parameter, or null. */
    static JsonObject jmh(JsonObject section, String cls, String method, String message) {
        if (section == null) {
            return null;
        }
        for (JsonElement e : section.getAsJsonArray("benchmarks")) {
            JsonObject b = e.getAsJsonObject();
            JsonObject params = b.getAsJsonObject("params");
            boolean sameMessage = message == null
                    || params.has("message")
                            && params.get("message").getAsString().equals(message);
            if (b.get("class").getAsString().equals(cls)
                    && b.get("method").getAsString().equals(method)
                    && sameMessage) {
                return b;
            }
        }
        return null;
    }

    static double get(JsonObject o, String... path) {
        JsonElement e = o;
        for (String p : path) {
            if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(p)) {
                return Double.NaN;
            }
            e = e.getAsJsonObject().get(p);
        }
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    static List<JsonObject> rows(JsonObject section, String array, Predicate<JsonObject> filter) {
        List<JsonObject> out = new ArrayList<>();
        if (section == null || !section.has(array)) {
            return out;
        }
        for (JsonElement e : section.getAsJsonArray(array)) {
            if (filter.test(e.getAsJsonObject())) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    /** The render case, or null. */
    JsonObject renderCase(String chart, int visible, int history) {
        List<JsonObject> r = rows(
                render,
                "cases",
                c -> c.get("chart").getAsString().equals(chart)
                        && c.get("visible").getAsInt() == visible
                        && c.get("history").getAsInt() == history);
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    /** {@link #cpuPerFrame} of every run of a case, averaged (cases are repeated where load drift matters). */
    double cpuPerFrameOfAll(String chart, int visible, int history) {
        List<JsonObject> r = rows(
                render,
                "cases",
                c -> c.get("chart").getAsString().equals(chart)
                        && c.get("visible").getAsInt() == visible
                        && c.get("history").getAsInt() == history);
        return r.stream().mapToDouble(Figures::cpuPerFrame).average().orElse(Double.NaN);
    }

    /** The chart's draw p50 of every run of a case, averaged. */
    double drawP50OfAll(String chart, int visible, int history) {
        List<JsonObject> r = rows(
                render,
                "cases",
                c -> c.get("chart").getAsString().equals(chart)
                        && c.get("visible").getAsInt() == visible
                        && c.get("history").getAsInt() == history);
        return r.stream()
                .mapToDouble(c -> get(c, "chartDrawMs", "p50"))
                .average()
                .orElse(Double.NaN);
    }

    /** FX-thread plus render-thread CPU per frame, medians added: the whole work of a typical frame. */
    static double cpuPerFrame(JsonObject renderCase) {
        return renderCase == null
                ? Double.NaN
                : get(renderCase, "fxCpuMs", "p50") + get(renderCase, "renderCpuMs", "p50");
    }

    /** The same at the 99th percentile of each thread (an upper bound for the 99th of their sum). */
    static double cpuPerFrameP99(JsonObject renderCase) {
        return renderCase == null
                ? Double.NaN
                : get(renderCase, "fxCpuMs", "p99") + get(renderCase, "renderCpuMs", "p99");
    }

    JsonObject transportRow(String transportName, int rate) {
        List<JsonObject> r = rows(
                transport,
                "rows",
                o -> o.get("transport").getAsString().equals(transportName)
                        && o.get("rate").getAsInt() == rate);
        return r.isEmpty() ? null : r.get(0);
    }

    /** The raw TCP round trip p99 of the run: the worse of the measurements before and after. */
    double tcpRoundTripP99() {
        return transport == null
                ? Double.NaN
                : Math.max(get(transport, "tcpRoundTripMsBefore", "p99"), get(transport, "tcpRoundTripMsAfter", "p99"));
    }

    double tcpRoundTripP50() {
        return transport == null
                ? Double.NaN
                : Math.max(get(transport, "tcpRoundTripMsBefore", "p50"), get(transport, "tcpRoundTripMsAfter", "p50"));
    }

    /** The highest sustained rate of a ladder, 0 if none. */
    static double ceiling(JsonObject section, String client) {
        double best = 0;
        for (JsonObject step : rows(section, client, s -> s.get("sustained").getAsBoolean())) {
            best = Math.max(best, step.get("rate").getAsDouble());
        }
        return best;
    }

    JsonObject fanoutStep(int clients) {
        List<JsonObject> r = rows(fanout, "steps", s -> s.get("clients").getAsInt() == clients);
        return r.isEmpty() ? null : r.get(0);
    }

    static JsonArray array(JsonObject o, String name) {
        return o == null || !o.has(name) ? new JsonArray() : o.getAsJsonArray(name);
    }
}
