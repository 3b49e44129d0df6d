package com.klinelive.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlertMonitorTest {

    private static final String FEED = "http://127.0.0.1:8080";

    private final List<AlertFired> fired = new CopyOnWriteArrayList<>();
    private final AlertMonitor monitor = new AlertMonitor(fired::add);

    private void trades(String symbol, double... prices) {
        for (int i = 0; i < prices.length; i++) {
            monitor.onTrade(FEED, symbol, 1_000L * i, prices[i]);
        }
    }

    @Test
    void aOneShotCrossingUpFiresExactlyOnceAtTheTradeThatCrossed() {
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.CROSSES_UP, false));

        trades("BTCUSDT", 98, 99, 100.5, 99, 101, 102);

        assertEquals(1, fired.size());
        assertEquals(100.5, fired.get(0).price());
        assertEquals(2_000, fired.get(0).time());
        assertTrue(fired.get(0).spent());
        assertTrue(monitor.armed().isEmpty(), "a spent one-shot alert is disarmed");
    }

    @Test
    void aRepeatingCrossingFiresOnEveryCrossingInItsDirectionOnly() {
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.CROSSES_DOWN, true));

        trades("BTCUSDT", 101, 100, 99, 101, 102, 98, 97, 100.5, 100);

        assertEquals(
                List.of(100.0, 98.0, 100.0),
                fired.stream().map(AlertFired::price).toList());
        assertEquals(1, monitor.armed().size());
    }

    @Test
    void theFirstTradeOnlySetsThePriceForCrossings() {
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.CROSSES_UP, false));

        trades("BTCUSDT", 105, 106);

        assertTrue(fired.isEmpty(), "no crossing was seen: the price was above from the start");
    }

    @Test
    void aboveFiresOncePerVisitAndAtOnceWhenAlreadyAbove() {
        monitor.add(new PriceAlert("a1", FEED, "ETHUSDT", 100, AlertCondition.ABOVE, true));

        trades("ETHUSDT", 101, 102, 99, 100, 103, 104);

        assertEquals(
                List.of(101.0, 103.0), fired.stream().map(AlertFired::price).toList());
    }

    @Test
    void belowIsTheMirrorOfAbove() {
        monitor.add(new PriceAlert("a1", FEED, "ETHUSDT", 100, AlertCondition.BELOW, true));

        trades("ETHUSDT", 101, 99, 98, 100, 97);

        assertEquals(List.of(99.0, 97.0), fired.stream().map(AlertFired::price).toList());
    }

    @Test
    void anAlertHearsOnlyItsOwnFeedAndSymbol() {
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.ABOVE, true));

        monitor.onTrade("http://127.0.0.1:9999", "BTCUSDT", 0, 150);
        trades("ETHUSDT", 150, 90, 150);
        assertTrue(fired.isEmpty());

        monitor.forFeed(FEED).onTrade("BTCUSDT", 0, 150);
        assertEquals(1, fired.size());
    }

    @Test
    void anAlertAddedLaterJudgesFromTheFirstTradeItSeesNotFromOlderOnes() {
        monitor.add(new PriceAlert("other", FEED, "BTCUSDT", 500, AlertCondition.ABOVE, true));
        trades("BTCUSDT", 90);

        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.CROSSES_UP, false));
        trades("BTCUSDT", 120);

        assertTrue(fired.isEmpty(), "90 was seen before the alert existed, so 120 is its first trade");
    }

    @Test
    void removedAndReplacedAlertsBehaveAsTheirNewest() {
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.ABOVE, true));
        monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 200, AlertCondition.ABOVE, true));
        assertEquals(1, monitor.armed().size());

        trades("BTCUSDT", 150);
        assertTrue(fired.isEmpty());

        assertTrue(monitor.remove("a1"));
        assertFalse(monitor.remove("a1"));
        trades("BTCUSDT", 250);
        assertTrue(fired.isEmpty());
    }

    @Test
    void aOneShotAlertFiresOnceEvenWhenTwoThreadsCrossAtOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            fired.clear();
            monitor.add(new PriceAlert("a1", FEED, "BTCUSDT", 100, AlertCondition.ABOVE, false));
            CountDownLatch start = new CountDownLatch(1);
            Runnable crosser = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 50; i++) {
                    monitor.onTrade(FEED, "BTCUSDT", i, 150);
                }
            };
            Thread a = new Thread(crosser);
            Thread b = new Thread(crosser);
            a.start();
            b.start();
            start.countDown();
            a.join(TimeUnit.SECONDS.toMillis(10));
            b.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(1, fired.size(), "round " + round);
        }
    }

    @Test
    void anAlertNeedsAPriceAndASymbol() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PriceAlert("a", FEED, "BTCUSDT", Double.NaN, AlertCondition.ABOVE, false));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PriceAlert("a", FEED, "BTCUSDT", 0, AlertCondition.ABOVE, false));
        assertThrows(
                IllegalArgumentException.class, () -> new PriceAlert("a", FEED, "", 1, AlertCondition.ABOVE, false));
    }
}
