package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.scale.NiceTicks;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;

/**
 * Paints a {@link ChartFrame} onto the chart's nodes: the candle and volume canvases, the axes' ranges and ticks,
 * the legend, the last price and the crosshair. Holds the price scales of the last frame, which the crosshair
 * uses between frames. FX thread only.
 *
 * <p>Each pane is two canvases: the history layer and, over it, a live layer from the bar before the newest to
 * the right edge. A live trade that leaves the scales and every older bar as they were repaints only the live
 * layer (see {@link HistoryLayer}); on the software pipeline a frame then costs a strip a few candles wide
 * instead of the whole window.
 */
final class FramePainter {

    private static final double PRICE_PADDING = 0.08;
    private static final double VOLUME_PADDING = 0.12;
    private static final double OVERLAY_LINE_WIDTH = 1.5;

    /**
     * Where the panes are, in chart coordinates.
     *
     * @param left         left edge of both panes
     * @param top          top edge of the candle pane
     * @param plotWidth    width of both panes
     * @param plotHeight   height of the candle pane
     * @param volumeHeight height of the volume pane under it (0 when hidden)
     * @param axisWidth    width of the price and volume axes on the right
     * @param scale        device pixels per logical pixel
     */
    record Geometry(
            double left,
            double top,
            double plotWidth,
            double plotHeight,
            double volumeHeight,
            double axisWidth,
            double scale) {

        /** Whether plot coordinates (x, y) lie over either pane. */
        boolean contains(double x, double y) {
            return x >= 0 && x <= plotWidth && y >= 0 && y <= plotHeight + volumeHeight;
        }
    }

    /** The candle pane's history layer: everything left of the live layer. */
    final Canvas plot = canvas(ChartStyles.PLOT);
    /** The candle pane's live layer, over the history: the newest candle and the bar before it. */
    final Canvas livePlot = canvas(ChartStyles.LIVE_PLOT);

    final Canvas volume = canvas(ChartStyles.VOLUME);
    final Canvas liveVolume = canvas(ChartStyles.LIVE_VOLUME);
    final PriceLine priceLine = new PriceLine();
    final PriceAxis priceAxis = new PriceAxis();
    final PriceAxis volumeAxis = new PriceAxis(PriceFormat::volume);
    final TimeAxis timeAxis = new TimeAxis();
    final ChartLabels labels = new ChartLabels();
    final Line crosshairX = crosshairLine();
    final Line crosshairY = crosshairLine();

    private final HistoryLayer history = new HistoryLayer();
    private PriceScale prices = new PriceScale(0, 1, 1);
    private PriceScale volumes = new PriceScale(0, 1, 1);
    private int decimals = 2;
    private double decimalsPrice = Double.NaN;
    private int axisLabelLength;

    FramePainter() {
        priceAxis.getStyleClass().add(ChartStyles.PRICE_AXIS);
        volumeAxis.getStyleClass().add(ChartStyles.VOLUME_AXIS);
        timeAxis.getStyleClass().add(ChartStyles.TIME_AXIS);
    }

    /** The nodes to add to the skin, in paint order: layers over their history, the price line over both. */
    List<Node> panes() {
        return List.of(plot, livePlot, volume, liveVolume, priceLine.canvas);
    }

    /**
     * Paints everything of {@code frame}: the history canvases only when what they show changed (or {@code whole}
     * asks for it), the live layer always.
     *
     * @return whether the history canvases were repainted
     */
    boolean paint(CandleChart chart, ChartFrame frame, Geometry at, double pointerX, double pointerY, boolean whole) {
        ChartColors colors = chart.colors();
        BarGeometry g = new BarGeometry(at.scale(), frame.bars.slotWidth());
        chooseDecimals(frame.newestClose);
        PriceScale newPrices = PriceScale.fit(frame.low, frame.high, at.plotHeight(), PRICE_PADDING);
        boolean volumeShown = chart.isShowVolume() && at.volumeHeight() > 0;
        PriceScale newVolumes = volumeShown
                ? PriceScale.fromZero(frame.maxVolume, at.volumeHeight(), VOLUME_PADDING, volumes)
                : volumes;
        double split = liveSplit(frame, at);
        int bars = frame.bars.size();
        int shared = split < at.plotWidth() ? bars - 1 : bars;
        boolean repaint = whole || !history.shows(frame, at, newPrices, newVolumes, volumeShown, split, shared);
        prices = newPrices;
        volumes = newVolumes;
        priceAxis.setRange(prices.min(), prices.max());
        timeAxis.setTicks(frame.viewport.firstIndex(), frame.viewport.lastIndex(), frame.timeTicks);
        volumeAxis.setRange(0, volumes.max());
        NiceTicks priceTicks = priceAxis.ticks(at.plotHeight());
        if (repaint) {
            paintCandles(plot, colors, frame, at, g, priceTicks, 0, 0, split);
            if (volumeShown) {
                paintVolume(volume, colors, frame, at, g, 0, 0, split);
            }
            history.remember(frame, at, prices, volumes, volumeShown, split);
        }
        boolean newestUp = frame.newestClose >= frame.newestOpen;
        Paint lineColour = newestUp ? colors.candleUp.get() : colors.candleDown.get();
        double lineY = prices.y(frame.newestClose);
        place(livePlot, at.left() + split, at.top(), at.plotWidth() - split, at.plotHeight(), true);
        place(
                liveVolume,
                at.left() + split,
                at.top() + at.plotHeight(),
                at.plotWidth() - split,
                at.volumeHeight(),
                volumeShown);
        if (split < at.plotWidth()) {
            int from = Math.max(0, bars - 2);
            paintCandles(livePlot, colors, frame, at, g, priceTicks, from, split, at.plotWidth());
            GraphicsContext gc = livePlot.getGraphicsContext2D();
            gc.save();
            gc.translate(-split, 0);
            PriceLine.paintLive(gc, at, split, at.plotWidth(), lineY, lineColour);
            gc.restore();
            if (volumeShown) {
                paintVolume(liveVolume, colors, frame, at, g, from, split, at.plotWidth());
            }
        }
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
        priceAxis.setCovered(covered == null ? Double.NaN : covered[0], covered == null ? Double.NaN : covered[1]);
        legend(chart, frame);
        crosshair(chart, frame, at, pointerX, pointerY);
        return repaint;
    }

    /**
     * The price axis width for the widest label seen so far: it only grows (a new magnitude or more decimals),
     * so the plot does not jitter. The last price label, with the most decimals, is usually the widest.
     *
     * @return more than {@code at.axisWidth()} asks for a wider axis
     */
    double axisWidthNeeded(Geometry at) {
        String widest = PriceFormat.price(Math.max(Math.abs(prices.max()), Math.abs(prices.min())), decimals);
        int length = Math.max(
                widest.length(),
                priceAxis.ticks(at.plotHeight()).format(prices.max()).length());
        if (length > axisLabelLength) {
            axisLabelLength = length;
            return Math.max(at.axisWidth(), priceAxis.widthFor("8".repeat(length)));
        }
        return at.axisWidth();
    }

    /**
     * Where the live layer starts, in plot x: at the device column of the centre of the bar before the newest, so
     * it holds the newest candle and the overlay segments leading to it; the bar it cuts through is painted by
     * both layers, each its own side. The pane's width when the newest candle is off screen: no live layer.
     */
    private static double liveSplit(ChartFrame frame, Geometry at) {
        int bars = frame.bars.size();
        if (bars == 0 || !frame.range.showsNewest()) {
            return at.plotWidth();
        }
        if (bars == 1) {
            return 0;
        }
        double split = Math.floor(frame.bars.x(bars - 2) * at.scale()) / at.scale();
        return Math.max(0, Math.min(at.plotWidth(), split));
    }

    /**
     * Paints the candle pane's plot x range {@code [origin, right)} onto {@code canvas}, which starts at plot x
     * {@code origin}: grid, Bollinger band, candles from bar {@code from}, moving averages. Everything is drawn in
     * plot coordinates and the canvas clips, so the live and the history layer paint identical pixels where they
     * meet.
     */
    private void paintCandles(
            Canvas canvas,
            ChartColors colors,
            ChartFrame frame,
            Geometry at,
            BarGeometry g,
            NiceTicks priceTicks,
            int from,
            double origin,
            double right) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        gc.save();
        gc.translate(-origin, 0);
        PlotPainter.grid(
                gc,
                g,
                at.plotWidth(),
                at.plotHeight(),
                prices,
                priceTicks,
                frame.viewport,
                frame.timeTicks,
                colors.grid.get());
        Overlays.Settings overlays = frame.overlaysShown ? frame.overlays.settings() : null;
        // Lines start a bar early: the segment into the first bar, and the join there, are the layer's too.
        int lineFrom = Math.max(0, from - 1);
        if (overlays != null && overlays.bollinger()) {
            Paint band = colors.bollinger.get();
            PlotPainter.band(gc, frame.bars, lineFrom, prices, frame.overlays, colors.bollingerFill.get());
            PlotPainter.line(gc, frame.bars, lineFrom, prices, frame.overlays::bollingerUpper, band, 1);
            PlotPainter.line(gc, frame.bars, lineFrom, prices, frame.overlays::bollingerLower, band, 1);
            PlotPainter.line(gc, frame.bars, lineFrom, prices, frame.overlays::bollingerMiddle, band, 1);
        }
        PlotPainter.candles(gc, g, frame.bars, from, prices, true, colors.candleUp.get());
        PlotPainter.candles(gc, g, frame.bars, from, prices, false, colors.candleDown.get());
        if (overlays != null && overlays.sma()) {
            PlotPainter.line(
                    gc, frame.bars, lineFrom, prices, frame.overlays::sma, colors.sma.get(), OVERLAY_LINE_WIDTH);
        }
        if (overlays != null && overlays.ema()) {
            PlotPainter.line(
                    gc, frame.bars, lineFrom, prices, frame.overlays::ema, colors.ema.get(), OVERLAY_LINE_WIDTH);
        }
        gc.clearRect(right, 0, at.plotWidth() - right, at.plotHeight());
        gc.restore();
    }

    /** Paints the volume pane's plot x range {@code [origin, right)} onto {@code canvas}, as the candle pane. */
    private void paintVolume(
            Canvas canvas,
            ChartColors colors,
            ChartFrame frame,
            Geometry at,
            BarGeometry g,
            int from,
            double origin,
            double right) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        gc.save();
        gc.translate(-origin, 0);
        PlotPainter.grid(
                gc,
                g,
                at.plotWidth(),
                at.volumeHeight(),
                null,
                null,
                frame.viewport,
                frame.timeTicks,
                colors.grid.get());
        gc.setFill(colors.grid.get());
        gc.fillRect(0, 0, at.plotWidth(), g.logical(1));
        VolumePainter.bars(gc, g, frame.bars, from, volumes, at.volumeHeight(), true, colors.volumeUp.get());
        VolumePainter.bars(gc, g, frame.bars, from, volumes, at.volumeHeight(), false, colors.volumeDown.get());
        gc.clearRect(right, 0, at.plotWidth() - right, at.volumeHeight());
        gc.restore();
    }

    /** Moves and sizes a layer canvas; an empty or hidden one takes no pixels. */
    private static void place(Canvas canvas, double x, double y, double width, double height, boolean shown) {
        canvas.relocate(x, y);
        canvas.setWidth(shown ? Math.max(0, width) : 0);
        canvas.setHeight(shown ? Math.max(0, height) : 0);
        canvas.setVisible(shown && width > 0 && height > 0);
    }

    /**
     * Moves the crosshair lines and labels to plot coordinates (x, y), or hides them when that is outside the
     * panes. They are nodes, not a canvas over the panes: moving them repaints only the few pixels they cover,
     * where a full-size transparent canvas costs a blend of the whole plot every frame on the software pipeline.
     */
    void crosshair(CandleChart chart, ChartFrame frame, Geometry at, double x, double y) {
        boolean shown = at.contains(x, y);
        crosshairX.setVisible(shown);
        crosshairY.setVisible(shown);
        if (!shown) {
            labels.crosshairValue(null, 0, 0, 0);
            labels.crosshairTime(Long.MIN_VALUE, 0, 0, 0, 0, 0);
            return;
        }
        int index = frame.viewport.candleAt(x);
        double centre = index >= 0 ? frame.viewport.x(index + 0.5) : x;
        BarGeometry g = new BarGeometry(at.scale(), 1);
        double lineX = at.left() + g.lineCentre((int) Math.floor(centre * at.scale()));
        double lineY = at.top() + g.lineCentre((int) Math.floor(y * at.scale()));
        double bottom = at.top() + at.plotHeight() + at.volumeHeight();
        crosshairX.setStrokeWidth(g.logical(1));
        crosshairY.setStrokeWidth(g.logical(1));
        setLine(crosshairX, lineX, at.top(), lineX, bottom);
        setLine(crosshairY, at.left(), lineY, at.left() + at.plotWidth(), lineY);
        String value = y < at.plotHeight()
                ? PriceFormat.price(prices.value(y), decimals)
                : PriceFormat.volume(volumes.value(y - at.plotHeight()));
        labels.crosshairValue(value, at.left() + at.plotWidth(), at.axisWidth(), at.top() + y);
        long time = index >= 0 && frame.legend.index == index ? frame.legend.time : Long.MIN_VALUE;
        labels.crosshairTime(
                time, chart.getTimeframe().millis(), at.left() + centre, bottom, at.left(), at.left() + at.plotWidth());
    }

    /** Shows the frame's legend candle (under the crosshair, else the newest) in the legend. */
    void legend(CandleChart chart, ChartFrame frame) {
        CandleBook book = chart.getBook();
        labels.legend(
                book == null ? null : book.symbol(),
                chart.getTimeframe().label(),
                frame.legend,
                frame.overlaysShown ? frame.overlays.settings() : null,
                decimals);
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

    private static Canvas canvas(String styleClass) {
        Canvas canvas = new Canvas();
        canvas.getStyleClass().add(styleClass);
        return canvas;
    }
}
