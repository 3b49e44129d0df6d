package com.klinelive.sim;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /history?symbol=S&interval=1m&limit=N[&end=T]}: the newest candles of a symbol (or, with {@code end},
 * the newest that start before {@code T}: a page of older candles) as the server's own candle engine counted them
 * from exactly the ticks it published, with the last sequence counted.
 */
final class HistoryHandler {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    private static final String INTERVALS =
            Arrays.stream(Timeframe.values()).map(Timeframe::label).collect(Collectors.joining(", "));

    private final SymbolChannels channels;
    private final String epoch;

    HistoryHandler(SymbolChannels channels, String epoch) {
        this.channels = channels;
        this.epoch = epoch;
    }

    void handle(Request request, Response response, Callback callback) {
        QueryParams query = QueryParams.of(request);
        SymbolChannel channel = Routes.channel(channels, query);
        String interval = query.optional("interval");
        Timeframe timeframe = interval == null
                ? Timeframe.M1
                : Timeframe.fromLabel(interval)
                        .orElseThrow(() -> new BadRequestException("interval must be one of " + INTERVALS + ", got '"
                                + QueryParams.shorten(interval) + "'"));
        int limit = (int) query.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        long end = query.number("end", 0, Long.MAX_VALUE, Long.MAX_VALUE);
        JsonResponses.send(
                response, callback, HttpStatus.OK_200, toJson(channel.history(timeframe, limit, end), epoch));
    }

    /** The JSON answer of {@code /history} for {@code snapshot}. */
    static String toJson(HistorySnapshot snapshot, String epoch) {
        StringWriter out = new StringWriter(64 + 120 * snapshot.candles().size());
        try (JsonWriter json = new JsonWriter(out)) {
            json.setStrictness(Strictness.STRICT);
            json.beginObject();
            json.name("symbol").value(snapshot.symbol());
            json.name("interval").value(snapshot.timeframe().label());
            json.name("epoch").value(epoch);
            json.name("seq").value(snapshot.seq());
            json.name("candles").beginArray();
            for (Candle c : snapshot.candles()) {
                json.beginObject();
                json.name("time").value(c.time());
                json.name("open").value(c.open());
                json.name("high").value(c.high());
                json.name("low").value(c.low());
                json.name("close").value(c.close());
                json.name("volume").value(c.volume());
                json.name("trades").value(c.trades());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
