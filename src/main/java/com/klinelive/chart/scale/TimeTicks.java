package com.klinelive.chart.scale;

import com.klinelive.model.CandleColumns;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Labels for the time axis. The axis is in candle index space (a period without trades has no candle, so time does
 * not map linearly to x); a label goes at each calendar boundary of a {@link TimeStep} that keeps labels a given
 * number of pixels apart at the candles' average density. Where candles are sparser (seconds without a trade) such
 * labels crowd and some are left out; a step up to two rungs coarser is taken instead when it leaves none out and
 * still keeps half the labels, so they stay evenly spaced in time. A label stands under the candle that starts on
 * the boundary, or, when the boundary falls in a short gap between candles (sparse one-second candles), on the edge
 * between the candles either side of it, naming the boundary, so the labels stay round ({@code 12:00:15}, not the
 * {@code 12:00:16} of the next candle). After a gap longer than a step (a weekend) the label names the first candle
 * after it. Each label names the most significant unit that changed since the previous candle: {@code 2026} for a
 * new year, {@code Nov} for a new month, {@code Nov 25} for a new day, else the time of day. All in UTC.
 */
public final class TimeTicks {

    /**
     * One label.
     *
     * @param index    the first candle at or after its boundary
     * @param position where it stands in index space: {@code index + 0.5}, the centre of that candle, or
     *                 {@code index}, its left edge, for a boundary in a gap before it
     * @param label    the text
     * @param rank     how significant the change it marks is: 0 time of day, 1 day, 2 month, 3 year
     */
    public record Tick(int index, double position, String label, int rank) {}

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
    private static final DateTimeFormatter FULL_SECONDS =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter FULL_MINUTES =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL_DAYS = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ROOT);

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
        int from = view.firstVisible();
        int to = view.endVisible();
        if (to <= from) {
            return new ArrayList<>();
        }
        double millisPerPixel = to - from >= 2
                ? (candles.time(to - 1) - candles.time(from)) / ((to - 1 - from) * view.barSpacing())
                : periodMillis / view.barSpacing();
        TimeStep step = TimeStep.atLeast(Math.max(millisPerPixel * minSpacing, periodMillis));
        Placement fits = place(candles, view, from, to, step, minSpacing);
        // The step fits the candles' average density; where they are sparser (seconds without a trade), labels of
        // that step crowd and some are left out, leaving uneven gaps. A coarser step keeps them even, if it still
        // leaves enough labels to read the axis by.
        int enough = Math.max(MIN_LABELS, fits.ticks().size() / 2);
        int rung = Arrays.asList(TimeStep.LADDER).indexOf(step);
        for (int coarser = 1;
                fits.leftOut() > 0 && coarser <= MAX_STEP_CHANGES && rung + coarser < TimeStep.LADDER.length;
                coarser++) {
            Placement even = place(candles, view, from, to, TimeStep.LADDER[rung + coarser], minSpacing);
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
            CandleColumns candles, Viewport view, int from, int to, TimeStep step, double minSpacing) {
        List<Tick> ticks = new ArrayList<>();
        int leftOut = 0;
        boolean showSeconds = step.unit() == TimeStep.Unit.SECOND;
        double lastX = Double.NEGATIVE_INFINITY;
        double margin = minSpacing / 3;
        long boundary = step.next(candles.time(from) - 1);
        while (true) {
            int index = candles.ceilingIndex(boundary);
            if (index >= to) {
                break;
            }
            long time = candles.time(index);
            // A boundary inside a gap shorter than a step is named itself, on the edge before the candle after it.
            boolean inGap = time != boundary && time < step.next(boundary);
            long named = inGap ? boundary : time;
            double position = inGap ? index : index + 0.5;
            double x = view.x(position);
            if (x >= margin && x <= view.width() - margin) {
                int rank = rank(named, index > 0 ? candles.time(index - 1) : boundary - 1);
                Tick tick = new Tick(index, position, label(named, rank, showSeconds), rank);
                if (x - lastX >= minSpacing) {
                    ticks.add(tick);
                    lastX = x;
                } else if (rank > ticks.get(ticks.size() - 1).rank()) {
                    // Too close to the previous label: keep whichever marks the bigger change.
                    ticks.set(ticks.size() - 1, tick);
                    lastX = x;
                } else if (rank == 0) {
                    leftOut++;
                }
            }
            boundary = step.next(time);
        }
        return new Placement(ticks, leftOut);
    }

    /** How significant the change from {@code previous} to {@code time} is: 3 year, 2 month, 1 day, 0 less. */
    static int rank(long time, long previous) {
        LocalDateTime t = dateTime(time);
        LocalDateTime p = dateTime(previous);
        if (t.getYear() != p.getYear()) {
            return 3;
        }
        if (t.getMonthValue() != p.getMonthValue()) {
            return 2;
        }
        return t.getDayOfMonth() != p.getDayOfMonth() ? 1 : 0;
    }

    private static String label(long time, int rank, boolean showSeconds) {
        LocalDateTime t = dateTime(time);
        return switch (rank) {
            case 3 -> Integer.toString(t.getYear());
            case 2 -> MONTH.format(t);
            case 1 -> DAY.format(t);
            default -> (showSeconds ? SECONDS : MINUTES).format(t);
        };
    }

    /**
     * The full date and time of a candle for the crosshair label, as precise as its period:
     * {@code Tue 25 Nov 2025 12:34}, with seconds below a minute, without the time from a day up.
     */
    public static String full(long time, long periodMillis) {
        DateTimeFormatter format =
                periodMillis < 60_000 ? FULL_SECONDS : periodMillis < 86_400_000 ? FULL_MINUTES : FULL_DAYS;
        return format.format(dateTime(time));
    }

    private static LocalDateTime dateTime(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
    }
}
