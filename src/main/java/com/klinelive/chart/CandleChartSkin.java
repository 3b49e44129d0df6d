package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.drawing.Anchor;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingView;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.PaneLayout;
import com.klinelive.chart.scale.PriceScale;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.chart.scale.Viewport;
import com.klinelive.fx.FxTimer;
import com.klinelive.model.Timeframe;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The default skin of {@link CandleChart}: the price pane and a pane per indicator that is not an overlay (each
 * a history and a live canvas with a value axis), the time axis, labels, crosshair lines and the "Go live" button,
 * laid out by hand; {@link FramePainter} paints them. The panes follow the chart's studies: a study added, removed
 * or moved rebuilds the pane list, a study edited in place only repaints.
 *
 * <p>Drawing is driven by the pulse ({@link PulseDriver}): each pulse checks the chart's dirty flag, the book's
 * version and its own view flags, and draws at most one frame. The driver's timer runs before the pulse's layout
 * pass, so the axes take their new ranges in the same pulse as the canvases; it stops after a pulse with nothing
 * to do (so an idle chart keeps JavaFX from pulsing at all) and sleeps until a mark, a view change or a timed
 * wake-up: the countdown's next second, the legend's next update. While the chart is not showing
 * ({@link ChartShowing}) the driver is parked: nothing is drawn or laid out, marks only set the flag. A frame
 * reads the visible candles under the book's read lock into {@link ChartFrame}, then paints without the lock.
 * Every child is unmanaged, so new label texts re-lay out nothing beyond the chart.
 *
 * <p>Long because it is where the chart's nodes, its pulse and its view state meet: building the panes, laying
 * them out and deciding per pulse what to draw. What they do is in classes of their own: painting
 * ({@link FramePainter}), input ({@link ChartInput}), drawings ({@link DrawingEditor}), labels
 * ({@link ChartLabels}), the scroll-back edge ({@link ScrollBackEdge}) and the pulse ({@link PulseDriver}).
 */
final class CandleChartSkin extends SkinBase<CandleChart> implements ChartInput.Target, DrawingEditor.Target {

    private static final double MIN_AXIS_WIDTH = 64;

    /** Dragging the price axis this many pixels down shows e (2.7) times the range. */
    private static final double PRICE_STRETCH_PIXELS = 150;

    /** Identifies the series on screen: another book or timeframe is another series. */
    private record SeriesKey(CandleBook book, Timeframe timeframe) {}

    private final ChartLabels labels = new ChartLabels(this::edit, this::remove);
    private final FramePainter painter = new FramePainter(labels);
    private final Region surface = new Region();
    private final Button goLive = new Button();
    private final ChartFrame frame = new ChartFrame();
    private final List<PaneView> panes = new ArrayList<>();
    private final DrawingLayer drawingLayer = new DrawingLayer();
    private final ScrollBackEdge scrollBack;
    private final DrawingEditor editor;
    private final ListChangeListener<Drawing> drawingsChanged = c -> pending();
    private final TimeMarkLayer timeMarks = new TimeMarkLayer();
    private final ListChangeListener<TimeMark> timeMarksChanged = c -> pending();
    private final ListChangeListener<PriceLevel> priceLevelsChanged = c -> pending();
    private final EventHandler<MouseEvent> overTimeAxis = e -> timeMarks.hover(e.getX());
    private final EventHandler<MouseEvent> offTimeAxis = e -> timeMarks.hover(Double.NaN);
    private final List<Node> nodes = new ArrayList<>();
    private final ChartInput input;
    private final PulseDriver driver;
    private final Runnable wake;
    private final ChartShowing showing;
    /** The next timed wake-up (countdown, legend), or null; and when it is due, in nanoTime. */
    private FxTimer.Scheduled timedWake;

    private long timedWakeAt;
    private final ListChangeListener<Study> studiesChanged = c -> studiesChanged();

    private FramePainter.Geometry geometry =
            new FramePainter.Geometry(0, 0, 0, 0, MIN_AXIS_WIDTH, 1, PaneLayout.of(0, new double[0]));
    private boolean viewDirty = true;
    private ChartMessages messages;
    private TimeLabels timeLabels = TimeLabels.UTC;
    /** A frame is due though neither the book nor the view changed (drawings, selection). */
    private boolean framePending;

    private int dividerDrag = -1;
    /** The price range the user set, null while auto-fit is on. */
    private PriceScale manualPrices;

    private PriceScale priceDragStart;
    private PaneLayout dividerLayout;
    private boolean crosshairDirty;
    private boolean writingBack;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    CandleChartSkin(CandleChart chart) {
        super(chart);
        driver = new PulseDriver(
                this::pulse,
                () -> getSkinnable() != null && getSkinnable().dirty().isSet());
        wake = driver::wake;
        scrollBack = new ScrollBackEdge(wake);
        goLive.getStyleClass().add(ChartStyles.GO_LIVE);
        goLive.setFocusTraversable(false);
        goLive.setOnAction(e -> chart.goLive());
        goLive.visibleProperty().bind(chart.followLiveProperty().not());
        surface.getStyleClass().add(ChartStyles.CROSSHAIR);
        surface.setCursor(Cursor.CROSSHAIR);
        panes.add(PaneView.price());
        languageChanged();
        buildPanes();
        editor = new DrawingEditor(chart, this);
        input = new ChartInput(chart, surface, panes.get(0).axis, this, editor);
        chart.getDrawings().addListener(drawingsChanged);
        chart.getTimeMarks().addListener(timeMarksChanged);
        chart.getPriceLevels().addListener(priceLevelsChanged);
        painter.timeAxis.addEventHandler(MouseEvent.MOUSE_MOVED, overTimeAxis);
        painter.timeAxis.addEventHandler(MouseEvent.MOUSE_EXITED, offTimeAxis);
        List<Observable> view = List.of(
                chart.bookProperty(), chart.timeframeProperty(), chart.barSpacingProperty(), chart.chartTypeProperty());
        registerChangeListener(chart.scaleModeProperty(), o -> {
            manualPrices = null;
            chart.setAutoFit(true);
            viewChanged();
        });
        registerChangeListener(chart.autoFitProperty(), o -> {
            // Off: the range stays where the last frame fitted it.
            manualPrices = chart.isAutoFit() ? null : panes.get(0).scale;
            viewChanged();
        });
        for (Observable property : view) {
            registerInvalidationListener(property, o -> viewChanged());
        }
        for (Observable colour : chart.colors().all()) {
            registerInvalidationListener(colour, o -> viewChanged());
        }
        registerInvalidationListener(chart.rightOffsetProperty(), o -> rightOffsetChanged());
        registerInvalidationListener(chart.linkedTimeProperty(), o -> crosshairDirty = true);
        chart.getStudies().addListener(studiesChanged);
        registerChangeListener(chart.followLiveProperty(), o -> followLiveChanged());
        registerChangeListener(chart.localeProperty(), o -> languageChanged());
        registerChangeListener(chart.zoneProperty(), o -> {
            timeLabels = messages.timeLabels(zone(chart));
            viewChanged();
        });
        showing = new ChartShowing(chart, this::showingChanged);
        chart.onDirty(wake);
        showingChanged();
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        driver.park();
        cancelTimedWake();
        showing.dispose();
        getSkinnable().offDirty(wake);
        input.dispose();
        getSkinnable().getStudies().removeListener(studiesChanged);
        getSkinnable().getDrawings().removeListener(drawingsChanged);
        getSkinnable().getTimeMarks().removeListener(timeMarksChanged);
        getSkinnable().getPriceLevels().removeListener(priceLevelsChanged);
        painter.timeAxis.removeEventHandler(MouseEvent.MOUSE_MOVED, overTimeAxis);
        painter.timeAxis.removeEventHandler(MouseEvent.MOUSE_EXITED, offTimeAxis);
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
        driver.wake();
    }

    @Override
    public double plotLeft() {
        return geometry.left();
    }

    @Override
    public int dividerAt(double y) {
        return geometry.layout().dividerAt(y, ChartInput.DIVIDER_GRIP);
    }

    @Override
    public void beginDividerDrag(int divider) {
        dividerDrag = divider;
        dividerLayout = geometry.layout();
    }

    @Override
    public boolean overPrices(double y) {
        return y >= 0 && y < geometry.plotHeight();
    }

    @Override
    public List<DrawingView> drawingViews() {
        return drawingLayer.views();
    }

    @Override
    public Anchor anchorAt(double x, double y, boolean magnet) {
        CandleChart chart = getSkinnable();
        return DrawingPlacement.anchorAt(
                chart.getBook(), chart.getTimeframe(), frame.viewport, panes.get(0).scale, x, y, magnet);
    }

    @Override
    public double[] pixelOf(Anchor anchor) {
        CandleChart chart = getSkinnable();
        return DrawingPlacement.pixelOf(
                chart.getBook(), chart.getTimeframe(), frame.viewport, panes.get(0).scale, anchor);
    }

    @Override
    public void selectionChanged() {
        pending();
    }

    @Override
    public void beginPriceDrag() {
        priceDragStart = panes.get(0).scale;
    }

    @Override
    public void stretchPrices(double dy) {
        if (priceDragStart == null) {
            return;
        }
        setManualPrices(priceDragStart.stretched(Math.exp(dy / PRICE_STRETCH_PIXELS)));
    }

    @Override
    public boolean panPrices(double dy) {
        if (getSkinnable().isAutoFit() || priceDragStart == null) {
            return false;
        }
        setManualPrices(priceDragStart.shifted(dy));
        return true;
    }

    @Override
    public void resetPrices() {
        getSkinnable().setAutoFit(true);
    }

    private void setManualPrices(PriceScale scale) {
        getSkinnable().setAutoFit(false);
        manualPrices = scale;
        viewDirty = true;
        driver.wake();
    }

    /** Gives the panes around the divider their new shares, in the studies, which the chart remembers. */
    @Override
    public void dragDivider(double dy) {
        if (dividerLayout == null || dividerDrag < 1 || dividerLayout.count() != panes.size()) {
            return;
        }
        double[] shares = dividerLayout.dragged(dividerDrag, dy, geometry.height(), Study.MIN_SHARE, Study.MAX_SHARE);
        List<Study> studies = getSkinnable().getStudies();
        for (int k = 1; k < panes.size(); k++) {
            int at = indexOf(panes.get(k).study);
            if (at >= 0 && studies.get(at).paneShare() != shares[k - 1]) {
                studies.set(at, studies.get(at).withPaneShare(shares[k - 1]));
            }
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double axisWidth = geometry.axisWidth();
        double timeHeight = painter.timeAxis.labelRowHeight();
        double height = Math.max(0, h - timeHeight);
        FramePainter.Geometry at = new FramePainter.Geometry(
                x,
                y,
                Math.max(0, Math.floor(w - axisWidth)),
                height,
                axisWidth,
                geometry.scale(),
                PaneLayout.of(height, shares()));
        if (!at.equals(geometry)) {
            geometry = at;
            viewDirty = true;
        }
        double plotWidth = at.plotWidth();
        for (int k = 0; k < panes.size(); k++) {
            PaneView pane = panes.get(k);
            double top = y + at.layout().top(k);
            double paneHeight = at.layout().height(k);
            pane.axis.resizeRelocate(x + plotWidth, top, axisWidth, paneHeight);
            if (pane.legend != null) {
                pane.legend.relocate(x + 8, top + 4);
            }
        }
        surface.resizeRelocate(x, y, plotWidth, height);
        painter.timeAxis.resizeRelocate(x, y + height, plotWidth, timeHeight);
        labels.zone.resizeRelocate(x + plotWidth, y + height, axisWidth, timeHeight);
        labels.legend.relocate(x + 8, y + 6);
        goLive.autosize();
        goLive.relocate(x + plotWidth - goLive.getWidth() - 12, y + at.plotHeight() - goLive.getHeight() - 12);
        if (viewDirty && showing.isShowing()) {
            // Drawn here, not at the next pulse, so a resized chart never shows a stretched or blank frame.
            drawFrame(System.nanoTime(), DirtyFlag.CLEAN);
        }
    }

    /** The panes' shares of the height, from the studies that have panes, top to bottom. */
    private double[] shares() {
        double[] shares = new double[panes.size() - 1];
        for (int k = 1; k < panes.size(); k++) {
            shares[k - 1] = panes.get(k).study.paneShare();
        }
        return shares;
    }

    /**
     * The studies changed: the panes follow their kinds and order, reusing a pane whose slot keeps its kind (an
     * edited study, a dragged divider), and the next frame repaints everything.
     */
    private void studiesChanged() {
        List<Study> paneStudies = paneStudies();
        boolean sameKinds = paneStudies.size() == panes.size() - 1;
        for (int k = 0; sameKinds && k < paneStudies.size(); k++) {
            sameKinds = paneStudies.get(k).indicator() == panes.get(k + 1).indicator;
        }
        if (sameKinds) {
            for (int k = 0; k < paneStudies.size(); k++) {
                panes.get(k + 1).study = paneStudies.get(k);
            }
        } else {
            buildPanes();
        }
        viewDirty = true;
        driver.wake();
        getSkinnable().requestLayout();
    }

    private List<Study> paneStudies() {
        return getSkinnable().getStudies().stream().filter(Study::inPane).toList();
    }

    /** How many of the studies have a pane of their own; every frame asks, so a loop rather than a stream. */
    private int paneStudyCount() {
        int count = 0;
        for (Study study : getSkinnable().getStudies()) {
            count += study.inPane() ? 1 : 0;
        }
        return count;
    }

    /** Makes one pane per study that is not an overlay and puts every node in paint order. */
    private void buildPanes() {
        getChildren().removeAll(nodes);
        nodes.clear();
        PaneView price = panes.get(0);
        panes.clear();
        panes.add(price);
        for (Study study : paneStudies()) {
            PaneView pane = PaneView.of(study, labels.newStudyLegend());
            pane.volumeUnits(messages.volumeUnits());
            panes.add(pane);
        }
        for (PaneView pane : panes) {
            nodes.addAll(pane.canvases());
        }
        nodes.add(drawingLayer.canvas);
        nodes.add(painter.priceLine.canvas);
        for (PaneView pane : panes) {
            nodes.add(pane.axis);
        }
        nodes.addAll(List.of(painter.timeAxis, timeMarks.canvas, painter.crosshairX, painter.crosshairY, surface));
        for (PaneView pane : panes.subList(1, panes.size())) {
            nodes.add(pane.legend);
        }
        nodes.addAll(labels.nodes());
        nodes.add(timeMarks.tip);
        nodes.add(scrollBack.mark);
        nodes.add(goLive);
        for (Node child : nodes) {
            child.setManaged(false);
        }
        getChildren().addAll(nodes);
    }

    /**
     * The chart's language changed: every text follows, the button and tooltips at once, the legend, the axis
     * labels and the values' units with the frame drawn for it.
     */
    private void languageChanged() {
        CandleChart chart = getSkinnable();
        messages = chart.messages();
        timeLabels = messages.timeLabels(zone(chart));
        goLive.setText(messages.get("go-live"));
        scrollBack.language(messages);
        labels.language(messages);
        for (PaneView pane : panes) {
            pane.volumeUnits(messages.volumeUnits());
            if (pane.legend != null) {
                pane.legend.language(messages);
            }
        }
        viewChanged();
        chart.requestLayout();
    }

    private static ZoneId zone(CandleChart chart) {
        ZoneId zone = chart.getZone();
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /** Opens the settings of {@code study}, if it is still on the chart. */
    private void edit(Study study) {
        int at = indexOf(study);
        if (at >= 0) {
            StudyDialog.edit(getSkinnable(), at);
        }
    }

    /** Takes {@code study} off the chart; its pane closes. */
    private void remove(Study study) {
        int at = indexOf(study);
        if (at >= 0) {
            getSkinnable().getStudies().remove(at);
        }
    }

    private int indexOf(Study study) {
        List<Study> studies = getSkinnable().getStudies();
        for (int i = 0; i < studies.size(); i++) {
            if (studies.get(i) == study) {
                return i;
            }
        }
        return -1;
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
            driver.wake();
            scrollBack.userMoved();
        }
    }

    /** A frame is due though neither the book nor the view changed (drawings, selection). */
    private void pending() {
        framePending = true;
        driver.wake();
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

    /**
     * The chart was shown or hidden, or its window's scale changed. Hidden, the driver parks; shown again, the next
     * pulse draws what changed meanwhile, and the ticks marked while hidden count their latency from now: nobody
     * could see them before.
     */
    private void showingChanged() {
        CandleChart chart = getSkinnable();
        if (chart == null) {
            return;
        }
        if (!showing.isShowing()) {
            driver.park();
            cancelTimedWake();
            return;
        }
        if (driver.isParked()) {
            if (chart.dirty().take() != DirtyFlag.CLEAN) {
                chart.dirty().mark(System.nanoTime());
            }
            driver.unpark();
        }
        driver.wake();
    }

    /**
     * Once per pulse: draws a frame if anything changed, else at most the crosshair; ticks the countdown.
     *
     * @return whether to pulse again: something is still to do; otherwise the driver sleeps until a mark, a view
     *     change, or the timed wake-up set here
     */
    private boolean pulse(long now) {
        CandleChart chart = getSkinnable();
        double scale = showing.renderScale();
        if (scale != geometry.scale()) {
            geometry = geometry.withScale(scale);
            viewDirty = true;
        }
        CandleBook book = chart.getBook();
        Timeframe timeframe = chart.getTimeframe();
        long wallClock = System.currentTimeMillis();
        long closesIn = timeframe.bucketStart(wallClock) + timeframe.millis() - wallClock;
        painter.labels.countdown(closesIn);
        painter.labels.zone(zone(chart), wallClock);
        boolean bookChanged = book != null && book.version() != frame.version;
        if (chart.dirty().isSet() || bookChanged || viewDirty || framePending || scrollBack.answerWaiting()) {
            drawFrame(now, chart.dirty().take());
        } else if (crosshairDirty) {
            crosshairDirty = false;
            if (book != null && frame.range.count() > 0) {
                book.read(timeframe, columns -> {
                    frame.readLegend(columns, legendX());
                    return null;
                });
            }
            painter.legends.legend(chart, frame, panes, painter.decimals());
            showCrosshair(chart);
        } else if (painter.legends.legendStale() && painter.legends.legendDue(System.nanoTime())) {
            painter.legends.legend(chart, frame, panes, painter.decimals());
        }
        boolean drawable = geometry.plotWidth() > 0 && geometry.plotHeight() > 0;
        if (chart.dirty().isSet() || framePending || crosshairDirty || viewDirty && drawable) {
            return true;
        }
        long next = Long.MAX_VALUE;
        if (painter.labels.countdown.isVisible()) {
            // Its text changes at whole seconds before the close, which are whole seconds of the wall clock: a little
            // after, with the app's once-a-second timers (FxTimer.every), so that their changes show in one frame.
            next = ((closesIn - 1) % 1000 + 1 + FxTimer.LAG_MILLIS) * 1_000_000L;
        }
        if (painter.legends.legendStale()) {
            next = Math.min(next, painter.legends.legendDueIn(System.nanoTime()));
        }
        wakeIn(next);
        return false;
    }

    /** Wakes the driver {@code nanos} from now, unless an earlier wake-up is set; MAX_VALUE for none. */
    private void wakeIn(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return;
        }
        long at = System.nanoTime() + Math.max(0, nanos);
        if (timedWake != null && timedWakeAt - at <= 0) {
            return;
        }
        cancelTimedWake();
        timedWakeAt = at;
        timedWake = FxTimer.after(Duration.ofNanos(Math.max(0, nanos)), this::timedWake);
    }

    /**
     * The countdown's next second or the legend's next update is due. With nothing else to do, the work is done
     * here rather than in a pulse of the driver's timer: a running timer costs a pulse after the one it stops in,
     * this only the pulse the new text asks for.
     */
    private void timedWake() {
        timedWake = null;
        CandleChart chart = getSkinnable();
        if (chart == null || driver.isParked()) {
            return;
        }
        if (driver.isRunning() || chart.dirty().isSet() || viewDirty || framePending || crosshairDirty) {
            driver.wake();
        } else if (pulse(System.nanoTime())) {
            driver.wake();
        }
    }

    private void cancelTimedWake() {
        if (timedWake != null) {
            timedWake.cancel();
            timedWake = null;
        }
    }

    private void drawFrame(long pulseNanos, long received) {
        if (geometry.layout().count() != panes.size()) {
            // Studies changed since the last layout pass: lay the panes out now, the nodes follow in that pass.
            geometry = new FramePainter.Geometry(
                    geometry.left(),
                    geometry.top(),
                    geometry.plotWidth(),
                    geometry.height(),
                    geometry.axisWidth(),
                    geometry.scale(),
                    PaneLayout.of(geometry.height(), shares()));
        }
        if (geometry.plotWidth() <= 0 || geometry.plotHeight() <= 0 || panes.size() != paneStudyCount() + 1) {
            viewDirty = true;
            return;
        }
        long start = System.nanoTime();
        boolean whole = viewDirty;
        viewDirty = false;
        framePending = false;
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
                List.copyOf(chart.getStudies()),
                chart.getChartType(),
                List.copyOf(chart.getDrawings()),
                List.copyOf(chart.getTimeMarks()),
                legendX(),
                timeLabels);
        if (book != null && book.timeframes().contains(timeframe)) {
            book.read(timeframe, columns -> {
                frame.read(columns, request);
                return null;
            });
        } else {
            frame.clear(request);
        }
        writeBack(chart);
        boolean repainted = painter.paint(chart, frame, geometry, panes, manualPrices, pointerX, pointerY, whole);
        followPointer(chart);
        drawingLayer.paint(
                frame,
                List.copyOf(chart.getPriceLevels()),
                geometry,
                panes.get(0).scale,
                chart.colors(),
                editor.selected(),
                painter.decimals());
        timeMarks.paint(frame, geometry, chart.colors(), messages);
        askForOlderCandles(chart, book, timeframe, request.seriesKey());
        double axisWidth = painter.axisWidthNeeded(geometry, panes.get(0));
        if (axisWidth > geometry.axisWidth()) {
            geometry = geometry.withAxisWidth(axisWidth);
            chart.requestLayout();
        }
        long end = System.nanoTime();
        chart.frameStats().recordFrame(pulseNanos, end - start, repainted);
        if (painter.livePainted() == 0) {
            chart.frameStats().recordLayersKept();
        }
        if (received != DirtyFlag.CLEAN) {
            chart.frameStats().recordTickToPixel(end - received);
        }
    }

    /** Settles the answer about older candles, asks for the next page when the oldest candle shows, marks the edge. */
    private void askForOlderCandles(CandleChart chart, CandleBook book, Timeframe timeframe, Object key) {
        boolean oldestShows = frame.range.count() > 0 && frame.range.first() == 0;
        Consumer<OlderCandlesRequest> handler = chart.getOnNeedOlder();
        OlderCandlesRequest ask =
                scrollBack.afterFrame(key, book, timeframe, frame.oldestTime, oldestShows, handler != null);
        scrollBack.place(geometry.left(), geometry.top(), geometry.plotHeight(), oldestShows);
        chart.setScrollBackState(scrollBack.state());
        if (ask != null) {
            try {
                handler.accept(ask);
            } catch (RuntimeException e) {
                ask.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            }
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

    /**
     * The crosshair at the pointer, and the time under it for charts that follow this one; while the pointer is
     * elsewhere, the vertical line of another chart's time ({@link CandleChart#linkedTimeProperty()}), if any.
     */
    private void showCrosshair(CandleChart chart) {
        painter.crosshair(chart, frame, geometry, panes, pointerX, pointerY);
        followPointer(chart);
    }

    /** Tells the chart the time under the pointer, and shows another chart's time while the pointer is elsewhere. */
    private void followPointer(CandleChart chart) {
        boolean over = geometry.contains(pointerX, pointerY);
        int index = over ? frame.viewport.candleAt(pointerX) : -1;
        chart.setPointerTime(index >= 0 && frame.legend.index == index ? frame.legend.time : CandleChart.NO_TIME);
        long linked = chart.getLinkedTime();
        CandleBook book = chart.getBook();
        if (!over && linked != CandleChart.NO_TIME && book != null && frame.range.count() > 0) {
            int at = book.read(chart.getTimeframe(), columns -> {
                int i = columns.search(chart.getTimeframe().bucketStart(linked));
                return i >= 0 ? i : -1;
            });
            if (at >= 0) {
                painter.linkedCrosshair(chart, geometry, frame.viewport.x(at + 0.5), linked, frame.timeLabels);
            }
        }
    }

    /** The pointer's plot x if it is over the panes (the legend shows that candle), else NaN (the newest). */
    private double legendX() {
        return geometry.contains(pointerX, pointerY) ? pointerX : Double.NaN;
    }

    private static double spacing(CandleChart chart) {
        double spacing = chart.getBarSpacing();
        return Viewport.clampSpacing(Double.isFinite(spacing) ? spacing : 8);
    }

    private static double offset(CandleChart chart) {
        double offset = chart.getRightOffset();
        return Double.isFinite(offset) ? offset : 0;
    }
}
