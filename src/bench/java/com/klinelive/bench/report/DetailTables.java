package com.klinelive.bench.report;

import static com.klinelive.bench.report.Figures.get;
import static com.klinelive.bench.report.Markdown.count;
import static com.klinelive.bench.report.Markdown.num;
import static com.klinelive.bench.report.Markdown.ratio;
import static com.klinelive.bench.report.Markdown.spread;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.klinelive.bench.aggregate.AggregateBench;
import com.klinelive.bench.decode.DecodeBench;

/** One table per figure, with every number the summary is made of. */
final class DetailTables {

    private final Figures f;

    DetailTables(Figures f) {
        this.f = f;
    }

    String decode() {
        Markdown t = new Markdown(
                "message",
                "decoder",
                "ns/msg, wall: median (min–max)",
                "ns/msg, CPU: median",
                "B/msg",
                "ns/tick (CPU)",
                "B/tick",
                "peer / ours (CPU)");
        for (String message : new String[] {"native-tick", "native-batch", "binance-trade"}) {
            JsonObject ours = Figures.jmh(f.decode, "DecodeBench", "ours", message);
            int ticks = message.equals("native-batch") ? DecodeBench.BATCH : 1;
            for (String method : new String[] {"ours", "gsonPojo", "gsonTree"}) {
                JsonObject b = Figures.jmh(f.decode, "DecodeBench", method, message);
                if (b == null) {
                    continue;
                }
                t.row(
                        message,
                        label(method),
                        spread(get(b, "median"), get(b, "min"), get(b, "max")),
                        num(get(b, "cpuMedian")),
                        num(get(b, "allocBytesPerOp")),
                        num(get(b, "cpuMedian") / ticks),
                        num(get(b, "allocBytesPerOp") / ticks),
                        method.equals("ours") ? "–" : ratio(get(b, "cpuMedian") / get(ours, "cpuMedian")));
            }
        }
        Markdown both = new Markdown("messages", "ns/tick, wall: median (min–max)", "ns/tick, CPU: median", "B/tick");
        for (String message : new String[] {"native-tick", "native-batch"}) {
            JsonObject b = Figures.jmh(f.decode, "DecodeAggregateBench", "decodeAndCount", message);
            if (b != null) {
                int n = message.equals("native-batch") ? DecodeBench.BATCH : 1;
                both.row(
                        message,
                        spread(get(b, "median") / n, get(b, "min") / n, get(b, "max") / n),
                        num(get(b, "cpuMedian") / n),
                        num(get(b, "allocBytesPerOp") / n));
            }
        }
        Markdown mapped = new Markdown(
                "decoder", "ns/msg, wall: median (min–max)", "ns/msg, CPU: median", "B/msg", "÷ Binance decoder (CPU)");
        JsonObject binance = Figures.jmh(f.decode, "MappedDecodeBench", "binanceDecoder", null);
        for (String method : new String[] {"mapped", "binanceDecoder", "gsonTree"}) {
            JsonObject b = Figures.jmh(f.decode, "MappedDecodeBench", method, null);
            if (b != null && binance != null) {
                mapped.row(
                        method.equals("mapped")
                                ? "ours, mapped (`--format json`)"
                                : method.equals("binanceDecoder") ? "ours, hand-written Binance" : "Gson tree model",
                        spread(get(b, "median"), get(b, "min"), get(b, "max")),
                        num(get(b, "cpuMedian")),
                        num(get(b, "allocBytesPerOp")),
                        ratio(get(b, "cpuMedian") / get(binance, "cpuMedian")));
            }
        }
        return t + "\nDecode and count in a book of all ten timeframes (the client's per-tick work):\n\n" + both
                + "\nA Binance trade mapped field by field (`symbol=s seq=t time=T price=p size=q`):\n\n" + mapped;
    }

    String aggregate() {
        Markdown t = new Markdown(
                "engine",
                "ns/tick, wall: median (min–max)",
                "ns/tick, CPU: median (min–max)",
                "B/tick",
                "÷ ours, one timeframe (CPU)");
        JsonObject ours = Figures.jmh(f.aggregate, "AggregateBench", "oursOneTimeframe", null);
        for (String method : new String[] {
            "oursOneTimeframe", "oursOneTimeframeInRuns", "oursAllTimeframes", "ta4jDoubleNum", "ta4jDefaultNum"
        }) {
            JsonObject b = Figures.jmh(f.aggregate, "AggregateBench", method, null);
            if (b != null) {
                t.row(
                        label(method),
                        spread(get(b, "median"), get(b, "min"), get(b, "max")),
                        spread(get(b, "cpuMedian"), get(b, "cpuMin"), get(b, "cpuMax")),
                        num(get(b, "allocBytesPerOp")),
                        ratio(get(b, "cpuMedian") / get(ours, "cpuMedian")));
            }
        }
        return t.toString();
    }

    String render() {
        Markdown t = new Markdown(
                "chart",
                "visible",
                "history",
                "frames",
                "frame interval p50 / p99 (wall)",
                "FX CPU p50 / p99",
                "render CPU p50 / p99",
                "CPU per frame p50",
                "chart draw p50 / p99",
                "peer / ours (CPU per frame)");
        for (JsonElement e : Figures.array(f.render, "cases")) {
            JsonObject c = e.getAsJsonObject();
            String chart = c.get("chart").getAsString();
            int visible = c.get("visible").getAsInt();
            JsonObject peer = f.renderCase("peer", visible, visible);
            String vsPeer =
                    chart.equals("ours") && peer != null && c.get("history").getAsInt() == 100_000
                            ? ratio(Figures.cpuPerFrame(peer) / Figures.cpuPerFrame(c))
                            : "–";
            t.row(
                    label(chart),
                    count(visible),
                    count(c.get("history").getAsInt()),
                    c.get("framesPainted").getAsInt(),
                    num(get(c, "frameMs", "p50")) + " / " + num(get(c, "frameMs", "p99")),
                    num(get(c, "fxCpuMs", "p50")) + " / " + num(get(c, "fxCpuMs", "p99")),
                    num(get(c, "renderCpuMs", "p50")) + " / " + num(get(c, "renderCpuMs", "p99")),
                    num(Figures.cpuPerFrame(c)),
                    c.has("chartDrawMs")
                            ? num(get(c, "chartDrawMs", "p50")) + " / " + num(get(c, "chartDrawMs", "p99"))
                            : "–",
                    vsPeer);
        }
        return t + "\nMemory: ours " + num(get(f.render, "memory", "oursBytesPerCandle"))
                + " B per candle (heap growth loading 1M one-minute candles); the XYChart peer "
                + num(get(f.render, "memory", "peerBytesPerCandle")) + " B per candle (20k candles, laid out).\n";
    }

    String indicators() {
        Markdown t = new Markdown(
                "indicator",
                "engine",
                "ms, wall: median (min–max)",
                "ms, CPU: median",
                "MB allocated",
                "ta4j / ours (CPU)");
        for (String name : new String[] {"Rsi", "Macd", "Bollinger"}) {
            JsonObject ours = Figures.jmh(f.indicators, "IndicatorBench", "ours" + name, null);
            JsonObject peer = Figures.jmh(f.indicators, "IndicatorBench", "ta4j" + name, null);
            for (JsonObject b : new JsonObject[] {ours, peer}) {
                if (b == null) {
                    continue;
                }
                t.row(
                        name.toUpperCase(java.util.Locale.ROOT).replace("BOLLINGER", "Bollinger"),
                        b == ours ? "ours (StudySeries)" : "ta4j 0.17, DoubleNum",
                        spread(get(b, "median"), get(b, "min"), get(b, "max")),
                        // The CPU profiler counts nanoseconds per operation; these operations are in milliseconds.
                        num(get(b, "cpuMedian") / 1e6),
                        num(get(b, "allocBytesPerOp") / 1e6),
                        b == ours || ours == null ? "–" : ratio(get(b, "cpuMedian") / get(ours, "cpuMedian")));
            }
        }
        Markdown live = new Markdown(
                "history", "ns per trade, wall: median (min–max)", "ns per trade, CPU: median", "B per trade");
        for (JsonElement e : f.indicators.getAsJsonArray("benchmarks")) {
            JsonObject b = e.getAsJsonObject();
            if (b.get("class").getAsString().equals("LiveTickBench")) {
                live.row(
                        count(b.getAsJsonObject("params").get("history").getAsLong()),
                        spread(get(b, "median"), get(b, "min"), get(b, "max")),
                        num(get(b, "cpuMedian")),
                        num(get(b, "allocBytesPerOp")));
            }
        }
        return t + "\nA live trade into the newest candle, then RSI, MACD and Bollinger brought up to date "
                + "(the book's count included):\n\n" + live;
    }

    String transport() {
        Markdown t = new Markdown(
                "ticks/s",
                "transport",
                "delivered / published",
                "latency p50 / p99 ms",
                "p99 ÷ TCP RTT p99",
                "HTTP requests/s",
                "bytes/tick on the wire",
                "overhead B/tick");
        double rtt = f.tcpRoundTripP99();
        for (JsonElement e : Figures.array(f.transport, "rows")) {
            JsonObject r = e.getAsJsonObject();
            t.row(
                    count(r.get("rate").getAsInt()),
                    r.get("transport").getAsString(),
                    r.get("delivered").getAsLong() + " / " + r.get("published").getAsLong(),
                    num(get(r, "latencyMs", "p50")) + " / " + num(get(r, "latencyMs", "p99")),
                    ratio(get(r, "latencyMs", "p99") / rtt),
                    num(get(r, "httpRequestsPerSecond")),
                    num(get(r, "bytesPerTick")),
                    num(get(r, "overheadBytesPerTick")));
        }
        return "Raw TCP round trip (110-byte message, 1,000/s): p50 / p99 "
                + num(get(f.transport, "tcpRoundTripMsBefore", "p50")) + " / "
                + num(get(f.transport, "tcpRoundTripMsBefore", "p99"))
                + " ms before, " + num(get(f.transport, "tcpRoundTripMsAfter", "p50")) + " / "
                + num(get(f.transport, "tcpRoundTripMsAfter", "p99")) + " ms after the transports.\n\n" + t;
    }

    String ingest() {
        Markdown t = new Markdown(
                "client",
                "ticks/s asked",
                "published/s",
                "delivered / published",
                "delivery p50 / p99 ms",
                "FX pulses/s",
                "sustained");
        for (String client : new String[] {"ours", "peer"}) {
            for (JsonElement e : Figures.array(f.ingest, client)) {
                JsonObject s = e.getAsJsonObject();
                t.row(
                        label(client),
                        count(s.get("rate").getAsInt()),
                        num(get(s, "publishedPerSecond")),
                        s.get("delivered").getAsLong() + " / "
                                + s.get("published").getAsLong(),
                        num(get(s, "latencyMs", "p50")) + " / " + num(get(s, "latencyMs", "p99")),
                        num(get(s, "fps")),
                        s.get("sustained").getAsBoolean() ? "yes" : "no");
            }
        }
        return t.toString();
    }

    String fanout() {
        Markdown t = new Markdown(
                "clients",
                "ticks published per client",
                "received per client (min–max)",
                "gaps",
                "closed",
                "cut as slow",
                "latency p50 / p99 ms",
                "messages/s out",
                "no drops");
        for (JsonElement e : Figures.array(f.fanout, "steps")) {
            JsonObject s = e.getAsJsonObject();
            t.row(
                    count(s.get("clients").getAsInt()),
                    s.get("publishedPerClient").getAsLong(),
                    s.get("minReceivedPerClient").getAsLong() + "–"
                            + s.get("maxReceivedPerClient").getAsLong(),
                    s.get("gaps").getAsLong(),
                    s.get("clientsClosed").getAsLong(),
                    s.get("slowClientsCut").getAsLong(),
                    num(get(s, "latencyMs", "p50")) + " / " + num(get(s, "latencyMs", "p99")),
                    num(get(s, "messagesPerSecondOut")),
                    s.get("noDrops").getAsBoolean() ? "yes" : "no");
        }
        return t.toString();
    }

    String e2e() {
        Markdown t =
                new Markdown("viewer", "tick-to-pixel p50 / p99 ms", "frames/s", "CPU, % of one core", "stats line");
        for (String viewer : new String[] {"ours", "peer", "floor"}) {
            if (f.e2e != null && f.e2e.has(viewer)) {
                JsonObject v = f.e2e.getAsJsonObject(viewer);
                if (viewer.equals("floor")) {
                    t.row(
                            "floor (same window, one label changed per pulse, no feed)",
                            "–",
                            num(get(v, "fps")),
                            num(get(v, "cpuPercentOfOneCore")),
                            "`" + v.get("statsLine").getAsString() + "`");
                    continue;
                }
                t.row(
                        label(viewer),
                        num(get(v, "tick_to_pixel_ms_p50")) + " / " + num(get(v, "tick_to_pixel_ms_p99")),
                        num(get(v, "fps")),
                        num(get(v, "cpuPercentOfOneCore")),
                        "`" + v.get("statsLine").getAsString() + "`");
            }
        }
        return t.toString();
    }

    private static String label(String key) {
        return switch (key) {
            case "ours" -> "ours";
            case "peer" -> "peer";
            case "floor" -> "floor (one full-window fill)";
            case "analysis" -> "ours, 3 panes + 4 overlays + 20 drawings";
            case "analysisNewCandles" -> "ours, the same, a new candle every 100 pulses";
            case "gsonPojo" -> "Gson data binding";
            case "gsonTree" -> "Gson tree model";
            case "oursOneTimeframe" -> "ours, one timeframe";
            case "oursOneTimeframeInRuns" -> "ours, one timeframe, runs of " + AggregateBench.RUN + " (one lock a run)";
            case "oursAllTimeframes" -> "ours, all ten timeframes";
            case "ta4jDoubleNum" -> "ta4j 0.17, DoubleNum";
            case "ta4jDefaultNum" -> "ta4j 0.17, default DecimalNum";
            default -> key;
        };
    }
}
