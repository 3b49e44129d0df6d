package com.klinelive.app;

import com.klinelive.candle.CandleBook;
import com.klinelive.chart.TimeMark;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.drawing.DrawingText;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.feed.FeedEndpoint;
import com.klinelive.feed.FeedListener;
import com.klinelive.feed.FeedMark;
import com.klinelive.feed.FeedMarks;
import com.klinelive.model.Timeframe;
import com.klinelive.workspace.ChartSpec;
import com.klinelive.workspace.FeedSpec;
import com.klinelive.workspace.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One chart of the workspace: its feed, symbol, timeframe, indicators, type, scale and drawings, and its hold on
 * the feed's shared session. The view binds a {@code CandleChart} to these properties; nothing here touches a node.
 * Feed events arrive on network threads and reach this model through {@code fx} (symbols) or go straight to the
 * view's dirty mark (candles, no hop per tick). FX thread otherwise.
 *
 * <p>Longer than most: one chart's state is many small properties (feed, symbol, timeframe, type, scale, studies,
 * drawings, session, recording, marks), each a few lines; they belong together because the view binds to them as one.
 */
final class ChartViewModel {

    private final FeedSessions<FeedSpec> sessions;
    private final DrawingStore drawingStore;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<FeedSpec> feed = new ReadOnlyObjectWrapper<>(this, "feed", FeedSpec.EMBEDDED);
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ObjectProperty<Timeframe> timeframe = new SimpleObjectProperty<>(this, "timeframe", Timeframe.M1);
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CandleBook> book = new ReadOnlyObjectWrapper<>(this, "book");
    private final ObservableList<Study> studies = FXCollections.observableArrayList();
    private final ObjectProperty<ChartType> chartType =
            new SimpleObjectProperty<>(this, "chartType", ChartTypes.candles());
    private final ObjectProperty<ScaleMode> scale = new SimpleObjectProperty<>(this, "scale", ScaleMode.LINEAR);
    private final ObservableList<Drawing> drawings = FXCollections.observableArrayList();
    private final ObservableList<TimeMark> timeMarks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<FeedSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<RecordingSession> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private WindowSpec detached;
    /**
     * Where the marks shown came from: the session and symbol, the client's marks version last looked at, and the
     * version of the symbol's marks shown.
     */
    private FeedSession marksSession;

    private String marksSymbol = "";
    private long marksSeen = -1;
    private long marksShown = -1;

    private FeedSessions<FeedSpec>.Lease lease;
    private FeedListener listening;
    private long generation;
    private boolean loadingDrawings;
    // Read on network threads: which symbol's candles mark the chart dirty, and how.
    private volatile String shownSymbol = "";
    private volatile LongConsumer dirtySink = nanos -> {};

    /**
     * @param sessions     the app's shared sessions
     * @param drawingStore the workspace's drawings
     * @param fx           runs a task on the FX thread ({@code Platform::runLater})
     */
    ChartViewModel(FeedSessions<FeedSpec> sessions, DrawingStore drawingStore, Executor fx) {
        this.sessions = sessions;
        this.drawingStore = drawingStore;
        this.fx = fx;
        studies.add(Study.of(Indicators.byId("volume")));
        symbol.addListener((o, was, is) -> showSymbol(is));
        drawings.addListener((ListChangeListener<Drawing>) c -> {
            if (!loadingDrawings && !shownSymbol.isEmpty()) {
                drawingStore.save(feedKey(), shownSymbol, lines(drawings));
            }
        });
    }

    /** A chart as {@code spec} describes it, connecting to its feed. */
    static ChartViewModel of(ChartSpec spec, FeedSessions<FeedSpec> sessions, DrawingStore store, Executor fx) {
        ChartViewModel chart = new ChartViewModel(sessions, store, fx);
        chart.timeframe.set(Timeframe.fromLabel(spec.timeframe()).orElse(Timeframe.M1));
        try {
            chart.chartType.set(ChartTypes.byId(spec.chartType()));
        } catch (IllegalArgumentException e) {
            chart.chartType.set(ChartTypes.candles());
        }
        try {
            chart.scale.set(ScaleMode.of(spec.scale()));
        } catch (IllegalArgumentException e) {
            chart.scale.set(ScaleMode.LINEAR);
        }
        List<Study> read = new ArrayList<>();
        for (String text : spec.studies()) {
            try {
                read.add(StudyText.parse(text));
            } catch (IllegalArgumentException e) {
                // A study this version does not know is left out rather than failing the workspace.
            }
        }
        chart.studies.setAll(read);
        chart.detached = spec.detached();
        chart.symbol.set(spec.symbol());
        chart.connect(spec.feed());
        return chart;
    }

    /** What the workspace file keeps of this chart. */
    ChartSpec toSpec() {
        return new ChartSpec(
                withoutSecrets(feed.get()),
                symbol.get(),
                timeframe.get().label(),
                chartType.get().id(),
                scale.get().id(),
                studies.stream().map(StudyText::formatFull).toList(),
                detached);
    }

    /** Shows {@code spec}'s feed: the session of that feed is shared with the other charts on it. */
    void connect(FeedSpec spec) {
        release();
        long current = ++generation;
        feed.set(spec);
        problem.set("");
        symbols.clear();
        book.set(null);
        lease = sessions.acquire(spec);
        lease.session()
                .whenComplete((opened, error) -> fx.execute(() -> {
                    if (current != generation) {
                        return;
                    }
                    if (error != null) {
                        problem.set(FeedErrorText.of(error));
                        return;
                    }
                    session.set(opened);
                    FeedListener listener = new FeedListener() {
                        @Override
                        public void onSymbols(List<String> offered) {
                            fx.execute(() -> symbolsOffered(current, offered));
                        }

                        @Override
                        public void onCandles(String changed, long receivedNanos) {
                            if (changed.equals(shownSymbol)) {
                                dirtySink.accept(receivedNanos);
                            }
                        }
                    };
                    listening = listener;
                    opened.listen(listener);
                    String wanted = symbol.get();
                    if (!opened.client().symbols().isEmpty()) {
                        symbolsOffered(current, opened.client().symbols());
                    } else if (wanted != null
                            && !wanted.isBlank()
                            && opened.aggregator().book(wanted) != null) {
                        // Candles from the cache, before the feed said anything: shown now; the feed's symbol
                        // list replaces this one when it comes.
                        symbolsOffered(current, List.of(wanted));
                    }
                }));
    }

    /**
     * The outage and repair marks of the chart's symbol on its feed, for the chart's time axis; none for a
     * recording. {@link #refreshMarks()} keeps them current.
     */
    ObservableList<TimeMark> timeMarks() {
        return timeMarks;
    }

    /**
     * Brings {@link #timeMarks()} up to date with the session's marks of the shown symbol. Cheap when nothing
     * moved: a volatile read, and a look at the symbol's snapshot only when some symbol's marks changed.
     */
    void refreshMarks() {
        FeedSession current = session.get();
        String shown = shownSymbol;
        if (current == null || shown.isEmpty()) {
            marksSession = null;
            if (!timeMarks.isEmpty()) {
                timeMarks.clear();
            }
            return;
        }
        long version = current.client().marksVersion();
        boolean same = current == marksSession && shown.equals(marksSymbol);
        if (same && version == marksSeen) {
            return;
        }
        marksSession = current;
        marksSymbol = shown;
        marksSeen = version;
        FeedMarks.Snapshot marks = current.client().marks(shown);
        // Another symbol's new mark moves the client's version but leaves this symbol's list, and the chart, alone.
        if (!same || marks.version() != marksShown) {
            marksShown = marks.version();
            timeMarks.setAll(
                    marks.marks().stream().map(ChartViewModel::timeMark).toList());
        }
    }

    private static TimeMark timeMark(FeedMark mark) {
        TimeMark.Kind kind = mark.kind() == FeedMark.Kind.OUTAGE ? TimeMark.Kind.OUTAGE : TimeMark.Kind.REPAIR;
        return new TimeMark(kind, mark.fromMillis(), mark.toMillis(), mark.ongoing(), mark.text());
    }

    /** Lets go of the feed (the chart closes). */
    void dispose() {
        release();
        generation++;
    }

    /**
     * Plays the tick recording {@code file} in this chart instead of a feed (File, Open recording), paused at its
     * start. The file is read on {@code background}; {@code failed} hears why it could not be opened.
     */
    void openRecording(java.nio.file.Path file, Executor background, java.util.function.Consumer<String> failed) {
        release();
        long current = ++generation;
        symbols.clear();
        book.set(null);
        background.execute(() -> {
            RecordingSession opened;
            try {
                opened = RecordingSession.open(file, changed -> {
                    if (changed.isEmpty() || changed.equals(shownSymbol)) {
                        dirtySink.accept(System.nanoTime());
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                fx.execute(() -> failed.accept(e.getMessage()));
                return;
            }
            fx.execute(() -> {
                if (current != generation) {
                    opened.close();
                    return;
                }
                recording.set(opened);
                symbolsOffered(current, List.copyOf(opened.player().symbols()));
            });
        });
    }

    private void release() {
        RecordingSession played = recording.get();
        if (played != null) {
            recording.set(null);
            played.close();
        }
        FeedSession open = session.get();
        if (open != null && listening != null) {
            open.stopListening(listening);
        }
        listening = null;
        session.set(null);
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }

    private void symbolsOffered(long current, List<String> offered) {
        if (current != generation || offered.isEmpty()) {
            return;
        }
        symbols.setAll(offered);
        String wanted = symbol.get();
        if (wanted == null || !offered.contains(wanted)) {
            symbol.set(offered.get(0));
        } else {
            showSymbol(wanted);
        }
    }

    private void showSymbol(String wanted) {
        FeedSession open = session.get();
        RecordingSession played = recording.get();
        if (wanted == null || wanted.isEmpty() || open == null && played == null) {
            return;
        }
        shownSymbol = wanted;
        loadingDrawings = true;
        try {
            List<Drawing> saved = new ArrayList<>();
            for (String line : drawingStore.load(feedKey(), wanted)) {
                saved.addAll(DrawingText.parse(line));
            }
            drawings.setAll(saved);
        } finally {
            loadingDrawings = false;
        }
        book.set((open != null ? open.aggregator() : played.aggregator()).bookFor(wanted));
    }

    /** The feed as alerts, drawings and the watchlist name it: its URL without secrets, empty for the simulator. */
    String feedKey() {
        return keyOf(feed.get());
    }

    static String keyOf(FeedSpec spec) {
        if (spec.url().isBlank()) {
            return "";
        }
        try {
            return FeedEndpoint.withoutSecrets(FeedEndpoint.parse(spec.url()).given());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** {@code spec} as it may be saved: its URL without user-info or secret-looking query parameters. */
    static FeedSpec withoutSecrets(FeedSpec spec) {
        String safe = keyOf(spec);
        return new FeedSpec(
                spec.name(), safe, spec.format(), spec.restUrl(), spec.event(), spec.fields(), spec.subscribe());
    }

    private static List<String> lines(List<Drawing> list) {
        List<String> out = new ArrayList<>();
        for (Drawing d : list) {
            out.add(DrawingText.format(List.of(d)));
        }
        return out;
    }

    /** Where candle changes of the shown symbol go, on network threads: the chart's dirty mark. */
    void onCandles(LongConsumer sink) {
        dirtySink = sink == null ? nanos -> {} : sink;
    }

    ReadOnlyObjectProperty<FeedSpec> feedProperty() {
        return feed.getReadOnlyProperty();
    }

    FeedSpec feed() {
        return feed.get();
    }

    StringProperty symbolProperty() {
        return symbol;
    }

    ObjectProperty<Timeframe> timeframeProperty() {
        return timeframe;
    }

    ObservableList<String> symbols() {
        return symbols;
    }

    ReadOnlyObjectProperty<CandleBook> bookProperty() {
        return book.getReadOnlyProperty();
    }

    ObservableList<Study> studies() {
        return studies;
    }

    ObjectProperty<ChartType> chartTypeProperty() {
        return chartType;
    }

    ObjectProperty<ScaleMode> scaleProperty() {
        return scale;
    }

    ObservableList<Drawing> drawings() {
        return drawings;
    }

    /** Why the feed could not be opened, or empty. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The open session, or null while opening or after a failure. */
    ReadOnlyObjectProperty<FeedSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    FeedSession session() {
        return session.get();
    }

    /** The recording this chart plays, or null while it shows a feed. */
    RecordingSession recording() {
        return recording.get();
    }

    ReadOnlyObjectProperty<RecordingSession> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The bounds of its own window, or null when it is in the main window. */
    WindowSpec detached() {
        return detached;
    }

    void detached(WindowSpec bounds) {
        detached = bounds;
    }
}
