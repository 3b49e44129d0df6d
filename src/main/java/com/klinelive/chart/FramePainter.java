package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.scale.NiceTicks;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.Line;

/**
 * Paints a {@link ChartFrame} onto the chart's nodes: the candle and volume canvases, the axes' ranges and ticks,
 * the legend, the last price and the crosshair. Holds the price scales of the last frame, which the crosshair
 * uses between frames. FX thread only.
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
    record Geometry(double left, double top, double plotWidth, double plotHeight, double volumeHeight,
            double axisWidth, double scale) {

        /** Whether plot coordinates (x, y) lie over either pane. */
        boolean contains(double x, double y) {
            return x >= 0 && x <= plotWidth && y >= 0 && y <= plotHeight + volumeHeight;
        }
    }

    final Canvas plot = canvas(ChartStyles.PLOT);
    final Canvas volume = canvas(ChartStyles.VOLUME);
    final PriceAxis priceAxis = new PriceAxis();
    final PriceAxis volumeAxis = new PriceAxis(PriceFormat::volume);
    final TimeAxis timeAxis = new TimeAxis();
    final ChartLabels labels = new ChartLabels();
    final Line crosshairX = crosshairLine();
    final Line crosshairY = crosshairLine();

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

    /**
     * Paints everything of {@code frame}.
     *
     * @return the width the price axis labels need: more than {@code at.axisWidth()} asks for a wider axis
     */
    double paint(CandleChart chart, ChartFrame frame, Geometry at, double pointerX, double pointerY) {
        ChartColors colors = chart.colors();
        BarGeometry g = new BarGeometry(at.scale(), frame.bars.slotWidth());
        chooseDecimals(frame.newestClose);
        prices = PriceScale.fit(frame.low, frame.high, at.plotHeight(), PRICE_PADDING);
        priceAxis.setRange(prices.min(), prices.max());
        timeAxis.setTicks(frame.viewport.firstIndex(), frame.viewport.lastIndex(), frame.timeTicks);
        NiceTicks priceTicks = priceAxis.ticks(at.plotHeight());

        GraphicsContext gc = plot.getGraphicsContext2D();
        gc.clearRect(0, 0, at.plotWidth(), at.plotHeight());
        PlotPainter.grid(gc, g, at.plotWidth(), at.plotHeight(), prices, priceTicks, frame.viewport,
                frame.timeTicks, colors.grid.get());
        Overlays.Settings overlays = frame.overlaysShown ? frame.overlays.settings() : null;
        if (overlays != null && overlays.bollinger()) {
            PlotPainter.band(gc, frame.bars, prices, frame.overlays, colors.bollingerFill.get());
            PlotPainter.line(gc, frame.bars, prices, frame.overlays::bollingerUpper, colors.bollinger.get(), 1);
            PlotPainter.line(gc, frame.bars, prices, frame.overlays::bollingerLower, colors.bollinger.get(), 1);
            PlotPainter.line(gc, frame.bars, prices, frame.overlays::bollingerMiddle, colors.bollinger.get(), 1);
        }
        PlotPainter.candles(gc, g, frame.bars, prices, true, colors.candleUp.get());
        PlotPainter.candles(gc, g, frame.bars, prices, false, colors.candleDown.get());
        if (overlays != null && overlays.sma()) {
            PlotPainter.line(gc, frame.bars, prices, frame.overlays::sma, colors.sma.get(), OVERLAY_LINE_WIDTH);
        }
        if (overlays != null && overlays.ema()) {
            PlotPainter.line(gc, frame.bars, prices, frame.overlays::ema, colors.ema.get(), OVERLAY_LINE_WIDTH);
        }
        boolean newestUp = frame.newestClose >= frame.newestOpen;
        if (Double.isFinite(frame.newestClose)) {
            PlotPainter.priceLine(gc, g, at.plotWidth(), prices, frame.newestClose,
                    newestUp ? colors.candleUp.get() : colors.candleDown.get());
        }
        if (chart.isShowVolume() && at.volumeHeight() > 0) {
            paintVolume(chart, frame, at, g);
        }
        double[] covered = labels.lastPrice(at.left() + at.plotWidth(), at.axisWidth(), at.top(),
                at.plotHeight(), prices.y(frame.newestClose), frame.newestClose, newestUp, decimals);
        priceAxis.setCovered(covered == null ? Double.NaN : covered[0], covered == null ? Double.NaN : covered[1]);
        legend(chart, frame);
        crosshair(chart, frame, at, pointerX, pointerY);
        return axisWidthNeeded(at);
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
        String value = y < at.plotHeight() ? PriceFormat.price(prices.value(y), decimals)
                : PriceFormat.volume(volumes.value(y - at.plotHeight()));
        labels.crosshairValue(value, at.left() + at.plotWidth(), at.axisWidth(), at.top() + y);
        long time = index >= 0 && frame.legend.index == index ? frame.legend.time : Long.MIN_VALUE;
        labels.crosshairTime(time, chart.getTimeframe().millis(), at.left() + centre, bottom, at.left(),
                at.left() + at.plotWidth());
    }

    /** Shows the frame's legend candle (under the crosshair, else the newest) in the legend. */
    void legend(CandleChart chart, ChartFrame frame) {
        CandleBook book = chart.getBook();
        labels.legend(book == null ? null : book.symbol(), chart.getTimeframe().label(), frame.legend,
                frame.overlaysShown ? frame.overlays.settings() : null, decimals);
    }

    private void paintVolume(CandleChart chart, ChartFrame frame, Geometry at, BarGeometry g) {
        ChartColors colors = chart.colors();
        volumes = PriceScale.fromZero(frame.maxVolume, at.volumeHeight(), VOLUME_PADDING);
        volumeAxis.setRange(0, volumes.max());
        GraphicsContext gc = volume.getGraphicsContext2D();
        gc.clearRect(0, 0, at.plotWidth(), at.volumeHeight());
        PlotPainter.grid(gc, g, at.plotWidth(), at.volumeHeight(), null, null, frame.viewport, frame.timeTicks,
                colors.grid.get());
        gc.setFill(colors.grid.get());
        gc.fillRect(0, 0, at.plotWidth(), g.logical(1));
        VolumePainter.bars(gc, g, frame.bars, volumes, at.volumeHeight(), true, colors.volumeUp.get());
        VolumePainter.bars(gc, g, frame.bars, volumes, at.volumeHeight(), false, colors.volumeDown.get());
    }

    /**
     * The price axis width for the widest label seen so far: it only grows (a new magnitude or more decimals),
     * so the plot does not jitter. The last price label, with the most decimals, is usually the widest.
     */
    private double axisWidthNeeded(Geometry at) {
        String widest = PriceFormat.price(Math.max(Math.abs(prices.max()), Math.abs(prices.min())), decimals);
        int length = Math.max(widest.length(), priceAxis.ticks(at.plotHeight()).format(prices.max()).length());
        if (length > axisLabelLength) {
            axisLabelLength = length;
            return Math.max(at.axisWidth(), priceAxis.widthFor("8".repeat(length)));
        }
        return at.axisWidth();
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
