package com.klinelive.workspace;

import com.google.gson.annotations.SerializedName;

/** How the main window arranges its charts. */
public enum Layout {
    @SerializedName("1")
    ONE(1),
    @SerializedName("2-side-by-side")
    TWO_SIDE_BY_SIDE(2),
    @SerializedName("2-stacked")
    TWO_STACKED(2),
    @SerializedName("4")
    FOUR(4);

    private final int charts;

    Layout(int charts) {
        this.charts = charts;
    }

    /** How many charts the window shows. */
    public int charts() {
        return charts;
    }

    /** The layout a {@code --layout} value names: 1, 2 (side by side), 2v (stacked) or 4. */
    public static Layout fromOption(String value) {
        return switch (value == null ? "" : value.trim()) {
            case "1" -> ONE;
            case "2", "2h" -> TWO_SIDE_BY_SIDE;
            case "2v" -> TWO_STACKED;
            case "4" -> FOUR;
            default -> throw new IllegalArgumentException("unknown layout '" + value + "' (use 1, 2, 2v or 4)");
        };
    }
}
