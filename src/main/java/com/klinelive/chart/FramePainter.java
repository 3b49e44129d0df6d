package com.klinelive.chart;

import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.AxisTick;
import com.klinelive.chart.scale.BarBuffer;
import com.klinelive.chart.scale.PaneLayout;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.scale.TimeTicks;
import com.klinelive.chart.scale.ValueTicks;
import com.klinelive.chart.type.BarGeometry;
import com.klinelive.chart.type.ChartType;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;

/**
 * Paints a {@link ChartFrame} onto the panes: the price pane with its overlays, then any number of indicator panes
 * on the same time axis, each with its own scale; the axes' ranges and ticks, the legend, the last price and the
 * crosshair. FX thread only.
 *
 * <p>Each pane is two canvases: the history layer, every bar but the newest, and over it a live layer from the
 * bar before the newest to the right edge, opaque, as high as the newest bar's marks reach ({@link LiveBand}). A
 * live trade that leaves a pane's scale and every older value as they were repaints only its live layer (see
 * {@link HistoryLayer}); on the software pipeline a frame then costs a box around the newest candle instead of
 * the whole window, however many panes there are. On a chart background that is not one opaque colour the live
 * layer cannot cover the history layer, which then leaves the strip to it, and it takes the pane's whole height.
 *
 * <p>Long because a frame's panes, layers, axes, last price and crosshair are placed from one geometry in one
 * pass; what each layer shows and when it must be repainted are classes of their own ({@link HistoryLayer},
 * {@link LiveBand}, {@link LiveStamp}).
 */
final class FramePainter {

    /**
     * Device columns between the live layer's left edge and the centre of the bar before the newest: more than a
     * line's half width and its anti-aliasing, so no pixel of the history layer depends on the newest value.
     */
    private static final int SPLIT_MARGIN = 3;

    /**
     * Where the panes are, in chart coordinates.
     *
     * @param left      left edge of the panes
     * @param top       top edge of the price pane
     * @param plotWidth width of the panes
     * @param height    height of all panes together
     * @param axisWidth width of the value axes on the right
     * @param scale     device pixels per logical pixel
     * @param layout    the panes' tops and heights, from {@code top}
     */
    record Geometry(
            double left,
            double top,
            double plotWidth,
            double height,
            double axisWidth,
            double scale,
            PaneLayout layout) {

        /** Whether plot coordinates (x, y) lie over a pane. */
        boolean contains(double x, double y) {
            return x >= 0 && x <= plotWidth && y >= 0 && y <= height;
        }

        /** Height of the price pane. */
        double plotHeight() {
            return layout.height(0);
        }

        Geometry withScale(double value) {
            return new Geometry(left, top, plotWidth, height, axisWidth, value, layout);
        }

        Geometry withAxisWidth(double value) {
            return new Geometry(left, top, plotWidth, height, value, scale, layout);
        }
    }

    /** Everything a pane's history paint depends on besides the bars and the studies' values. */
    private record Setting(
            double top,
            double height,
            double width,
            double renderScale,
            PriceScale scale,
            double split,
            double historyRight,
            List<TimeTicks.Tick> timeTicks,
            List<Study> studies,
            ChartType chartType) {}

    final PriceLine priceLine = new PriceLine();
    final TimeAxis timeAxis = new TimeAxis();
    final ChartLabels labels;
    final LegendPainter legends;
    final Line crosshairX = crosshairLine();
    final Line crosshairY = crosshairLine();

    private final BarBuffer shownBars = new BarBuffer();
    /** The bars the history layers paint: all but the newest while there is a live layer. */
    private final BarBuffer historyBars = new BarBuffer();

    private final LiveBand liveBand = new LiveBand();
    private final int[] bandRows = new int[2];
    private int livePainted;
    private final List<StudyFrame> overlays = new ArrayList<>();
    private int decimals = 2;
    private double decimalsPrice = Double.NaN;
    private int axisLabelLength;

    FramePainter(ChartLabels labels) {
        this.labels = labels;
        this.legends = new LegendPainter(labels);
        timeAxis.getStyleClass().add(ChartStyles.TIME_AXIS);
    }

    /**
     * Paints everything of {@code frame}: each pane's history canvas only when what it shows changed (or
     * {@code whole} asks for it), the live layers always.
     *
     * @param panes the price pane, then one pane per study that is not an overlay, in the frame's order
     * @return whether any history canvas was repainted
     */
    boolean paint(
            CandleChart chart,
            ChartFrame frame,
            Geometry at,
            List<PaneView> panes,
            PriceScale manualPrices,
            double pointerX,
            double pointerY,
            boolean whole) {
        BarGeometry g = new BarGeometry(at.scale(), frame.bars.slotWidth());
        chooseDecimals(frame.newestClose);
        double split = liveSplit(frame, at);
        int bars = frame.bars.size();
        int liveFrom = liveFrom(frame, split);
        int shared = split < at.plotWidth() ? bars - 1 : bars;
        boolean barsSame = !whole && shownBars.sameAs(frame.bars, shared);
        Color backdrop = opaqueBackground(chart);
        // Over an opaque live layer the history layer paints the strip too, so the live layer can be a short box.
        double historyRight = backdrop == null ? split : at.plotWidth();
        boolean historyBarsCopied = false;
        livePainted = 0;
        // The newest close's y on the price pane: the live box, the stamp, the live line and the label all use it.
        double lineY = Double.NaN;
        overlays.clear();
        int pane = 1;
        for (StudyFrame study : frame.studies) {
            if (study.study().inPane()) {
                panes.get(pane++).study = study.study();
            } else {
                overlays.add(study);
            }
        }
        boolean repainted = false;
        for (int k = 0; k < panes.size(); k++) {
            PaneView view = panes.get(k);
            List<StudyFrame> studies = k == 0 ? overlays : studiesOf(frame, view.study);
            view.scale = k == 0 || studies.isEmpty()
                    ? PaneScales.priceScale(frame, overlays, at.layout().height(k), chart.getScaleMode(), manualPrices)
                    : PaneScales.paneScale(view, studies.get(0), at.layout().height(k));
            ScaleMode mode = k == 0 ? chart.getScaleMode() : ScaleMode.LINEAR;
            double base = mode == ScaleMode.PERCENT ? frame.baseClose : Double.NaN;
            if (!view.ticksFitScale(mode, base)) {
                // Labels are text to format: only when the scale moved, not at every trade.
                view.ticksFor(PaneScales.ticks(view, mode, base), mode, base);
            }
            view.axis.setTicks(view.scale, view.ticks);
            Setting setting = new Setting(
                    at.layout().top(k),
                    at.layout().height(k),
                    at.plotWidth(),
                    at.scale(),
                    view.scale,
                    split,
                    historyRight,
                    frame.timeTicks,
                    studies.stream().map(StudyFrame::study).toList(),
                    k == 0 ? chart.getChartType() : null);
            // Sized here, with the setting that remembers the size: a canvas the layout pass resized is repainted.
            place(
                    view.history,
                    at.left(),
                    at.top() + at.layout().top(k),
                    at.plotWidth(),
                    at.layout().height(k));
            boolean paneRepainted = !barsSame || !view.shown.shows(setting, studies, shared);
            if (paneRepainted) {
                if (!historyBarsCopied) {
                    historyBars.copyFrom(frame.bars, shared);
                    historyBarsCopied = true;
                }
                paintPane(
                        chart, view.history, view, historyBars, frame, at, k, g, studies, 0, 0, 0, historyRight, null);
                view.shown.remember(setting, studies, bars);
                repainted = true;
            }
            if (k == 0) {
                lineY = view.scale.y(frame.newestClose);
            }
            if (split < at.plotWidth() && backdrop != null) {
                liveBand.rows(
                        bandRows,
                        frame.bars,
                        k,
                        studies,
                        chart.getChartType(),
                        view.scale,
                        k == 0 ? lineY : Double.NaN,
                        at.scale());
                view.liveTop = bandRows[0] / at.scale();
                view.liveHeight = (bandRows[1] - bandRows[0]) / at.scale();
            } else {
                view.liveTop = 0;
                view.liveHeight = at.layout().height(k);
            }
            place(
                    view.live,
                    at.left() + split,
                    at.top() + at.layout().top(k) + view.liveTop,
                    at.plotWidth() - split,
                    view.liveHeight);
            if (split < at.plotWidth() && view.liveHeight > 0) {
                // Stamped first, always: what the canvas shows must be what was stamped last.
                boolean unchanged = view.liveStamp.unchanged(
                        chart, frame, at, view, k, g, studies, liveFrom, split, lineY, backdrop);
                if (!unchanged || whole || paneRepainted) {
                    livePainted++;
                    paintPane(
                            chart,
                            view.live,
                            view,
                            frame.bars,
                            frame,
                            at,
                            k,
                            g,
                            studies,
                            liveFrom,
                            split,
                            view.liveTop,
                            at.plotWidth(),
                            backdrop);
                    if (k == 0) {
                        paintLiveLine(chart, frame, at, view, split, lineY);
                    }
                }
            } else {
                view.liveStamp.forget();
            }
        }
        if (!barsSame) {
            shownBars.copyFrom(frame.bars);
        }
        timeAxis.setTicks(frame.viewport.firstIndex(), frame.viewport.lastIndex(), frame.timeTicks);
        paintLastPrice(chart, frame, at, panes.get(0), split, lineY);
        legends.legendAfterFrame(chart, frame, panes, decimals, whole);
        crosshair(chart, frame, at, panes, pointerX, pointerY);
        return repainted;
    }

    /**
     * The price axis width for the widest label seen so far: it only grows (a new magnitude or more decimals),
     * so the plot does not jitter. The last price label, with the most decimals, is usually the widest.
     *
     * @return more than {@code at.axisWidth()} asks for a wider axis
     */
    double axisWidthNeeded(Geometry at, PaneView price) {
        PriceScale prices = price.scale;
        String widest = PriceFormat.price(Math.max(Math.abs(prices.max()), Math.abs(prices.min())), decimals);
        int length = widest.length();
        for (AxisTick tick : price.ticks) {
            length = Math.max(length, tick.label().length());
        }
        if (length > axisLabelLength) {
            axisLabelLength = length;
            return Math.max(at.axisWidth(), price.axis.widthFor("8".repeat(length)));
        }
        return at.axisWidth();
    }

    /** The values of the study a pane shows; none in a frame without candles. */
    private static List<StudyFrame> studiesOf(ChartFrame frame, Study study) {
        for (StudyFrame s : frame.studies) {
            if (s.study() == study) {
                return List.of(s);
            }
        }
        return List.of();
    }

    /**
     * Paints pane {@code k}'s plot x range {@code [originX, right)} of {@code bars} onto {@code canvas}, whose top
     * left corner is at pane point ({@code originX}, {@code originY}): grid, fills, the candles (price pane), levels
     * and plots from bar {@code from}. Everything is drawn in plot coordinates and the canvas clips, so the live and
     * the history layer paint identical pixels where they meet.
     *
     * @param backdrop the chart's background colour for an opaque canvas, or null for a transparent one
     */
    private static void paintPane(
            CandleChart chart,
            Canvas canvas,
            PaneView view,
            BarBuffer bars,
            ChartFrame frame,
            Geometry at,
            int k,
            BarGeometry g,
            List<StudyFrame> studies,
            int from,
            double originX,
            double originY,
            double right,
            Paint backdrop) {
        ChartColors colors = chart.colors();
        double height = at.layout().height(k);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        if (backdrop == null) {
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        } else {
            gc.setFill(backdrop);
            gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        gc.save();
        gc.translate(-originX, -originY);
        PlotPainter.grid(
                gc,
                g,
                at.plotWidth(),
                height,
                view.scale,
                view.ticks,
                frame.viewport,
                frame.timeTicks,
                colors.grid.get());
        if (k == 0) {
            for (StudyFrame study : studies) {
                StudyPainter.paint(gc, g, bars, from, view.scale, study, colors, true);
            }
            chart.getChartType().paint(gc, g, bars, from, view.scale, colors);
        } else if (!studies.isEmpty()) {
            paintLevels(gc, g, view, at.plotWidth(), colors);
            StudyPainter.paint(gc, g, bars, from, view.scale, studies.get(0), colors, true);
        }
        for (StudyFrame study : studies) {
            StudyPainter.paint(gc, g, bars, from, view.scale, study, colors, false);
        }
        if (k > 0) {
            gc.setFill(colors.resolve("pane-border"));
            gc.fillRect(0, 0, at.plotWidth(), g.logical(1));
        }
        gc.clearRect(right, 0, at.plotWidth() - right, height);
        gc.restore();
    }

    /** The study's guide lines, dashed, and a faint fill between the outermost two. */
    private static void paintLevels(
            GraphicsContext gc, BarGeometry g, PaneView view, double width, ChartColors colors) {
        List<Double> levels = view.study.indicator().levels(view.study.parameterArray());
        if (levels.isEmpty()) {
            return;
        }
        // Every frame a pane is painted: a loop, not a stream.
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double level : levels) {
            low = Math.min(low, level);
            high = Math.max(high, level);
        }
        if (high > low) {
            int top = g.deviceY(view.scale.y(high));
            int bottom = g.deviceY(view.scale.y(low));
            gc.setFill(colors.resolve("level-fill"));
            gc.fillRect(0, g.logical(top), width, g.logical(bottom - top));
        }
        for (double level : levels) {
            PlotPainter.level(gc, g, width, view.scale, level, colors.resolve("level"));
        }
    }

    /** The live layer's part of the last-price line, over the price pane's live canvas just painted. */
    private static void paintLiveLine(
            CandleChart chart, ChartFrame frame, Geometry at, PaneView price, double split, double lineY) {
        GraphicsContext gc = price.live.getGraphicsContext2D();
        gc.save();
        gc.translate(-split, -price.liveTop);
        PriceLine.paintLive(gc, at, split, at.plotWidth(), lineY, lastPriceColour(chart, frame));
        gc.restore();
    }

    private static Paint lastPriceColour(CandleChart chart, ChartFrame frame) {
        ChartColors colors = chart.colors();
        return frame.newestClose >= frame.newestOpen ? colors.candleUp.get() : colors.candleDown.get();
    }

    /** The last-price line's history part and its label on the price axis, at pane y {@code lineY}. */
    private void paintLastPrice(
            CandleChart chart, ChartFrame frame, Geometry at, PaneView price, double split, double lineY) {
        boolean newestUp = frame.newestClose >= frame.newestOpen;
        Paint lineColour = lastPriceColour(chart, frame);
        priceLine.place(at, split, lineY, lineColour);
        double[] covered = labels.lastPrice(
                at.left() + at.plotWidth(),
                at.axisWidth(),
                at.top(),
                at.plotHeight(),
                lineY,
                frame.newestClose,
                newestUp,
                decimals);
        price.axis.setCovered(covered == null ? Double.NaN : covered[0], covered == null ? Double.NaN : covered[1]);
    }

    /**
     * Where the live layer starts, in plot x: a few device columns left of the centre of the bar before the
     * newest, so it holds the newest candle and the whole line segments leading to it, with their joins and
     * anti-aliasing (which depend on the newest value); the bars it cuts through are painted by both layers, each
     * its own side. The pane's width when the newest candle is off screen: no live layer.
     */
    private static double liveSplit(ChartFrame frame, Geometry at) {
        int bars = frame.bars.size();
        if (bars == 0 || !frame.range.showsNewest()) {
            return at.plotWidth();
        }
        if (bars == 1) {
            return 0;
        }
        double split = (Math.floor(frame.bars.x(bars - 2) * at.scale()) - SPLIT_MARGIN) / at.scale();
        return Math.max(0, Math.min(at.plotWidth(), split));
    }

    /** The first bar the live layer paints: the first whose slot reaches past the split. */
    private static int liveFrom(ChartFrame frame, double split) {
        int from = Math.max(0, frame.bars.size() - 2);
        while (from > 0 && frame.bars.x(from - 1) + frame.bars.slotWidth() >= split) {
            from--;
        }
        return from;
    }

    /**
     * The chart's background when it is one opaque colour over its whole box, which an opaque live layer can
     * repeat pixel for pixel; null for anything else (a gradient, transparency, several fills).
     */
    private static Color opaqueBackground(CandleChart chart) {
        Background background = chart.getBackground();
        if (background == null
                || background.getFills().size() != 1
                || !background.getImages().isEmpty()) {
            return null;
        }
        BackgroundFill fill = background.getFills().get(0);
        return fill.getFill() instanceof Color colour && colour.isOpaque() && Insets.EMPTY.equals(fill.getInsets())
                ? colour
                : null;
    }

    /** Moves and sizes a layer canvas; an empty one takes no pixels. */
    private static void place(Canvas canvas, double x, double y, double width, double height) {
        Placement.moveTo(canvas, x, y);
        canvas.setWidth(Math.max(0, width));
        canvas.setHeight(Math.max(0, height));
        canvas.setVisible(width > 0 && height > 0);
    }

    /**
     * Moves the crosshair lines and labels to plot coordinates (x, y), or hides them when that is outside the
     * panes: the vertical line crosses every pane, the horizontal one and the value label belong to the pane under
     * the pointer. They are nodes, not a canvas over the panes: moving them repaints only the few pixels they cover,
     * where a full-size transparent canvas costs a blend of the whole plot every frame on the software pipeline.
     */
    void crosshair(CandleChart chart, ChartFrame frame, Geometry at, List<PaneView> panes, double x, double y) {
        int k = at.contains(x, y) ? at.layout().paneAt(y) : -1;
        boolean shown = k >= 0;
        crosshairX.setVisible(shown);
        crosshairY.setVisible(shown);
        if (!shown) {
            labels.crosshairValue(null, 0, 0, 0);
            labels.crosshairTime(Long.MIN_VALUE, 0, frame.timeLabels, 0, 0, 0, 0);
            return;
        }
        int index = frame.viewport.candleAt(x);
        double centre = index >= 0 ? frame.viewport.x(index + 0.5) : x;
        BarGeometry g = new BarGeometry(at.scale(), 1);
        double lineX = at.left() + g.lineCentre((int) Math.floor(centre * at.scale()));
        double lineY = at.top() + g.lineCentre((int) Math.floor(y * at.scale()));
        double bottom = at.top() + at.height();
        crosshairX.setStrokeWidth(g.logical(1));
        crosshairY.setStrokeWidth(g.logical(1));
        setLine(crosshairX, lineX, at.top(), lineX, bottom);
        setLine(crosshairY, at.left(), lineY, at.left() + at.plotWidth(), lineY);
        PaneView pane = panes.get(k);
        double under = pane.scale.value(y - at.layout().top(k));
        String value = k == 0 && chart.getScaleMode() == ScaleMode.PERCENT && frame.baseClose > 0
                ? ValueTicks.signed(ValueTicks.percent(under, frame.baseClose), 2)
                : pane.format(under, decimals);
        labels.crosshairValue(value, at.left() + at.plotWidth(), at.axisWidth(), at.top() + y);
        long time = index >= 0 && frame.legend.index == index ? frame.legend.time : Long.MIN_VALUE;
        labels.crosshairTime(
                time,
                chart.getTimeframe().millis(),
                frame.timeLabels,
                at.left() + centre,
                bottom,
                at.left(),
                at.left() + at.plotWidth());
    }

    /**
     * Another chart's crosshair time: the vertical line at plot x {@code x} across every pane, with its time label,
     * and no horizontal line or value (the pointer is not here).
     */
    void linkedCrosshair(CandleChart chart, Geometry at, double x, long time, TimeLabels zone) {
        if (!(x >= 0 && x <= at.plotWidth())) {
            return;
        }
        BarGeometry g = new BarGeometry(at.scale(), 1);
        double lineX = at.left() + g.lineCentre((int) Math.floor(x * at.scale()));
        double bottom = at.top() + at.height();
        crosshairX.setStrokeWidth(g.logical(1));
        setLine(crosshairX, lineX, at.top(), lineX, bottom);
        crosshairX.setVisible(true);
        crosshairY.setVisible(false);
        labels.crosshairTime(
                time,
                chart.getTimeframe().millis(),
                zone,
                at.left() + x,
                bottom,
                at.left(),
                at.left() + at.plotWidth());
    }

    /** How many panes' live layers the last frame painted; 0 when it kept them all (or there were none). */
    int livePainted() {
        return livePainted;
    }

    /** The decimals prices are shown with. */
    int decimals() {
        return decimals;
    }

    /**
     * Picks the price decimals from the newest close, and keeps them until the price halves or doubles, so that
     * labels do not change format (and the axis width) each time a price crosses a power of ten.
     */
    private void chooseDecimals(double newestClose) {
        double price = Math.abs(newestClose);
        if (!(price > 0) || !Double.isFinite(price)) {
            return;
        }
        if (Double.isNaN(decimalsPrice) || price > decimalsPrice * 2 || price < decimalsPrice / 2) {
            decimalsPrice = price;
            decimals = PriceFormat.decimalsFor(price);
        }
    }

    private static void setLine(Line line, double x0, double y0, double x1, double y1) {
        line.setStartX(x0);
        line.setStartY(y0);
        line.setEndX(x1);
        line.setEndY(y1);
    }

    private static Line crosshairLine() {
        Line line = new Line();
        line.getStyleClass().add("crosshair-line");
        line.setMouseTransparent(true);
        line.setVisible(false);
        return line;
    }
}
