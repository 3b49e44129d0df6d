package com.klinelive.chart.type;

import java.util.List;
import java.util.Locale;

/** Every chart type, in menu order: adding a type is one line here. */
public final class ChartTypes {

    /** The types; the first is the default. */
    public static final List<ChartType> ALL = List.of(
            new Candles(), new HollowCandles(), new OhlcBars(), new LineChart(), new AreaChart(), new HeikinAshi());

    private ChartTypes() {}

    /** Candlesticks, the default. */
    public static ChartType candles() {
        return ALL.get(0);
    }

    /**
     * The type with this id, ignoring case.
     *
     * @throws IllegalArgumentException naming the ids there are
     */
    public static ChartType byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(t -> t.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown chart type '" + id + "' (use "
                        + String.join(", ", ALL.stream().map(ChartType::id).toList()) + ")"));
    }
}
