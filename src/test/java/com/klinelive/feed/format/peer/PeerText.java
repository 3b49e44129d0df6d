package com.klinelive.feed.format.peer;

import com.klinelive.model.Candle;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Small pieces the peer dialects share: numbers as exchanges write them, newest-first windows, quoting. */
final class PeerText {

    private PeerText() {}

    /** A double as a decimal string that reads back to the same double. */
    static String dec(double v) {
        return new java.math.BigDecimal(Double.toString(v)).toPlainString();
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    /** Items joined into a JSON array. */
    static <T> String array(List<T> items, Function<T, String> json) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(json.apply(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** The newest {@code limit} of {@code oldestFirst} passing {@code keep}, newest first. */
    static <T> List<T> newestFirst(List<T> oldestFirst, java.util.function.Predicate<T> keep, int limit) {
        List<T> out = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (keep.test(oldestFirst.get(i))) {
                out.add(oldestFirst.get(i));
            }
        }
        return out;
    }

    /** The oldest {@code limit} of {@code oldestFirst} passing {@code keep}, oldest first. */
    static <T> List<T> oldestFirst(List<T> oldestFirst, java.util.function.Predicate<T> keep, int limit) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size() && out.size() < limit; i++) {
            if (keep.test(oldestFirst.get(i))) {
                out.add(oldestFirst.get(i));
            }
        }
        return out;
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static int intOr(String text, int otherwise) {
        return text == null ? otherwise : Integer.parseInt(text);
    }

    static long longOr(String text, long otherwise) {
        return text == null ? otherwise : Long.parseLong(text);
    }

    static Timeframe byMillis(long millis) {
        for (Timeframe t : Timeframe.values()) {
            if (t.millis() == millis) {
                return t;
            }
        }
        throw new IllegalArgumentException("no timeframe of " + millis + " ms");
    }

    static List<Candle> candles(PeerDialect.Market market, Timeframe tf) {
        return market.candles(tf);
    }
}
