package com.klinelive.chart;

/** Where the chart stands with the candles older than its oldest one. */
public enum ScrollBackState {
    /** Nothing asked (the oldest candle is not on screen), or a page landed and more may come. */
    IDLE,
    /** A page was asked for and has not come yet: the mark at the left edge says so. */
    LOADING,
    /** There are no older candles: the mark says so when the oldest candle shows, and nothing more is asked. */
    END,
    /** The last page did not come: the mark says why; the chart asks again once the user scrolls or zooms. */
    FAILED
}
