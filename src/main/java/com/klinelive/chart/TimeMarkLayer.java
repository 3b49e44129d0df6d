package com.klinelive.chart;

import com.klinelive.chart.scale.TimeLabels;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;

/**
 * The chart's {@link TimeMark}s as thin bands along the top of the time axis, outages in one row and repairs in
 * the row under it (a repair usually fills in the stretch an outage left, so both show), and a label over the time
 * axis that explains the marks under the pointer. The canvas is repainted only when the bands moved or their
 * colours changed: a live trade leaves it alone. FX thread only.
 */
final class TimeMarkLayer {

    /** Height of one row of bands, in pixels. */
    static final double ROW = 3;

    /** The narrowest band, in pixels: a stretch shorter than a candle still shows. */
    static final double MIN_WIDTH = 3;

    /** How far beside a band the pointer still hovers it, in pixels: a 2-pixel band is hard to hit. */
    private static final double HOVER_SLACK = 3;

    /** Marks explained at once; more under the pointer are summed up in a last line. */
    private static final int MAX_LINES = 4;

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One mark on screen, from plot x {@code x0} to {@code x1}. */
    private record Band(TimeMark mark, double x0, double x1) {}

    /** What the canvas shows. */
    private record Shown(List<Band> bands, double width, double scale, Object colours) {}

    final Canvas canvas = new Canvas();
    final Label tip = new Label();
    private final List<Band> bands = new ArrayList<>();
    private Shown shown;
    private double hoverX = Double.NaN;
    private FramePainter.Geometry at;
    private TimeLabels timeLabels = TimeLabels.UTC;
    private ChartMessages messages;

    TimeMarkLayer() {
        canvas.getStyleClass().add(ChartStyles.TIME_MARKS);
        canvas.setMouseTransparent(true);
        canvas.setManaged(false);
        tip.getStyleClass().add(ChartStyles.TIME_MARK_TIP);
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        tip.setVisible(false);
    }

    /**
     * Places the marks of {@code frame} on the time axis (the strip under the panes) and repaints the canvas if
     * they moved; the hover label follows.
     */
    void paint(ChartFrame frame, FramePainter.Geometry geometry, ChartColors colors, ChartMessages language) {
        at = geometry;
        timeLabels = frame.timeLabels;
        messages = language;
        double width = geometry.plotWidth();
        bands.clear();
        for (int i = 0; i < frame.timeMarks.size(); i++) {
            double x0 = frame.viewport.x(frame.timeMarkIndexes[2 * i]);
            double x1 = frame.viewport.x(frame.timeMarkIndexes[2 * i + 1]);
            if (x1 - x0 < MIN_WIDTH) {
                double centre = (x0 + x1) / 2;
                x0 = centre - MIN_WIDTH / 2;
                x1 = centre + MIN_WIDTH / 2;
            }
            if (x1 > 0 && x0 < width) {
                bands.add(new Band(frame.timeMarks.get(i), Math.max(0, x0), Math.min(width, x1)));
            }
        }
        Placement.moveTo(canvas, geometry.left(), geometry.top() + geometry.height() + 1);
        Paint outage = colors.resolve("mark-outage");
        Paint repair = colors.resolve("mark-repair");
        Shown now = new Shown(List.copyOf(bands), width, geometry.scale(), List.of(outage, repair));
        if (!now.equals(shown)) {
            shown = now;
            repaint(width, geometry.scale(), outage, repair);
        }
        hover(hoverX);
    }

    /**
     * Explains the marks under plot x {@code x} (the pointer over the time axis) in the label over the axis, or
     * hides it: NaN for a pointer elsewhere.
     */
    void hover(double x) {
        hoverX = x;
        List<Band> under = new ArrayList<>();
        if (!Double.isNaN(x) && at != null) {
            for (int i = bands.size() - 1; i >= 0; i--) {
                Band band = bands.get(i);
                if (x >= band.x0() - HOVER_SLACK && x <= band.x1() + HOVER_SLACK) {
                    under.add(0, band);
                }
            }
        }
        tip.setVisible(!under.isEmpty());
        if (under.isEmpty()) {
            return;
        }
        String text = describe(under);
        if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
        double w = tip.prefWidth(-1);
        double h = tip.prefHeight(w);
        double left = at.left();
        double right = left + at.plotWidth();
        double tipX = Math.max(left, Math.min(right - w, left + x - w / 2));
        Placement.box(tip, Math.round(tipX), Math.round(at.top() + at.height() - h - 2), w, h);
    }

    /** The text of one mark: what happened, and when, in the chart's zone and language. */
    String describe(TimeMark mark) {
        String what = messages.get(mark.kind() == TimeMark.Kind.OUTAGE ? "mark.outage" : "mark.repair");
        String from = timeLabels.full(mark.fromMillis(), 1_000);
        String to;
        if (mark.ongoing()) {
            to = messages.get("mark.now");
        } else {
            LocalDateTime end = timeLabels.local(mark.toMillis());
            boolean sameDay =
                    end.toLocalDate().equals(timeLabels.local(mark.fromMillis()).toLocalDate());
            to = sameDay ? TIME_OF_DAY.format(end) : timeLabels.full(mark.toMillis(), 1_000);
        }
        String line = mark.text().isEmpty() ? what : what + ": " + mark.text();
        return line + "\n" + messages.format("mark.span", from, to);
    }

    private String describe(List<Band> under) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(under.size(), MAX_LINES);
        // The newest marks under the pointer, oldest of them first.
        for (Band band : under.subList(under.size() - shown, under.size())) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(describe(band.mark()));
        }
        if (under.size() > shown) {
            text.append("\n+").append(under.size() - shown);
        }
        return text.toString();
    }

    /** Outages in the top row, repairs in the row under it; band edges on device pixels. */
    private void repaint(double width, double scale, Paint outage, Paint repair) {
        canvas.setWidth(width);
        canvas.setHeight(2 * ROW);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (Band band : bands) {
            boolean isOutage = band.mark().kind() == TimeMark.Kind.OUTAGE;
            double x0 = Math.floor(band.x0() * scale) / scale;
            double x1 = Math.max(x0 + 1 / scale, Math.ceil(band.x1() * scale) / scale);
            gc.setFill(isOutage ? outage : repair);
            gc.fillRect(x0, isOutage ? 0 : ROW, x1 - x0, ROW);
        }
    }
}
