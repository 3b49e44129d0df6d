package com.klinelive.feed.format.json;

import com.klinelive.feed.protocol.ControlMessage;
import com.klinelive.feed.protocol.FeedSink;
import com.klinelive.model.Candle;
import com.klinelive.model.Tick;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every trade delivered, in order, and how many batches they came in. */
final class TickRecorder implements FeedSink {

    final List<Tick> ticks = new ArrayList<>();
    int batches;

    @Override
    public void onTick(String symbol, long seq, long time, double price, double size) {
        ticks.add(new Tick(symbol, seq, time, price, size));
    }

    @Override
    public void onTicks(String symbol, long[] seqs, long[] times, double[] prices, double[] sizes, int count) {
        batches++;
        FeedSink.super.onTicks(symbol, seqs, times, prices, sizes, count);
    }

    @Override
    public void onKline(String symbol, Timeframe timeframe, Candle candle, boolean closed) {
        throw new AssertionError("a mapped feed delivers no klines");
    }

    @Override
    public void onControl(ControlMessage message) {
        throw new AssertionError("a mapped feed delivers no control messages");
    }
}
