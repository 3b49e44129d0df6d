package com.klinelive.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import com.klinelive.workspace.WatchEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchlistViewModelTest {

    private static final long DAY = Instant.parse("2026-12-05T00:00:00Z").toEpochMilli();
    private static final long NOON = DAY + 12 * 3_600_000L;

    private final CandleBook btc = new CandleBook("BTCUSDT", EnumSet.allOf(Timeframe.class), 1_000);
    private final CandleBook eth = new CandleBook("ETHUSDT", EnumSet.of(Timeframe.M1, Timeframe.M15), 1_000);
    private final WatchlistViewModel model = new WatchlistViewModel();
    private long seq;

    private void trade(CandleBook book, long time, double price) {
        book.apply(++seq, time, price, 1);
    }

    @Test
    void aQuoteIsTheLastPriceTheChangeSinceTheUtcDaysOpenAndTheDaysPath() {
        trade(btc, DAY - 60_000, 90); // yesterday: not part of today's change or path
        trade(btc, DAY + 1_000, 100); // opens the day
        trade(btc, DAY + 20 * 60_000, 104);
        trade(btc, NOON, 110);

        WatchQuote q = WatchQuote.of(btc, NOON + 5_000);

        assertEquals(110, q.last());
        assertEquals(10.0, q.changePercent(), 1e-9);
        assertArrayEquals(new double[] {100, 104, 110}, q.spark());
    }

    @Test
    void withoutDailyCandlesTheDaysFirstCandleOpensIt() {
        trade(eth, DAY - 60_000, 50);
        trade(eth, DAY + 30_000, 40);
        trade(eth, NOON, 42);

        WatchQuote q = WatchQuote.of(eth, NOON);

        assertEquals(5.0, q.changePercent(), 1e-9);
        assertEquals(42, q.last());
    }

    @Test
    void anEmptyOrMissingBookHasNoQuote() {
        assertTrue(Double.isNaN(WatchQuote.of(btc, NOON).last()));
        assertSame(WatchQuote.NONE, WatchQuote.of(null, NOON));
    }

    @Test
    void refreshRecomputesOnlyRowsWhoseCandlesChangedAndSetsOnlyNewQuotes() {
        model.add(new WatchEntry("", "BTCUSDT"));
        model.add(new WatchEntry("", "ETHUSDT"));
        Map<String, CandleBook> books = Map.of("BTCUSDT", btc, "ETHUSDT", eth);
        List<String> changed = new ArrayList<>();
        for (WatchlistViewModel.Row row : model.rows()) {
            row.quoteProperty().addListener((o, a, b) -> changed.add(row.entry().symbol()));
        }
        trade(btc, NOON, 100);
        trade(eth, NOON, 10);

        model.refresh(e -> books.get(e.symbol()), NOON);
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), changed);

        changed.clear();
        model.refresh(e -> books.get(e.symbol()), NOON);
        assertEquals(List.of(), changed, "nothing traded: nothing set, so nothing is laid out or drawn");

        trade(eth, NOON + 1, 11);
        model.refresh(e -> books.get(e.symbol()), NOON);
        assertEquals(List.of("ETHUSDT"), changed);
        assertEquals(11, model.rows().get(1).quote().last());
    }

    @Test
    void rowsAreAddedOnceRemovedAndReordered() {
        assertTrue(model.add(new WatchEntry("", "A")));
        assertTrue(model.add(new WatchEntry("", "B")));
        assertTrue(model.add(new WatchEntry("http://x:1", "A")), "the same symbol of another feed is another row");
        assertFalse(model.add(new WatchEntry("", "A")));
        assertFalse(model.add(new WatchEntry("", " ")));

        model.move(0, 2);
        assertEquals(
                List.of("B", "A", "A"),
                model.entries().stream().map(WatchEntry::symbol).toList());
        assertEquals("", model.entries().get(2).feed());

        model.remove(model.rows().get(0));
        assertEquals(2, model.rows().size());

        List<WatchEntry> shown = new ArrayList<>();
        model.onShow(shown::add);
        model.show(model.rows().get(1));
        assertEquals(List.of(new WatchEntry("", "A")), shown);
    }
}
