package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Labels for the time axis. The axis is in candle index space (a period without trades has no candle, so time does
 * not map linearly to x); a label goes at each calendar boundary of a {@link TimeStep} that keeps labels a given
 * number of pixels apart at the candles' average density. Where candles are sparser (seconds without a trade) such
 * labels crowd and some are left out; a step up to two rungs coarser is taken instead when it leaves none out and
 * still keeps half the labels, so they stay evenly spaced in time. A label stands where its boundary is: under the
 * candle that starts on it, inside the candle that spans it (local midnight in New York lies five hours into a UTC
 * day's candle), or, when it falls in a short gap between candles (sparse one-second candles), on the edge between
 * the candles either side of it, naming the boundary, so the labels stay round ({@code 12:00:15}, not the
 * {@code 12:00:16} of the next candle). After a gap longer than a step (a weekend) the label names the first candle
 * after it. Each label names the most significant unit that changed since the previous candle: {@code 2026} for a
 * new year, {@code Nov} for a new month, {@code Nov 25} for a new day, else the time of day. Boundaries and names
 * are on the wall clock of the {@link TimeLabels}' zone, in its language.
 */
public final class TimeTicks {

    /**
     * One label.
     *
     * @param index    the candle it belongs to: the one that spans its boundary, else the first after it
     * @param position where it stands in index space: {@code index + 0.5}, the centre of that candle, for one
     *                 that starts on the boundary or the first after a long gap; further right by the boundary's
     *                 share of the period for a boundary inside it; {@code index}, its left edge, for a boundary
     *                 in a short gap before it
     * @param label    the text
     * @param rank     how significant the change it marks is: 0 time of day, 1 day, 2 month, 3 year
     */
    public record Tick(int index, double position, String label, int rank) {}

    /** How many steps coarser than the average density asks for the axis may go to keep its labels even. */
    private static final int MAX_STEP_CHANGES = 2;
    /** A coarser step must leave at least this many labels, and half as many as the finer one. */
    private static final int MIN_LABELS = 3;

    private TimeTicks() {}

    /**
     * The labels for the candles visible in {@code view}, left to right, at least {@code minSpacing} pixels
     * apart and a third of that away from either edge, so that no label is cut in half. Costs a binary search
     * per label, never a scan of the visible candles.
     *
     * @param periodMillis the candle period, the finest step worth labelling
     */
    public static List<Tick> compute(CandleColumns candles, Viewport view, long periodMillis, double minSpacing) {
        return compute(candles, view, periodMillis, minSpacing, TimeLabels.UTC);
    }

    /**
     * The labels as {@link #compute(CandleColumns, Viewport, long, double)} makes them, on the wall clock of
     * {@code labels}' zone and in its language.
     */
    public static List<Tick> compute(
            CandleColumns candles, Viewport view, long periodMillis, double minSpacing, TimeLabels labels) {
        int from = view.firstVisible();
        int to = view.endVisible();
        if (to <= from) {
            return new ArrayList<>();
        }
        double millisPerPixel = to - from >= 2
                ? (candles.time(to - 1) - candles.time(from)) / ((to - 1 - from) * view.barSpacing())
                : periodMillis / view.barSpacing();
        TimeStep step = TimeStep.atLeast(Math.max(millisPerPixel * minSpacing, periodMillis));
        Placement fits = place(candles, view, from, to, step, minSpacing, periodMillis, labels);
        // The step fits the candles' average density; where they are sparser (seconds without a trade), labels of
        // that step crowd and some are left out, leaving uneven gaps. A coarser step keeps them even, if it still
        // leaves enough labels to read the axis by.
        int enough = Math.max(MIN_LABELS, fits.ticks().size() / 2);
        int rung = Arrays.asList(TimeStep.LADDER).indexOf(step);
        for (int coarser = 1;
                fits.leftOut() > 0 && coarser <= MAX_STEP_CHANGES && rung + coarser < TimeStep.LADDER.length;
                coarser++) {
            Placement even =
                    place(candles, view, from, to, TimeStep.LADDER[rung + coarser], minSpacing, periodMillis, labels);
            if (even.ticks().size() < enough) {
                break;
            }
            if (even.leftOut() == 0) {
                return even.ticks();
            }
        }
        return fits.ticks();
    }

    /** The labels of a step, and how many time-of-day labels were left out for lack of room. */
    private record Placement(List<Tick> ticks, int leftOut) {}

    private static Placement place(
            CandleColumns candles,
            Viewport view,
            int from,
            int to,
            TimeStep step,
            double minSpacing,
            long periodMillis,
            TimeLabels labels) {
        List<Tick> ticks = new ArrayList<>();
        int leftOut = 0;
        boolean showSeconds = step.unit() == TimeStep.Unit.SECOND;
        double lastX = Double.NEGATIVE_INFINITY;
        long lastNamed = Long.MIN_VALUE;
        double margin = minSpacing / 3;
        long boundary = step.next(candles.time(from) - 1, labels.zone());
        while (true) {
            int after = candles.ceilingIndex(boundary);
            // A boundary inside the candle before (local midnight in a UTC day's candle) stands where it falls.
            boolean inside = after > from && candles.time(after - 1) + periodMillis > boundary;
            int index = inside ? after - 1 : after;
            if (index >= to) {
                break;
            }
            long time = candles.time(index);
            long named;
            double position;
            if (inside || time == boundary) {
                named = boundary;
                position = index + 0.5 + (double) (boundary - time) / periodMillis;
            } else if (time < step.next(boundary, labels.zone())) {
                // A boundary inside a gap shorter than a step is named itself, on the edge before the candle after it.
                named = boundary;
                position = index;
            } else {
                named = time;
                position = index + 0.5;
            }
            double x = view.x(position);
            if (x >= margin && x <= view.width() - margin) {
                long previous = named == time && index > 0 ? candles.time(index - 1) : named - 1;
                int rank = rank(labels, named, previous);
                Tick tick = new Tick(index, position, labels.axisLabel(named, rank, showSeconds), rank);
                if (x - lastX >= minSpacing * shortening(step, lastNamed, named)) {
                    ticks.add(tick);
                    lastX = x;
                    lastNamed = named;
                } else if (rank > ticks.get(ticks.size() - 1).rank()) {
                    // Too close to the previous label: keep whichever marks the bigger change.
                    ticks.set(ticks.size() - 1, tick);
                    lastX = x;
                    lastNamed = named;
                } else if (rank == 0) {
                    leftOut++;
                }
            }
            boundary = step.next(Math.max(named, time), labels.zone());
        }
        return new Placement(ticks, leftOut);
    }

    /**
     * How much closer than a step's usual room two labels may stand: a step the clocks shortened (a 23-hour day, the
     * four hours over a spring change that last three, February) takes that share of the room, so its label is not
     * left out where the labels either side of it have their room. At most by half; 1 for a full step or longer.
     */
    private static double shortening(TimeStep step, long previous, long next) {
        if (previous == Long.MIN_VALUE) {
            return 1;
        }
        return Math.max(0.5, Math.min(1, (double) (next - previous) / step.approxMillis()));
    }

    /**
     * How significant the change from {@code previous} to {@code time} is on the wall clock of {@code labels}'
     * zone: 3 year, 2 month, 1 day, 0 less.
     */
    static int rank(TimeLabels labels, long time, long previous) {
        LocalDateTime t = labels.local(time);
        LocalDateTime p = labels.local(previous);
        if (t.getYear() != p.getYear()) {
            return 3;
        }
        if (t.getMonthValue() != p.getMonthValue()) {
            return 2;
        }
        return t.getDayOfMonth() != p.getDayOfMonth() ? 1 : 0;
    }

    /**
     * The full date and time of a candle for the crosshair label in UTC and English, as precise as its period:
     * {@code Tue 25 Nov 2025 12:34}, with seconds below a minute, without the time from a day up.
     */
    public static String full(long time, long periodMillis) {
        return TimeLabels.UTC.full(time, periodMillis);
    }
}
