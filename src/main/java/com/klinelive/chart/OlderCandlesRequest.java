package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.model.Timeframe;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chart's ask for the candles before its oldest one, handed to {@link CandleChart#onNeedOlderProperty()
 * onNeedOlder}: whoever loads them puts them in front of the book's candles and answers once, from any thread,
 * with {@link #loaded()}, {@link #endReached(String)} or {@link #failed(String)}. The chart asks for the next page
 * only after an answer, and shows a mark at its left edge meanwhile; later answers are ignored.
 */
public final class OlderCandlesRequest {

    /** How a request was answered. */
    enum Outcome {
        LOADED,
        END,
        FAILED
    }

    /** An answer and its words for the mark. */
    record Answer(Outcome outcome, String text) {}

    private final CandleBook book;
    private final Timeframe timeframe;
    private final long endExclusive;
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    /** Wakes the chart, which sleeps while nothing changes, so that its next frame settles the answer. */
    private final Runnable answered;

    OlderCandlesRequest(CandleBook book, Timeframe timeframe, long endExclusive, Runnable answered) {
        this.book = Objects.requireNonNull(book, "book");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.endExclusive = endExclusive;
        this.answered = Objects.requireNonNull(answered, "answered");
    }

    private void answer(Answer given) {
        if (answer.compareAndSet(null, given)) {
            answered.run();
        }
    }

    /** The book the chart shows. */
    public CandleBook book() {
        return book;
    }

    /** The timeframe the chart shows. */
    public Timeframe timeframe() {
        return timeframe;
    }

    /** The start of the oldest candle shown, epoch ms UTC: the candles wanted start before it. */
    public long endExclusive() {
        return endExclusive;
    }

    /** Candles went in front of the book's oldest (or none, but more may come): the chart may ask again. */
    public void loaded() {
        answer(new Answer(Outcome.LOADED, ""));
    }

    /** There are no older candles (or the book holds its most): the mark says {@code why}, and no more asks. */
    public void endReached(String why) {
        answer(new Answer(Outcome.END, why));
    }

    /** The page did not come: the mark says {@code why}; the chart asks again once the user scrolls. */
    public void failed(String why) {
        answer(new Answer(Outcome.FAILED, why));
    }

    /** The answer, or null while there is none. */
    Answer answer() {
        return answer.get();
    }

    @Override
    public String toString() {
        return "OlderCandlesRequest[" + book.symbol() + " " + timeframe.label() + " before " + endExclusive + "]";
    }
}
