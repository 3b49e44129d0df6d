package com.klinelive.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks price alerts against trades as the feed counts them, on the feed's own threads: an alert fires whether
 * or not any chart shows its symbol, and whether or not the window is drawn at all.
 *
 * <p>A trade of a symbol without alerts costs two map look-ups. The alerts of one symbol are judged under that
 * symbol's lock, because one symbol's trades can arrive on two threads at once (a long poll and the WebSocket
 * that replaces it); listeners hear of fired alerts after the lock is released. A one-shot alert fires exactly
 * once, then it is removed.
 */
public final class AlertMonitor {

    private final AlertListener listener;
    /** Feed key, then symbol. */
    private final Map<String, Map<String, SymbolAlerts>> byFeed = new ConcurrentHashMap<>();

    public AlertMonitor(AlertListener listener) {
        this.listener = listener;
    }

    /** Arms {@code alert}; an alert with the same id is replaced. */
    public void add(PriceAlert alert) {
        remove(alert.id());
        byFeed.computeIfAbsent(alert.feed(), f -> new ConcurrentHashMap<>())
                .computeIfAbsent(alert.symbol(), s -> new SymbolAlerts())
                .add(alert);
    }

    /** Disarms the alert {@code id}; returns whether it was armed. */
    public boolean remove(String id) {
        boolean removed = false;
        for (Map<String, SymbolAlerts> symbols : byFeed.values()) {
            for (SymbolAlerts alerts : symbols.values()) {
                removed |= alerts.remove(id);
            }
        }
        return removed;
    }

    /** The armed alerts, in no particular order. */
    public List<PriceAlert> armed() {
        List<PriceAlert> all = new ArrayList<>();
        for (Map<String, SymbolAlerts> symbols : byFeed.values()) {
            for (SymbolAlerts alerts : symbols.values()) {
                all.addAll(alerts.armed());
            }
        }
        return all;
    }

    /** The check for one feed's trades, to hand to that feed's client. */
    public TradeCheck forFeed(String feed) {
        Map<String, SymbolAlerts> symbols = byFeed.computeIfAbsent(feed, f -> new ConcurrentHashMap<>());
        return (symbol, time, price) -> {
            SymbolAlerts alerts = symbols.get(symbol);
            if (alerts != null) {
                alerts.onTrade(time, price, listener);
            }
        };
    }

    /** Takes one trade of {@code symbol} on {@code feed}: fires the alerts it meets. */
    public void onTrade(String feed, String symbol, long time, double price) {
        forFeed(feed).onTrade(symbol, time, price);
    }

    /** One feed's trades, checked against its alerts. */
    @FunctionalInterface
    public interface TradeCheck {

        /**
         * One live trade, in the order the feed counted it.
         *
         * @param time  event time, epoch milliseconds UTC
         * @param price trade price
         */
        void onTrade(String symbol, long time, double price);
    }

    /** The alerts of one symbol, each with the price of the last trade it saw. */
    private static final class SymbolAlerts {

        private final List<Armed> alerts = new ArrayList<>();
        /** Whether there is anything to check: read without the lock so a symbol whose alerts are gone costs nothing. */
        private volatile boolean any;

        synchronized void add(PriceAlert alert) {
            alerts.add(new Armed(alert));
            any = true;
        }

        synchronized boolean remove(String id) {
            boolean removed = alerts.removeIf(a -> a.alert.id().equals(id));
            any = !alerts.isEmpty();
            return removed;
        }

        synchronized List<PriceAlert> armed() {
            return alerts.stream().map(a -> a.alert).toList();
        }

        void onTrade(long time, double price, AlertListener listener) {
            if (!any) {
                return;
            }
            List<AlertFired> fired = null;
            synchronized (this) {
                for (int i = 0; i < alerts.size(); i++) {
                    Armed armed = alerts.get(i);
                    PriceAlert alert = armed.alert;
                    double previous = armed.previous;
                    armed.previous = price;
                    if (alert.condition().firesAt(previous, price, alert.level())) {
                        if (fired == null) {
                            fired = new ArrayList<>(2);
                        }
                        fired.add(new AlertFired(alert, time, price, !alert.repeat()));
                        if (!alert.repeat()) {
                            alerts.remove(i--);
                        }
                    }
                }
                any = !alerts.isEmpty();
            }
            if (fired != null) {
                fired.forEach(listener::onFired);
            }
        }
    }

    /** An alert and the price of the last trade it saw (NaN before the first). */
    private static final class Armed {
        final PriceAlert alert;
        double previous = Double.NaN;

        Armed(PriceAlert alert) {
            this.alert = alert;
        }
    }
}
