package com.klinelive.chart;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingTool;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A live candlestick chart of one {@link CandleBook} in one {@link Timeframe}: candles, indicators over them and in
 * panes under them on the shared time axis ({@link #getStudies()}), price and time axes, crosshair with a legend of
 * every indicator's value, last-price line, candle-close countdown, zoom and pan by wheel, drag and keys, and
 * follow-live.
 *
 * <p>Threads: every property belongs to the FX thread, except {@link #markDirty(long)}, which any thread may call
 * after writing to the book. The chart draws at most once per pulse, and only when it was marked dirty, or the view
 * or a property changed; it reads only the visible candles, under the book's read lock. Nothing changing, it draws
 * nothing and keeps JavaFX from pulsing (but for the candle-close countdown, once a second); not showing (its
 * window minimised or hidden, it or an ancestor invisible) it draws nothing at all, and draws what it missed in the
 * first pulse after it shows again.
 *
 * <p>The view is the pair {@link #barSpacingProperty() barSpacing} (pixels per candle) and
 * {@link #rightOffsetProperty() rightOffset} (candles between the newest candle and the right edge), so it
 * survives resizing and new candles. While {@link #followLiveProperty() followLive} is on, new candles scroll
 * in; the user panning into history turns it off and shows a "Go live" button.
 *
 * <p>Times read on the wall clock of {@link #zoneProperty() zone} (UTC unless told otherwise; the candles stay in the
 * feed's UTC buckets), and every text is in the chart's {@link #localeProperty() language}, English or Simplified
 * Chinese ({@link ChartMessages}).
 *
 * <p>Colours come from CSS looked-up colours ({@code -color-candle-up} and friends, see candle-chart.css); the
 * style class {@link ChartStyles#LIGHT} switches to the light theme.
 */
public class CandleChart extends Control {

    /** Right offset after {@link #goLive()}, in pixels: a little air after the newest candle. */
    public static final double LIVE_MARGIN_PIXELS = 40;

    /** No time: the pointer is not over the candles, or no other chart's crosshair is shown here. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final ObjectProperty<CandleBook> book = new SimpleObjectProperty<>(this, "book");
    private final ObjectProperty<Timeframe> timeframe = new SimpleObjectProperty<>(this, "timeframe", Timeframe.M1);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ObservableList<Study> studies =
            FXCollections.observableArrayList(Study.of(Indicators.byId("volume")));
    private final ObservableList<Drawing> drawings = FXCollections.observableArrayList();
    private final ObservableList<TimeMark> timeMarks = FXCollections.observableArrayList();
    private final ObservableList<PriceLevel> priceLevels = FXCollections.observableArrayList();
    private final ObjectProperty<DrawingTool> drawingTool = new SimpleObjectProperty<>(this, "drawingTool");
    private final BooleanProperty magnet = new SimpleBooleanProperty(this, "magnet", true);
    private final DrawingHistory drawingHistory = new DrawingHistory();
    private final ObjectProperty<ChartType> chartType =
            new SimpleObjectProperty<>(this, "chartType", ChartTypes.candles());
    private final ObjectProperty<ScaleMode> scaleMode = new SimpleObjectProperty<>(this, "scaleMode", ScaleMode.LINEAR);
    private final BooleanProperty autoFit = new SimpleBooleanProperty(this, "autoFit", true);
    private final DoubleProperty barSpacing = new SimpleDoubleProperty(this, "barSpacing", 8);
    private final DoubleProperty rightOffset = new SimpleDoubleProperty(this, "rightOffset", LIVE_MARGIN_PIXELS / 8);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneOffset.UTC);
    private final ObjectProperty<Locale> locale =
            new SimpleObjectProperty<>(this, "locale", Locale.getDefault(Locale.Category.DISPLAY));
    private final ReadOnlyObjectWrapper<VisibleRange> visibleRange =
            new ReadOnlyObjectWrapper<>(this, "visibleRange", VisibleRange.EMPTY);
    private final ObjectProperty<Consumer<OlderCandlesRequest>> onNeedOlder =
            new SimpleObjectProperty<>(this, "onNeedOlder");
    private final ReadOnlyObjectWrapper<ScrollBackState> scrollBackState =
            new ReadOnlyObjectWrapper<>(this, "scrollBackState", ScrollBackState.IDLE);

    private final ReadOnlyLongWrapper pointerTime = new ReadOnlyLongWrapper(this, "pointerTime", NO_TIME);
    private final LongProperty linkedTime = new SimpleLongProperty(this, "linkedTime", NO_TIME);

    private final DirtyFlag dirty = new DirtyFlag();
    /** What a mark wakes: the skin's pulse driver, which sleeps while nothing changes. */
    private volatile Runnable wake = () -> {};

    private final FrameStats frameStats = new FrameStats();
    private final ChartColors colors = new ChartColors(this);

    /** An empty chart; set a {@link #bookProperty() book} to show candles. */
    public CandleChart() {
        getStyleClass().add(ChartStyles.CHART);
        setFocusTraversable(true);
    }

    /** A chart of {@code book} in {@code timeframe}. */
    public CandleChart(CandleBook book, Timeframe timeframe) {
        this();
        setBook(book);
        setTimeframe(timeframe);
    }

    /**
     * Tells the chart that the book changed, so the next pulse draws it. Callable from any thread, cheap enough
     * to call for every tick.
     *
     * @param receivedNanos {@link System#nanoTime()} when the data that changed the book was received; the frame
     *                      that draws it records the tick-to-pixel latency from there in {@link #frameStats()}
     */
    public void markDirty(long receivedNanos) {
        dirty.mark(receivedNanos);
        wake.run();
    }

    /** Tells the chart that the book changed, as received now. Callable from any thread. */
    public void markDirty() {
        markDirty(System.nanoTime());
    }

    /** Returns to the newest candle and follows new candles from now on. */
    public void goLive() {
        setRightOffset(LIVE_MARGIN_PIXELS / getBarSpacing());
        setFollowLive(true);
    }

    /** Frame and latency statistics measured by this chart; thread-safe. */
    public FrameStats frameStats() {
        return frameStats;
    }

    /**
     * The bucket start of the candle under the pointer, epoch milliseconds UTC, or {@link #NO_TIME} while the
     * pointer is not over the candles: what a crosshair synced across charts shows in the others.
     */
    public final ReadOnlyLongProperty pointerTimeProperty() {
        return pointerTime.getReadOnlyProperty();
    }

    final void setPointerTime(long time) {
        pointerTime.set(time);
    }

    /**
     * A time another chart's crosshair points at, epoch milliseconds UTC, shown here as a vertical line with its
     * time label while this chart's own pointer is elsewhere; {@link #NO_TIME} shows none.
     */
    public final LongProperty linkedTimeProperty() {
        return linkedTime;
    }

    public final long getLinkedTime() {
        return linkedTime.get();
    }

    public final void setLinkedTime(long time) {
        linkedTime.set(time);
    }

    /** The candles of this symbol; null shows an empty chart. */
    public final ObjectProperty<CandleBook> bookProperty() {
        return book;
    }

    public final CandleBook getBook() {
        return book.get();
    }

    public final void setBook(CandleBook value) {
        book.set(value);
    }

    /** The timeframe shown; the book must keep it. Never null. */
    public final ObjectProperty<Timeframe> timeframeProperty() {
        return timeframe;
    }

    public final Timeframe getTimeframe() {
        return timeframe.get();
    }

    public final void setTimeframe(Timeframe value) {
        timeframe.set(Objects.requireNonNull(value, "timeframe"));
    }

    /** Whether new candles scroll in at the right edge; turned off when the user pans away from it. */
    public final BooleanProperty followLiveProperty() {
        return followLive;
    }

    public final boolean isFollowLive() {
        return followLive.get();
    }

    public final void setFollowLive(boolean value) {
        followLive.set(value);
    }

    /**
     * The indicators on the chart, in order: overlays draw on the price pane in this order, every other study gets
     * a pane of its own under it, top to bottom in this order. A new chart shows volume. Edit a study by replacing
     * it; two studies of one kind (SMA 20 and SMA 50) are two entries.
     */
    public final ObservableList<Study> getStudies() {
        return studies;
    }

    /**
     * The drawings on the price pane (lines, rays, rectangles, Fibonacci retracements, notes), anchored in time
     * and price. The user's edits through the chart are undoable ({@link #undoDrawing()}); setting the list from
     * outside is not, and {@link #forgetDrawingHistory()} starts afresh (another symbol).
     */
    public final ObservableList<Drawing> getDrawings() {
        return drawings;
    }

    /**
     * Prices marked with a dashed line across the price pane and a label (the alerts of the symbol shown): drawn
     * over the candles, not selectable, not saved with the drawings. FX thread.
     */
    public final ObservableList<PriceLevel> getPriceLevels() {
        return priceLevels;
    }

    /**
     * The stretches of the time axis to mark, oldest first: where the feed was down, what was repaired. Each shows
     * as a thin band along the top of the time axis where it overlaps the candles on screen (at least 3 pixels
     * wide), and hovering it tells its text and times in the chart's zone. Changing the list draws one frame.
     */
    public final ObservableList<TimeMark> getTimeMarks() {
        return timeMarks;
    }

    /**
     * The drawing tool in hand, or null for none: the next press on the price pane places a drawing of it. Esc
     * puts it down; placing a drawing does too.
     */
    public final ObjectProperty<DrawingTool> drawingToolProperty() {
        return drawingTool;
    }

    public final DrawingTool getDrawingTool() {
        return drawingTool.get();
    }

    public final void setDrawingTool(DrawingTool value) {
        drawingTool.set(value);
    }

    /** Whether a drawing's points snap to the nearest open, high, low or close of the candle under the pointer. */
    public final BooleanProperty magnetProperty() {
        return magnet;
    }

    public final boolean isMagnet() {
        return magnet.get();
    }

    public final void setMagnet(boolean value) {
        magnet.set(value);
    }

    /** Undoes the last edit of the drawings (Ctrl+Z); false when there is none. */
    public boolean undoDrawing() {
        List<Drawing> before = drawingHistory.undo(drawings);
        if (before != null) {
            drawings.setAll(before);
        }
        return before != null;
    }

    /** Redoes the last undone edit (Ctrl+Shift+Z); false when there is none. */
    public boolean redoDrawing() {
        List<Drawing> after = drawingHistory.redo(drawings);
        if (after != null) {
            drawings.setAll(after);
        }
        return after != null;
    }

    /** Forgets what can be undone, as when another symbol's drawings replace these. */
    public void forgetDrawingHistory() {
        drawingHistory.clear();
    }

    /** Makes the change from {@code before} to the drawings as they are now one step the user can undo. */
    void recordDrawingEdit(List<Drawing> before) {
        drawingHistory.record(before);
    }

    /** How the candles are drawn: candles, hollow candles, OHLC bars, line, area, Heikin-Ashi. Never null. */
    public final ObjectProperty<ChartType> chartTypeProperty() {
        return chartType;
    }

    public final ChartType getChartType() {
        return chartType.get();
    }

    public final void setChartType(ChartType value) {
        chartType.set(Objects.requireNonNull(value, "chartType"));
    }

    /** How the price axis maps and labels prices: linear, logarithmic or percent. Never null. */
    public final ObjectProperty<ScaleMode> scaleModeProperty() {
        return scaleMode;
    }

    public final ScaleMode getScaleMode() {
        return scaleMode.get();
    }

    public final void setScaleMode(ScaleMode value) {
        scaleMode.set(Objects.requireNonNull(value, "scaleMode"));
    }

    /**
     * Whether the price axis fits the visible candles and overlays every frame. Dragging the price axis turns it
     * off (the range then stays where the user put it, and dragging the chart moves it up and down);
     * double-clicking the axis turns it on again.
     */
    public final BooleanProperty autoFitProperty() {
        return autoFit;
    }

    public final boolean isAutoFit() {
        return autoFit.get();
    }

    public final void setAutoFit(boolean value) {
        autoFit.set(value);
    }

    /**
     * The time zone whose wall clock the time axis, the crosshair's time and the app's CSV export show: UTC, the
     * computer's zone ({@link ZoneId#systemDefault()}) or any other. Round steps are round in it (hours and days
     * begin at local midnight), also across daylight-saving changes. The candles do not move: they stay in the
     * feed's UTC buckets, so a 1d candle begins at 00:00 UTC whatever the zone. Never null.
     */
    public final ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public final ZoneId getZone() {
        return zone.get();
    }

    public final void setZone(ZoneId value) {
        zone.set(Objects.requireNonNull(value, "zone"));
    }

    /**
     * The language of every text the chart shows (legend, buttons, tooltips, dialogs, month and weekday names):
     * Chinese for a Chinese locale, English for any other ({@link ChartMessages#supported(Locale)}); switched live.
     * The machine's display locale by default. Never null.
     */
    public final ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public final Locale getLocale() {
        return locale.get();
    }

    public final void setLocale(Locale value) {
        locale.set(Objects.requireNonNull(value, "locale"));
    }

    /** The texts of the chart's language: what the app's own menus can name the chart's kinds with. */
    public final ChartMessages messages() {
        Locale shown = getLocale();
        return ChartMessages.of(shown == null ? Locale.ENGLISH : shown);
    }

    /** Pixels per candle: the zoom. Kept within the limits of {@link com.klinelive.chart.scale.Viewport}. */
    public final DoubleProperty barSpacingProperty() {
        return barSpacing;
    }

    public final double getBarSpacing() {
        return barSpacing.get();
    }

    public final void setBarSpacing(double value) {
        barSpacing.set(value);
    }

    /**
     * Candles of space between the end of the newest candle and the right edge of the plot: positive leaves room,
     * negative means scrolled back into history. While following live it stays put as candles arrive; otherwise
     * the chart lowers it by one per new candle so the candles on screen stay where they are.
     */
    public final DoubleProperty rightOffsetProperty() {
        return rightOffset;
    }

    public final double getRightOffset() {
        return rightOffset.get();
    }

    public final void setRightOffset(double value) {
        rightOffset.set(value);
    }

    /**
     * Asked for the candles before the oldest one when it comes on screen (scrolled, zoomed out or Home), on the FX
     * thread, at most once per oldest candle and never while a request is unanswered; it must not block. Whoever
     * takes it loads the page, puts it in front of the book's candles ({@code CandleBook.prepend}) and answers the
     * request. The view stays on its candles when they land. Null (the default): the chart asks for nothing.
     */
    public final ObjectProperty<Consumer<OlderCandlesRequest>> onNeedOlderProperty() {
        return onNeedOlder;
    }

    public final Consumer<OlderCandlesRequest> getOnNeedOlder() {
        return onNeedOlder.get();
    }

    public final void setOnNeedOlder(Consumer<OlderCandlesRequest> value) {
        onNeedOlder.set(value);
    }

    /** Where the chart stands with older candles: idle, loading a page, at the start of the history, failed. */
    public final ReadOnlyObjectProperty<ScrollBackState> scrollBackStateProperty() {
        return scrollBackState.getReadOnlyProperty();
    }

    public final ScrollBackState getScrollBackState() {
        return scrollBackState.get();
    }

    void setScrollBackState(ScrollBackState state) {
        scrollBackState.set(state);
    }

    /** The candles on screen after the last frame drawn. */
    public final ReadOnlyObjectProperty<VisibleRange> visibleRangeProperty() {
        return visibleRange.getReadOnlyProperty();
    }

    public final VisibleRange getVisibleRange() {
        return visibleRange.get();
    }

    void setVisibleRange(VisibleRange range) {
        visibleRange.set(range);
    }

    DirtyFlag dirty() {
        return dirty;
    }

    /** Sets what {@link #markDirty(long)} wakes after setting the flag. */
    void onDirty(Runnable action) {
        wake = action;
    }

    /** Wakes nothing any more if {@code action} is what marks wake: a skin being replaced lets go of it. */
    void offDirty(Runnable action) {
        if (wake == action) {
            wake = () -> {};
        }
    }

    ChartColors colors() {
        return colors;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CandleChartSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(CandleChart.class.getResource("candle-chart.css"))
                .toExternalForm();
    }

    /** The CSS properties of this class: those of {@link Control} and the chart's colours. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ChartColors.CSS_META_DATA;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
