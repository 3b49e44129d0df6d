package com.klinelive.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outage and repair marks of a {@link FeedClient}, per symbol: the newest {@link #MAX_PER_SYMBOL} of each.
 *
 * <p>Thread-safe and cheap to read: every symbol's marks are an immutable {@link Snapshot} in a concurrent map, and
 * {@link #version()} is a volatile counter bumped after each change, so the FX thread compares one number per
 * pulse and copies nothing. Writes (rare: a disconnect, a repair) take this object's lock and copy the symbol's
 * list once.
 */
public final class FeedMarks {

    /** Marks kept per symbol; older ones are dropped. */
    public static final int MAX_PER_SYMBOL = 300;

    /**
     * One symbol's marks at one moment.
     *
     * @param version the {@link FeedMarks#version()} that made it; 0 for none
     * @param marks   oldest first, immutable
     */
    public record Snapshot(long version, List<FeedMark> marks) {
        public static final Snapshot EMPTY = new Snapshot(0, List.of());

        public Snapshot {
            marks = List.copyOf(marks);
        }
    }

    private final Map<String, Snapshot> bySymbol = new ConcurrentHashMap<>();
    private volatile long version;

    /** The marks of {@code symbol}, oldest first. */
    public Snapshot of(String symbol) {
        return bySymbol.getOrDefault(symbol, Snapshot.EMPTY);
    }

    /** Bumped after every change of any symbol's marks: whoever draws them redraws when it moved. */
    public long version() {
        return version;
    }

    /** Adds {@code mark} to {@code symbol}'s marks. */
    synchronized void add(String symbol, FeedMark mark) {
        List<FeedMark> list = new ArrayList<>(of(symbol).marks());
        list.add(mark);
        publish(symbol, list);
    }

    /** Adds an ongoing outage from {@code fromMillis} to each of {@code symbols}. */
    synchronized void outageBegan(Collection<String> symbols, long fromMillis, String text) {
        for (String symbol : symbols) {
            List<FeedMark> list = new ArrayList<>(of(symbol).marks());
            list.add(new FeedMark(FeedMark.Kind.OUTAGE, fromMillis, fromMillis, true, text));
            publish(symbol, list);
        }
    }

    /**
     * Ends every ongoing outage at {@code toMillis}; {@code text} turns what the outage began with into what it
     * was (such as "no feed for 3.1 s (WebSocket closed)").
     */
    synchronized void outageEnded(long toMillis, java.util.function.UnaryOperator<FeedMark> text) {
        for (Map.Entry<String, Snapshot> e : bySymbol.entrySet()) {
            List<FeedMark> list = e.getValue().marks();
            for (int i = list.size() - 1; i >= 0; i--) {
                FeedMark m = list.get(i);
                if (m.ongoing()) {
                    List<FeedMark> changed = new ArrayList<>(list);
                    FeedMark ended =
                            new FeedMark(m.kind(), m.fromMillis(), Math.max(m.fromMillis(), toMillis), false, m.text());
                    changed.set(i, text.apply(ended));
                    publish(e.getKey(), changed);
                    break;
                }
            }
        }
    }

    private void publish(String symbol, List<FeedMark> list) {
        List<FeedMark> kept =
                list.size() > MAX_PER_SYMBOL ? list.subList(list.size() - MAX_PER_SYMBOL, list.size()) : list;
        long next = version + 1;
        bySymbol.put(symbol, new Snapshot(next, kept));
        version = next;
    }
}
