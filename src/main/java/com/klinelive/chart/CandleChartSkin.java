package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The default skin of {@link CandleChart}: canvases for candles and volume (each a history and a live layer),
 * OpenJFX axes, labels, crosshair lines and the "Go live" button, laid out by hand; {@link FramePainter} paints
 * them.
 *
 * <p>Drawing is driven by an {@link AnimationTimer}, so by the pulse: each pulse checks the chart's dirty flag,
 * the book's version and its own view flag, and draws at most one frame. The timer runs before the pulse's layout
 * pass, so the axes take their new ranges in the same pulse as the canvases. A frame reads the visible candles
 * under the book's read lock into {@link ChartFrame}, then paints without the lock. Every child is unmanaged, so
 * new label texts re-lay out nothing beyond the chart.
 */
final class CandleChartSkin extends SkinBase<CandleChart> implements ChartInput.Target {

    private static final double VOLUME_SHARE = 0.2;
    private static final double MIN_AXIS_WIDTH = 64;

    /** Identifies the series on screen: another book or timeframe is another series. */
    private record SeriesKey(CandleBook book, Timeframe timeframe) {}

    private final FramePainter painter = new FramePainter();
    private final Region surface = new Region();
    private final Button goLive = new Button("Go live \u21e5");
    private final ChartFrame frame = new ChartFrame();
    private final List<Node> nodes = new ArrayList<>();
    private final ChartInput input;
    private final AnimationTimer timer;

    private FramePainter.Geometry geometry = new FramePainter.Geometry(0, 0, 0, 0, 0, MIN_AXIS_WIDTH, 1);
    private boolean viewDirty = true;
    private boolean crosshairDirty;
    private boolean writingBack;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    CandleChartSkin(CandleChart chart) {
        super(chart);
        goLive.getStyleClass().add(ChartStyles.GO_LIVE);
        goLive.setFocusTraversable(false);
        goLive.setOnAction(e -> chart.goLive());
        goLive.visibleProperty().bind(chart.followLiveProperty().not());
        surface.getStyleClass().add(ChartStyles.CROSSHAIR);
        surface.setCursor(Cursor.CROSSHAIR);
        nodes.addAll(painter.panes());
        nodes.addAll(List.of(
                painter.priceAxis,
                painter.volumeAxis,
                painter.timeAxis,
                painter.crosshairX,
                painter.crosshairY,
                surface));
        nodes.addAll(painter.labels.nodes());
        nodes.add(goLive);
        for (Node child : nodes) {
            child.setManaged(false);
        }
        getChildren().addAll(nodes);
        input = new ChartInput(chart, surface, this);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        List<Observable> view = List.of(
                chart.bookProperty(),
                chart.timeframeProperty(),
                chart.showVolumeProperty(),
                chart.showSmaProperty(),
                chart.smaLengthProperty(),
                chart.showEmaProperty(),
                chart.emaLengthProperty(),
                chart.showBollingerProperty(),
                chart.bollingerLengthProperty(),
                chart.bollingerWidthProperty(),
                chart.barSpacingProperty());
        for (Observable property : view) {
            registerInvalidationListener(property, o -> viewChanged());
        }
        for (Observable colour : chart.colors().all()) {
            registerInvalidationListener(colour, o -> viewChanged());
        }
        registerInvalidationListener(chart.rightOffsetProperty(), o -> rightOffsetChanged());
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
        // Only our own nodes: a replacing skin is built, and has added its nodes, before this one is disposed.
        getChildren().removeAll(nodes);
        super.dispose();
    }

    @Override
    public Viewport currentView() {
        CandleChart chart = getSkinnable();
        return new Viewport(frame.viewport.count(), geometry.plotWidth(), spacing(chart), offset(chart)).clamped();
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
        return geometry.left();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        boolean showVolume = getSkinnable().isShowVolume();
        double axisWidth = geometry.axisWidth();
        double timeHeight = painter.timeAxis.labelRowHeight();
        double panes = Math.max(0, h - timeHeight);
        double volumeHeight = showVolume ? Math.round(panes * VOLUME_SHARE) : 0;
        FramePainter.Geometry at = new FramePainter.Geometry(
                x,
                y,
                Math.max(0, Math.floor(w - axisWidth)),
                panes - volumeHeight,
                volumeHeight,
                axisWidth,
                geometry.scale());
        if (!at.equals(geometry)) {
            geometry = at;
            viewDirty = true;
        }
        double plotWidth = at.plotWidth();
        double plotHeight = at.plotHeight();
        painter.plot.relocate(x, y);
        painter.plot.setWidth(plotWidth);
        painter.plot.setHeight(plotHeight);
        painter.volume.relocate(x, y + plotHeight);
        painter.volume.setWidth(plotWidth);
        painter.volume.setHeight(volumeHeight);
        painter.volume.setVisible(showVolume);
        surface.resizeRelocate(x, y, plotWidth, panes);
        painter.priceAxis.resizeRelocate(x + plotWidth, y, axisWidth, plotHeight);
        painter.volumeAxis.resizeRelocate(x + plotWidth, y + plotHeight, axisWidth, volumeHeight);
        painter.volumeAxis.setVisible(showVolume);
        painter.timeAxis.resizeRelocate(x, y + panes, plotWidth, timeHeight);
        painter.labels.legend.relocate(x + 8, y + 6);
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

    /** Once per pulse: draws a frame if anything changed, else at most the crosshair; ticks the countdown. */
    private void pulse(long now) {
        CandleChart chart = getSkinnable();
        double scale = renderScale();
        if (scale != geometry.scale()) {
            geometry = new FramePainter.Geometry(
                    geometry.left(),
                    geometry.top(),
                    geometry.plotWidth(),
                    geometry.plotHeight(),
                    geometry.volumeHeight(),
                    geometry.axisWidth(),
                    scale);
            viewDirty = true;
        }
        CandleBook book = chart.getBook();
        Timeframe timeframe = chart.getTimeframe();
        long wallClock = System.currentTimeMillis();
        painter.labels.countdown(timeframe.bucketStart(wallClock) + timeframe.millis() - wallClock);
        boolean bookChanged = book != null && book.version() != frame.version;
        if (chart.dirty().isSet() || bookChanged || viewDirty) {
            drawFrame(now, chart.dirty().take());
        } else if (crosshairDirty) {
            crosshairDirty = false;
            if (book != null && frame.range.count() > 0) {
                book.read(timeframe, columns -> {
                    frame.readLegend(columns, legendX());
                    return null;
                });
            }
            painter.legend(chart, frame);
            painter.crosshair(chart, frame, geometry, pointerX, pointerY);
        }
    }

    private void drawFrame(long pulseNanos, long received) {
        if (geometry.plotWidth() <= 0 || geometry.plotHeight() <= 0) {
            viewDirty = true;
            return;
        }
        long start = System.nanoTime();
        boolean whole = viewDirty;
        viewDirty = false;
        crosshairDirty = false;
        CandleChart chart = getSkinnable();
        CandleBook book = chart.getBook();
        Timeframe timeframe = chart.getTimeframe();
        ChartFrame.Request request = new ChartFrame.Request(
                geometry.plotWidth(),
                spacing(chart),
                offset(chart),
                chart.isFollowLive(),
                new SeriesKey(book, timeframe),
                book == null ? 0 : book.version(),
                timeframe.millis(),
                overlaySettings(chart),
                legendX());
        if (book != null && book.timeframes().contains(timeframe)) {
            book.read(timeframe, columns -> {
                frame.read(columns, request);
                return null;
            });
        } else {
            frame.clear(request);
        }
        writeBack(chart);
        boolean repainted = painter.paint(chart, frame, geometry, pointerX, pointerY, whole);
        double axisWidth = painter.axisWidthNeeded(geometry);
        if (axisWidth > geometry.axisWidth()) {
            geometry = new FramePainter.Geometry(
                    geometry.left(),
                    geometry.top(),
                    geometry.plotWidth(),
                    geometry.plotHeight(),
                    geometry.volumeHeight(),
                    axisWidth,
                    geometry.scale());
            chart.requestLayout();
        }
        long end = System.nanoTime();
        chart.frameStats().recordFrame(pulseNanos, end - start, repainted);
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

    /** The pointer's plot x if it is over the panes (the legend shows that candle), else NaN (the newest). */
    private double legendX() {
        return geometry.contains(pointerX, pointerY) ? pointerX : Double.NaN;
    }

    private double renderScale() {
        Window window = getSkinnable().getScene() == null
                ? null
                : getSkinnable().getScene().getWindow();
        return window == null ? 1 : window.getRenderScaleX();
    }

    private static double spacing(CandleChart chart) {
        double spacing = chart.getBarSpacing();
        return Viewport.clampSpacing(Double.isFinite(spacing) ? spacing : 8);
    }

    private static double offset(CandleChart chart) {
        double offset = chart.getRightOffset();
        return Double.isFinite(offset) ? offset : 0;
    }

    private static Overlays.Settings overlaySettings(CandleChart chart) {
        if (!chart.isShowSma() && !chart.isShowEma() && !chart.isShowBollinger()) {
            return null;
        }
        double width = chart.getBollingerWidth();
        return new Overlays.Settings(
                chart.isShowSma(),
                Math.max(1, chart.getSmaLength()),
                chart.isShowEma(),
                Math.max(1, chart.getEmaLength()),
                chart.isShowBollinger(),
                Math.max(1, chart.getBollingerLength()),
                Double.isFinite(width) ? Math.max(0, width) : 2);
    }
}
