package com.klinelive.chart;

import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudySeries;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.ColumnDecimator;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.chart.type.ChartType;
import com.klinelive.model.CandleColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one frame shows, read from the book under its lock into primitive buffers, so that drawing happens
 * after the lock is released. Reads only the visible candles; the studies' values are kept for the whole series
 * in {@link StudySeries}, brought up to date incrementally (a live trade computes the newest candle only) and
 * copied out for the visible bars. A frame therefore costs the same over 10 thousand or a million candles of
 * history. Reused from frame to frame; FX thread only.
 */
final class ChartFrame {

    /** Smallest distance between two time labels, in pixels. */
    static final double TIME_LABEL_SPACING = 90;

    /**
     * What to read.
     *
     * @param width        plot width in pixels
     * @param barSpacing   pixels per candle as the user left it
     * @param rightOffset  right offset as the user left it
     * @param followLive   whether new candles scroll in
     * @param seriesKey    identifies book and timeframe
     * @param version      the book's version before reading
     * @param periodMillis the timeframe's period
     * @param studies      the chart's studies, in order
     * @param chartType    how the candles are drawn; it may draw candles of its own, computed here
     * @param drawings     the drawings, whose moments are placed among the candles here
     * @param timeMarks    the marked stretches of the time axis, placed among the candles here
     * @param legendX      pixel x of the crosshair, NaN for none (the legend shows the newest candle)
     * @param timeLabels   the zone and language of the time labels
     */
    record Request(
            double width,
            double barSpacing,
            double rightOffset,
            boolean followLive,
            Object seriesKey,
            long version,
            long periodMillis,
            List<Study> studies,
            ChartType chartType,
            List<Drawing> drawings,
            List<TimeMark> timeMarks,
            double legendX,
            TimeLabels timeLabels) {}

    final BarBuffer bars = new BarBuffer();
    final LegendValues legend = new LegendValues();
    /** One per study of the request, in its order. */
    final List<StudyFrame> studies = new ArrayList<>();
    /** The request's drawings, and each of their anchors' position in index space, drawing by drawing. */
    List<Drawing> drawings = List.of();

    double[] drawingIndexes = new double[0];

    /** The request's time marks, and where each begins and ends in index space: {from, to} mark by mark. */
    List<TimeMark> timeMarks = List.of();

    double[] timeMarkIndexes = new double[0];

    private final ViewTracker tracker = new ViewTracker();
    private final Map<Study.Key, StudySeries> series = new HashMap<>();
    private final TransformedCandles transformed = new TransformedCandles();
    private ChartType transformType;
    private StudySeries transform;

    Viewport viewport = new Viewport(0, 0, 8, 0);
    List<TimeTicks.Tick> timeTicks = List.of();
    /** What {@link #timeTicks} were made from. */
    private TicksKey ticksKey;
    /** The zone and language the time labels of this frame are in. */
    TimeLabels timeLabels = TimeLabels.UTC;

    VisibleRange range = VisibleRange.EMPTY;
    /** The book version the frame was read at (taken before the read, so a concurrent write shows next time). */
    long version = Long.MIN_VALUE;

    double low;
    double high;
    double newestOpen = Double.NaN;
    double newestClose = Double.NaN;
    /** Close of the first candle on screen: what the percent scale counts from. */
    double baseClose = Double.NaN;
    /** Start of the series' oldest candle, {@link Long#MIN_VALUE} when it has none. */
    long oldestTime = Long.MIN_VALUE;

    /** Reads the frame from {@code columns}; call inside the book's read lock. */
    void read(CandleColumns columns, Request request) {
        CandleColumns candles = columns;
        version = request.version();
        int n = candles.size();
        double offset = tracker.resolve(candles, request.seriesKey(), request.rightOffset(), request.followLive());
        viewport = new Viewport(n, request.width(), request.barSpacing(), offset).clamped();
        CandleColumns drawn = drawnCandles(candles, request);
        ColumnDecimator.decimate(drawn, viewport, bars);
        int from = viewport.firstVisible();
        int to = viewport.endVisible();
        readStudies(candles, request, from);
        placeDrawings(candles, request);
        placeTimeMarks(candles, request);
        measure(request.chartType().closesOnly());
        timeLabels = request.timeLabels();
        TicksKey key = TicksKey.of(candles, viewport, request.periodMillis(), timeLabels);
        if (!key.equals(ticksKey)) {
            // The labels depend on the candles' times only: a trade in the newest candle keeps them.
            timeTicks = TimeTicks.compute(candles, viewport, request.periodMillis(), TIME_LABEL_SPACING, timeLabels);
            ticksKey = key;
        }
        if (to > from) {
            range = new VisibleRange(from, to - 1, candles.time(from), candles.time(to - 1), n);
            tracker.anchorAt(candles.time(to - 1) + request.periodMillis() - 1);
        } else {
            range = new VisibleRange(0, -1, 0, 0, n);
        }
        newestOpen = n > 0 ? candles.open(n - 1) : Double.NaN;
        newestClose = n > 0 ? candles.close(n - 1) : Double.NaN;
        oldestTime = n > 0 ? candles.time(0) : Long.MIN_VALUE;
        baseClose = to > from ? drawn.close(from) : Double.NaN;
        readLegend(columns, request.legendX());
    }

    /** Reads only the legend's candle, for a crosshair move between frames; call inside the read lock. */
    void readLegend(CandleColumns columns, double legendX) {
        CandleColumns candles = columns;
        int at = Double.isNaN(legendX) ? -1 : viewport.candleAt(legendX);
        if (at < 0 || at >= candles.size()) {
            at = candles.size() - 1;
        }
        legend.read(candles, at);
    }

    /** An empty frame: no book, or a book without this timeframe. */
    void clear(Request request) {
        version = request.version();
        viewport = new Viewport(0, request.width(), request.barSpacing(), request.rightOffset()).clamped();
        bars.clear(viewport.barSpacing());
        timeTicks = List.of();
        ticksKey = null;
        timeLabels = request.timeLabels();
        range = VisibleRange.EMPTY;
        studies.clear();
        drawings = List.of();
        drawingIndexes = new double[0];
        timeMarks = List.of();
        timeMarkIndexes = new double[0];
        low = Double.NaN;
        high = Double.NaN;
        newestOpen = Double.NaN;
        newestClose = Double.NaN;
        baseClose = Double.NaN;
        oldestTime = Long.MIN_VALUE;
        legend.index = -1;
    }

    /** Brings each study's values up to date and copies them out for the bars; drops the values of studies gone. */
    private void readStudies(CandleColumns candles, Request request, int first) {
        List<Study> wanted = request.studies();
        series.keySet().retainAll(wanted.stream().map(Study::key).toList());
        while (studies.size() > wanted.size()) {
            studies.remove(studies.size() - 1);
        }
        while (studies.size() < wanted.size()) {
            studies.add(new StudyFrame());
        }
        for (int s = 0; s < wanted.size(); s++) {
            Study study = wanted.get(s);
            StudySeries values = series.computeIfAbsent(study.key(), k -> StudySeries.of(study));
            values.sync(candles, request.seriesKey());
            studies.get(s).fill(study, values, bars, first);
        }
    }

    private void placeDrawings(CandleColumns candles, Request request) {
        drawings = request.drawings();
        int anchors = 0;
        for (Drawing d : drawings) {
            anchors += d.anchors().size();
        }
        if (drawingIndexes.length != anchors) {
            drawingIndexes = new double[anchors];
        }
        int k = 0;
        for (Drawing d : drawings) {
            for (Anchor a : d.anchors()) {
                drawingIndexes[k++] = TimeIndex.indexOf(candles, a.time(), request.periodMillis());
            }
        }
    }

    /**
     * Places each time mark among the candles; an ongoing one reaches to the end of the newest candle (the feed is
     * down: nothing newer will come until it is back). None without candles: there is no time axis to mark.
     */
    private void placeTimeMarks(CandleColumns candles, Request request) {
        int n = candles.size();
        timeMarks = n == 0 ? List.of() : request.timeMarks();
        if (timeMarkIndexes.length != timeMarks.size() * 2) {
            timeMarkIndexes = new double[timeMarks.size() * 2];
        }
        int k = 0;
        for (TimeMark mark : timeMarks) {
            double from = TimeIndex.indexOf(candles, mark.fromMillis(), request.periodMillis());
            double to = mark.ongoing()
                    ? Math.max(from, n)
                    : TimeIndex.indexOf(candles, mark.toMillis(), request.periodMillis());
            timeMarkIndexes[k++] = from;
            timeMarkIndexes[k++] = Math.max(from, to);
        }
    }

    /** The candles the chart type draws: the feed's, or its own computed from them, kept up to date. */
    private CandleColumns drawnCandles(CandleColumns candles, Request request) {
        ChartType type = request.chartType();
        if (type.candles() == null) {
            transformType = null;
            transform = null;
            return candles;
        }
        if (type != transformType) {
            transformType = type;
            transform = new StudySeries(4, type.candles());
        }
        transform.sync(candles, request.seriesKey());
        return transformed.over(candles, transform);
    }

    private void measure(boolean closesOnly) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < bars.size(); b++) {
            lo = Math.min(lo, closesOnly ? bars.close(b) : bars.low(b));
            hi = Math.max(hi, closesOnly ? bars.close(b) : bars.high(b));
        }
        low = bars.size() > 0 ? lo : Double.NaN;
        high = bars.size() > 0 ? hi : Double.NaN;
    }

    /**
     * What the time labels are made from: the view, the zone and language, and the candles' times as far as a
     * change could move a label (the ends of the series and of the visible range, and how many candles there are).
     */
    private record TicksKey(
            Viewport view,
            long period,
            TimeLabels labels,
            int count,
            long first,
            long last,
            long shownFirst,
            long shownLast) {

        static TicksKey of(CandleColumns candles, Viewport view, long period, TimeLabels labels) {
            int n = candles.size();
            int from = Math.max(0, Math.min(n - 1, view.firstVisible()));
            int to = Math.max(0, Math.min(n - 1, view.endVisible() - 1));
            return n == 0
                    ? new TicksKey(view, period, labels, 0, 0, 0, 0, 0)
                    : new TicksKey(
                            view,
                            period,
                            labels,
                            n,
                            candles.time(0),
                            candles.time(n - 1),
                            candles.time(from),
                            candles.time(to));
        }
    }
}
