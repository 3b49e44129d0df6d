package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import javafx.scene.control.Label;

/**
 * The chart's left edge in time: asks for the candles before the oldest one when it shows, one page at a time,
 * and marks the edge while a page loads, at the start of the history, or after a page failed. The view needs no
 * correction when a page lands: it is anchored to the newest candle, so the candles on screen stay where they
 * are while older ones go in front of them.
 *
 * <p>FX thread only; the requests it makes are answered from any thread and settled at the next frame.
 */
final class ScrollBackEdge {

    final Label mark = new Label();
    private final Runnable wake;
    private ChartMessages messages = ChartMessages.of(java.util.Locale.ENGLISH);

    private Object seriesKey;
    private OlderCandlesRequest pending;
    /** The oldest candle's start last asked about: a page is asked for once. */
    private long askedEnd = Long.MIN_VALUE;
    /** The oldest candle's start when the end was reached. */
    private long endAt = Long.MIN_VALUE;

    private ScrollBackState state = ScrollBackState.IDLE;
    private String text = "";

    /** @param wake wakes the chart from any thread: an answer settles at its next frame */
    ScrollBackEdge(Runnable wake) {
        this.wake = wake;
        mark.getStyleClass().add(ChartStyles.SCROLL_BACK_MARK);
        mark.setManaged(false);
        mark.setMouseTransparent(true);
        mark.setVisible(false);
    }

    /** The words of the mark; the next mark shown uses them. */
    void language(ChartMessages words) {
        messages = words;
    }

    ScrollBackState state() {
        return state;
    }

    /** Whether the request out has been answered: the next frame settles it. */
    boolean answerWaiting() {
        return pending != null && pending.answer() != null;
    }

    /**
     * After a frame: settles the answer of the request out, and makes a new request when the oldest candle shows,
     * nothing is out, more may come and this oldest candle was not asked about yet.
     *
     * @param key         identifies book and timeframe: another series starts afresh
     * @param oldestTime  the start of the series' oldest candle, {@link Long#MIN_VALUE} for an empty series
     * @param oldestShows whether the oldest candle is on screen
     * @param asking      whether anyone takes requests
     * @return the request to hand on, or null
     */
    OlderCandlesRequest afterFrame(
            Object key, CandleBook book, Timeframe timeframe, long oldestTime, boolean oldestShows, boolean asking) {
        if (!key.equals(seriesKey)) {
            seriesKey = key;
            pending = null;
            askedEnd = Long.MIN_VALUE;
            endAt = Long.MIN_VALUE;
            state = ScrollBackState.IDLE;
        }
        settle();
        if (state == ScrollBackState.END && oldestTime > endAt) {
            // The book lost its oldest candles (history reloaded, a full series dropping): older ones may come.
            state = ScrollBackState.IDLE;
        }
        if (state == ScrollBackState.IDLE
                && asking
                && book != null
                && oldestShows
                && oldestTime != Long.MIN_VALUE
                && oldestTime != askedEnd) {
            pending = new OlderCandlesRequest(book, timeframe, oldestTime, wake);
            askedEnd = oldestTime;
            state = ScrollBackState.LOADING;
            text = messages.get("scroll-back.loading");
            return pending;
        }
        return null;
    }

    /** The user scrolled or zoomed: after a failure, the oldest candle may be asked about again. */
    void userMoved() {
        if (state == ScrollBackState.FAILED) {
            state = ScrollBackState.IDLE;
            askedEnd = Long.MIN_VALUE;
        }
    }

    /** Shows the mark at the plot's left edge, halfway down the price pane, while the oldest candle shows. */
    void place(double left, double top, double height, boolean oldestShows) {
        boolean show = oldestShows && state != ScrollBackState.IDLE;
        mark.setVisible(show);
        if (show) {
            if (!text.equals(mark.getText())) {
                mark.setText(text);
            }
            mark.autosize();
            mark.relocate(Math.round(left + 8), Math.round(top + (height - mark.getHeight()) / 2));
        }
    }

    private void settle() {
        OlderCandlesRequest.Answer answer = pending == null ? null : pending.answer();
        if (answer == null) {
            return;
        }
        switch (answer.outcome()) {
            case LOADED -> state = ScrollBackState.IDLE;
            case END -> {
                state = ScrollBackState.END;
                endAt = pending.endExclusive();
                text = answer.text();
            }
            default -> {
                state = ScrollBackState.FAILED;
                text = messages.format("scroll-back.failed", answer.text());
            }
        }
        pending = null;
    }
}
