package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.scale.NiceTicks;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Timeframe;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.stage.Window;

/**
 * The default skin of {@link CandleChart}: canvases for candles, volume and crosshair, OpenJFX axes, labels and
 * the "Go live" button.
 *
 * <p>Drawing is driven by an {@link AnimationTimer}, so by the pulse: each pulse checks the chart's dirty flag,
 * the book's version and its own view flag, and draws at most one frame. The timer runs before the pulse's layout
 * pass, so the axes take their new ranges in the same pulse as the canvases. A frame reads the visible candles
 * under the book's read lock into {@link ChartFrame}, then paints without the lock.
 */
final class CandleChartSkin extends SkinBase<CandleChart> implements ChartInput.Target {

    private static final double VOLUME_SHARE = 0.2;
    private static final double PRICE_PADDING = 0.08;
    private static final double VOLUME_PADDING = 0.12;
    private static final double MIN_AXIS_WIDTH = 64;
    private static final double OVERLAY_LINE_WIDTH = 1.5;

    /** Identifies the series on screen: another book or timeframe is another series. */
    private record SeriesKey(CandleBook book, Timeframe timeframe) {
    }

    private final Canvas plot = canvas(ChartStyles.PLOT);
    private final Canvas volume = canvas(ChartStyles.VOLUME);
    private final Region surface = new Region();
    private final Line crosshairX = crosshairLine();
    private final Line crosshairY = crosshairLine();
    private final PriceAxis priceAxis = new PriceAxis();
    private final PriceAxis volumeAxis = new PriceAxis(PriceFormat::volume);
    private final TimeAxis timeAxis = new TimeAxis();
    private final ChartLabels labels = new ChartLabels();
    private final Button goLive = new Button("Go live \u21e5");
    private final ChartFrame frame = new ChartFrame();
    private final ChartInput input;
    private final AnimationTimer timer;
    private final LongSupplier clock = System::currentTimeMillis;

    private double plotWidth;
    private double plotHeight;
    private double volumeHeight;
    private double axisWidth = MIN_AXIS_WIDTH;
    private int axisLabelLength;
    private double scale = 1;
    private boolean viewDirty = true;
    private boolean crosshairDirty;
    private boolean writingBack;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private PriceScale prices = new PriceScale(0, 1, 1);
    private PriceScale volumes = new PriceScale(0, 1, 1);
    private int decimals = 2;
    private double decimalsPrice = Double.NaN;

    CandleChartSkin(CandleChart chart) {
        super(chart);
        priceAxis.getStyleClass().add(ChartStyles.PRICE_AXIS);
        volumeAxis.getStyleClass().add(ChartStyles.VOLUME_AXIS);
        timeAxis.getStyleClass().add(ChartStyles.TIME_AXIS);
        goLive.getStyleClass().add(ChartStyles.GO_LIVE);
        goLive.setFocusTraversable(false);
        goLive.setOnAction(e -> chart.goLive());
        goLive.visibleProperty().bind(chart.followLiveProperty().not());
        surface.getStyleClass().add(ChartStyles.CROSSHAIR);
        surface.setCursor(Cursor.CROSSHAIR);
        getChildren().addAll(plot, volume, priceAxis, volumeAxis, timeAxis, crosshairX, crosshairY, surface);
        getChildren().addAll(labels.nodes());
        getChildren().add(goLive);
        for (Node child : getChildren()) {
            child.setManaged(false);
        }
        input = new ChartInput(chart, surface, this);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        List<Observable> view = List.of(chart.bookProperty(), chart.timeframeProperty(), chart.showVolumeProperty(),
                chart.showSmaProperty(), chart.smaLengthProperty(), chart.showEmaProperty(),
                chart.emaLengthProperty(), chart.showBollingerProperty(), chart.bollingerLengthProperty(),
                chart.bollingerWidthProperty(), chart.barSpacingProperty());
        for (Observable property : view) {
            registerInvalidationListener(property, o -> viewChanged());
        }
        registerInvalidationListener(chart.rightOffsetProperty(), o -> rightOffsetChanged());
        for (Observable colour : chart.colors().all()) {
            registerInvalidationListener(colour, o -> viewChanged());
        }
        registerInvalidationListener(chart.showVolumeProperty(), o -> chart.requestLayout());
        registerChangeListener(chart.followLiveProperty(), o -> followLiveChanged());
        registerChangeListener(chart.sceneProperty(), o -> runWhileInScene());
        runWhileInScene();
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        timer.stop();
        input.dispose();
        goLive.visibleProperty().unbind();
        getChildren().clear();
        super.dispose();
    }

    @Override
    public Viewport currentView() {
        CandleChart chart = getSkinnable();
        double spacing = Viewport.clampSpacing(finiteOr(chart.getBarSpacing(), 8));
        return new Viewport(frame.viewport.count(), plotWidth, spacing, finiteOr(chart.getRightOffset(), 0))
                .clamped();
    }

    @Override
    public void show(Viewport view) {
        CandleChart chart = getSkinnable();
        chart.setBarSpacing(view.barSpacing());
        chart.setFollowLive(view.showsNewest());
        chart.setRightOffset(view.rightOffset());
    }

    @Override
    public void goLive() {
        getSkinnable().goLive();
    }

    @Override
    public void pointAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        crosshairDirty = true;
    }

    @Override
    public double plotLeft() {
        return snappedLeftInset();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        boolean showVolume = getSkinnable().isShowVolume();
        double timeHeight = timeAxis.labelRowHeight();
        double panes = Math.max(0, h - timeHeight);
        double newVolume = showVolume ? Math.round(panes * VOLUME_SHARE) : 0;
        double newWidth = Math.max(0, Math.floor(w - axisWidth));
        double newPlot = panes - newVolume;
        if (newWidth != plotWidth || newPlot != plotHeight || newVolume != volumeHeight) {
            plotWidth = newWidth;
            plotHeight = newPlot;
            volumeHeight = newVolume;
            viewDirty = true;
        }
        plot.relocate(x, y);
        plot.setWidth(plotWidth);
        plot.setHeight(plotHeight);
        volume.relocate(x, y + plotHeight);
        volume.setWidth(plotWidth);
        volume.setHeight(volumeHeight);
        volume.setVisible(showVolume);
        surface.resizeRelocate(x, y, plotWidth, panes);
        priceAxis.resizeRelocate(x + plotWidth, y, axisWidth, plotHeight);
        volumeAxis.resizeRelocate(x + plotWidth, y + plotHeight, axisWidth, volumeHeight);
        volumeAxis.setVisible(showVolume);
        timeAxis.resizeRelocate(x, y + panes, plotWidth, timeHeight);
        labels.legend.relocate(x + 8, y + 6);
        goLive.autosize();
        goLive.relocate(x + plotWidth - goLive.getWidth() - 12, y + plotHeight - goLive.getHeight() - 12);
        if (viewDirty) {
            // Drawn here, not at the next pulse, so a resized chart never shows a stretched or blank frame.
            drawFrame(System.nanoTime(), DirtyFlag.CLEAN);
        }
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + 800 + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + 500 + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 160 + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + 120 + bottom;
    }

    private void viewChanged() {
        if (!writingBack) {
            viewDirty = true;
        }
    }

    /** Scrolling back into history, by any means, stops following live. */
    private void rightOffsetChanged() {
        viewChanged();
        CandleChart chart = getSkinnable();
        if (!writingBack && chart.getRightOffset() < 0 && chart.isFollowLive()) {
            chart.setFollowLive(false);
        }
    }

    private void followLiveChanged() {
        viewChanged();
        if (getSkinnable().isFollowLive() && !currentView().showsNewest()) {
            getSkinnable().goLive();
        }
    }

    private void runWhileInScene() {
        if (getSkinnable().getScene() != null) {
            viewDirty = true;
            timer.start();
        } else {
            timer.stop();
        }
    }

    /** Once per pulse: draws a frame if anything changed, else at most the crosshair. */
    private void pulse(long now) {
        CandleChart chart = getSkinnable();
        double renderScale = renderScale();
        if (renderScale != scale) {
            scale = renderScale;
            viewDirty = true;
        }
        CandleBook book = chart.getBook();
        if (book != null) {
            labels.countdown(countdownMillis(chart.getTimeframe()));
        }
        boolean bookChanged = book != null && book.version() != frame.version;
        if (chart.dirty().isSet() || bookChanged || viewDirty) {
            drawFrame(now, chart.dirty().take());
        } else if (crosshairDirty) {
            crosshairDirty = false;
            if (book != null && frame.range.count() > 0) {
                book.read(chart.getTimeframe(), columns -> {
                    frame.readLegend(columns, pointerInPanes() ? pointerX : Double.NaN);
                    return null;
                });
            }
            showLegend();
            paintCrosshair();
        }
    }

    private void drawFrame(long pulseNanos, long received) {
        if (plotWidth <= 0 || plotHeight <= 0) {
            viewDirty = true;
            return;
        }
        long start = System.nanoTime();
        viewDirty = false;
        crosshairDirty = false;
        CandleChart chart = getSkinnable();
        CandleBook book = chart.getBook();
        Timeframe timeframe = chart.getTimeframe();
        ChartFrame.Request request = new ChartFrame.Request(plotWidth,
                Viewport.clampSpacing(finiteOr(chart.getBarSpacing(), 8)), finiteOr(chart.getRightOffset(), 0),
                chart.isFollowLive(), new SeriesKey(book, timeframe), book == null ? 0 : book.version(),
                timeframe.millis(), overlaySettings(chart), pointerInPanes() ? pointerX : Double.NaN);
        if (book != null && book.timeframes().contains(timeframe)) {
            book.read(timeframe, columns -> {
                frame.read(columns, request);
                return null;
            });
        } else {
            frame.clear(request);
        }
        writeBack(chart);
        paint(chart);
        long end = System.nanoTime();
        chart.frameStats().recordFrame(pulseNanos, end - start);
        if (received != DirtyFlag.CLEAN) {
            chart.frameStats().recordTickToPixel(end - received);
        }
    }

    /** The frame may have clamped the view or moved it for new candles: the properties follow, quietly. */
    private void writeBack(CandleChart chart) {
        writingBack = true;
        try {
            chart.setBarSpacing(frame.viewport.barSpacing());
            chart.setRightOffset(frame.viewport.rightOffset());
            chart.setVisibleRange(frame.range);
        } finally {
            writingBack = false;
        }
    }

    private void paint(CandleChart chart) {
        ChartColors colors = chart.colors();
        BarGeometry g = new BarGeometry(scale, frame.bars.slotWidth());
        chooseDecimals();
        prices = PriceScale.fit(frame.low, frame.high, plotHeight, PRICE_PADDING);
        priceAxis.setRange(prices.min(), prices.max());
        fitAxisWidth();
        timeAxis.setTicks(frame.viewport.firstIndex(), frame.viewport.lastIndex(), frame.timeTicks);
        NiceTicks priceTicks = priceAxis.ticks(plotHeight);

        GraphicsContext gc = plot.getGraphicsContext2D();
        gc.clearRect(0, 0, plotWidth, plotHeight);
        PlotPainter.grid(gc, g, plotWidth, plotHeight, prices, priceTicks, frame.viewport, frame.timeTicks,
                colors.grid.get());
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
            PlotPainter.priceLine(gc, g, plotWidth, prices, frame.newestClose,
                    newestUp ? colors.candleUp.get() : colors.candleDown.get());
        }
        paintVolume(chart, g);
        labels.lastPrice(snappedLeftInset() + plotWidth, axisWidth, snappedTopInset(), plotHeight,
                prices.y(frame.newestClose), frame.newestClose, newestUp, decimals);
        showLegend();
        paintCrosshair();
    }

    private void paintVolume(CandleChart chart, BarGeometry g) {
        if (!chart.isShowVolume() || volumeHeight <= 0) {
            return;
        }
        ChartColors colors = chart.colors();
        volumes = PriceScale.fromZero(frame.maxVolume, volumeHeight, VOLUME_PADDING);
        volumeAxis.setRange(0, volumes.max());
        GraphicsContext gc = volume.getGraphicsContext2D();
        gc.clearRect(0, 0, plotWidth, volumeHeight);
        PlotPainter.grid(gc, g, plotWidth, volumeHeight, null, null, frame.viewport, frame.timeTicks,
                colors.grid.get());
        gc.setFill(colors.grid.get());
        gc.fillRect(0, 0, plotWidth, g.logical(1));
        VolumePainter.bars(gc, g, frame.bars, volumes, volumeHeight, true, colors.volumeUp.get());
        VolumePainter.bars(gc, g, frame.bars, volumes, volumeHeight, false, colors.volumeDown.get());
    }

    /**
     * Moves the crosshair lines and labels. They are nodes, not a canvas over the panes: moving them repaints
     * only the few pixels they cover, and a full-size transparent canvas would cost a blend of the whole plot
     * every frame on the software pipeline.
     */
    private void paintCrosshair() {
        CandleChart chart = getSkinnable();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        boolean shown = pointerInPanes();
        crosshairX.setVisible(shown);
        crosshairY.setVisible(shown);
        if (!shown) {
            labels.crosshairValue(null, 0, 0, 0);
            labels.crosshairTime(Long.MIN_VALUE, 0, 0, 0, 0, 0);
            return;
        }
        int index = frame.viewport.candleAt(pointerX);
        double x = index >= 0 ? frame.viewport.x(index + 0.5) : pointerX;
        BarGeometry g = new BarGeometry(scale, 1);
        double lineX = left + g.lineCentre((int) Math.floor(x * scale));
        double lineY = top + g.lineCentre((int) Math.floor(pointerY * scale));
        crosshairX.setStrokeWidth(g.logical(1));
        crosshairY.setStrokeWidth(g.logical(1));
        setLine(crosshairX, lineX, top, lineX, top + plotHeight + volumeHeight);
        setLine(crosshairY, left, lineY, left + plotWidth, lineY);
        String value = pointerY < plotHeight ? PriceFormat.price(prices.value(pointerY), decimals)
                : PriceFormat.volume(volumes.value(pointerY - plotHeight));
        labels.crosshairValue(value, left + plotWidth, axisWidth, top + pointerY);
        long time = index >= 0 && frame.legend.index == index ? frame.legend.time : Long.MIN_VALUE;
        labels.crosshairTime(time, chart.getTimeframe().millis(), left + x, top + plotHeight + volumeHeight, left,
                left + plotWidth);
    }

    private void showLegend() {
        CandleChart chart = getSkinnable();
        CandleBook book = chart.getBook();
        labels.legend(book == null ? null : book.symbol(), chart.getTimeframe().label(), frame.legend,
                frame.overlaysShown ? frame.overlays.settings() : null, decimals);
    }

    /**
     * Widens the price axis when its widest label grew (a new magnitude or more decimals); never narrows it, so
     * the plot does not jitter. The last price label, with the most decimals, is usually the widest.
     */
    private void fitAxisWidth() {
        NiceTicks ticks = priceAxis.ticks(plotHeight);
        String widest = PriceFormat.price(Math.max(Math.abs(prices.max()), Math.abs(prices.min())), decimals);
        int length = Math.max(widest.length(), ticks.format(prices.max()).length());
        if (length <= axisLabelLength) {
            return;
        }
        axisLabelLength = length;
        double needed = priceAxis.widthFor("8".repeat(length));
        if (needed > axisWidth) {
            axisWidth = needed;
            getSkinnable().requestLayout();
        }
    }

    /**
     * Picks the price decimals from the newest close, and keeps them until the price halves or doubles, so that
     * labels do not change format (and the axis width) each time a price crosses a power of ten.
     */
    private void chooseDecimals() {
        double price = Math.abs(frame.newestClose);
        if (!(price > 0) || !Double.isFinite(price)) {
            return;
        }
        if (Double.isNaN(decimalsPrice) || price > decimalsPrice * 2 || price < decimalsPrice / 2) {
            decimalsPrice = price;
            decimals = PriceFormat.decimalsFor(price);
        }
    }

    private boolean pointerInPanes() {
        return pointerX >= 0 && pointerX <= plotWidth && pointerY >= 0 && pointerY <= plotHeight + volumeHeight;
    }

    private long countdownMillis(Timeframe timeframe) {
        long now = clock.getAsLong();
        return timeframe.bucketStart(now) + timeframe.millis() - now;
    }

    private double renderScale() {
        Window window = getSkinnable().getScene() == null ? null : getSkinnable().getScene().getWindow();
        return window == null ? 1 : window.getRenderScaleX();
    }

    private static Overlays.Settings overlaySettings(CandleChart chart) {
        if (!chart.isShowSma() && !chart.isShowEma() && !chart.isShowBollinger()) {
            return null;
        }
        return new Overlays.Settings(chart.isShowSma(), Math.max(1, chart.getSmaLength()), chart.isShowEma(),
                Math.max(1, chart.getEmaLength()), chart.isShowBollinger(), Math.max(1, chart.getBollingerLength()),
                Math.max(0, finiteOr(chart.getBollingerWidth(), 2)));
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
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
