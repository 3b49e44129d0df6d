package com.klinelive.chart.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every kind of indicator the chart offers, in menu order: adding a kind is one line here. */
public final class Indicators {

    /** Price overlays first, then pane indicators. */
    public static final List<Indicator> ALL = List.of(
            new Sma(),
            new Ema(),
            new BollingerBands(),
            new Vwap(),
            new Volume(),
            new Rsi(),
            new Macd(),
            new Stochastic(),
            new Atr(),
            new Obv());

    private Indicators() {}

    /** The kind whose {@link Indicator#id()} or {@link Indicator#name()} is {@code name}, ignoring case. */
    public static Optional<Indicator> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(i -> i.id().equals(wanted)
                        || i.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The kind with this id; the same instance every time, so studies compare by kind. */
    public static Indicator byId(String id) {
        return byName(id).orElseThrow(() -> new IllegalArgumentException("unknown indicator '" + id + "'"));
    }

    /** The ids, for error messages and help: {@code sma, ema, ...}. */
    public static String ids() {
        return String.join(", ", ALL.stream().map(Indicator::id).toList());
    }
}
