package com.klinelive.chart.scale;

/** How the price axis maps prices to heights and labels them. */
public enum ScaleMode {
    /** Equal price steps take equal heights. */
    LINEAR,
    /** Equal ratios take equal heights: a 10 % move is as tall at any price. */
    LOG,
    /** Linear, labelled as the change in percent from the close of the first candle on screen. */
    PERCENT;

    /** The command-line and settings name: {@code linear}, {@code log}, {@code percent}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode named {@code id}, ignoring case. */
    public static ScaleMode of(String id) {
        for (ScaleMode mode : values()) {
            if (mode.id().equalsIgnoreCase(id.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + id + "' (use linear, log or percent)");
    }
}
