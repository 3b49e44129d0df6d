package com.klinelive.app;

import com.klinelive.chart.ChartMessages;
import com.klinelive.chart.indicator.Indicator;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import com.klinelive.workspace.FeedSpec;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The toolbar: the feed box (saved feeds by name, recent URLs), symbol, timeframe, chart type, indicators and
 * theme. It acts on the workspace's active chart and follows it when another chart becomes active.
 *
 * <p>Longer than most: each control of the bar is built, bound to the active chart and rebound when it changes; the
 * controls are small, but there are seven of them.
 */
final class MainToolbar {

    static final String SEGMENTED = "segmented";

    private final WorkspaceViewModel workspace;
    private final ToolBar bar = new ToolBar();
    private final ComboBox<String> url = new ComboBox<>();
    private final Button openFeed = new Button("\u2026");
    private final ComboBox<String> symbols = new ComboBox<>();
    private final SymbolSearch symbolSearch = new SymbolSearch(symbols);
    private final ToggleGroup timeframes = new ToggleGroup();
    private final MenuButton indicators = new MenuButton();
    private final ComboBox<ChartType> chartType = new ComboBox<>(FXCollections.observableArrayList(ChartTypes.ALL));
    private final Button theme = new Button();
    private Runnable onOpenFeed = () -> {};
    private ChartViewModel bound;
    /** Set while the toolbar itself changes a box, whose action would otherwise act again. */
    private boolean quiet;

    private final InvalidationListener symbolFollows = o -> showSymbol();
    private final InvalidationListener timeframeFollows = o -> showTimeframe();
    private final InvalidationListener typeFollows = o -> showType();
    private final InvalidationListener feedFollows = o -> showFeed();
    private final ListChangeListener<String> symbolsFollow = c -> showSymbols();

    MainToolbar(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        I18n i18n = workspace.i18n();
        url.setId("feed-url");
        url.setEditable(true);
        url.promptTextProperty().bind(i18n.bind("toolbar.url.prompt"));
        url.setPrefWidth(250);
        HBox.setHgrow(url, Priority.SOMETIMES);
        url.setTooltip(tooltip(i18n, "toolbar.url.tip"));
        // The box commits the typed text on Enter and fires its action, as it does for an item picked.
        url.setOnAction(e -> {
            if (!quiet) {
                connect(url.getEditor().getText());
            }
        });
        workspace.savedFeeds().addListener((ListChangeListener<FeedSpec>) c -> showFeedItems());
        workspace.recentUrls().addListener((ListChangeListener<String>) c -> showFeedItems());
        showFeedItems();
        openFeed.setId("open-feed");
        openFeed.setTooltip(tooltip(i18n, "toolbar.openfeed.tip"));
        openFeed.setOnAction(e -> onOpenFeed.run());

        symbols.setId("symbol");
        symbols.promptTextProperty().bind(i18n.bind("toolbar.symbol"));
        symbols.setPrefWidth(130);
        symbols.setEditable(true);
        symbols.valueProperty().addListener((o, was, is) -> {
            if (quiet || bound == null || is == null || is.isBlank()) {
                return;
            }
            // What was typed names a symbol of the list: "eth" is ETHUSDT when that is the first to match.
            String chosen = symbolSearch.resolve(is);
            if (!chosen.equals(is)) {
                Platform.runLater(this::showSymbol);
            }
            if (!chosen.equals(bound.symbolProperty().get())) {
                bound.symbolProperty().set(chosen);
                workspace.symbolChosen(bound, chosen);
            }
        });

        HBox frames = new HBox();
        frames.getStyleClass().add(SEGMENTED);
        frames.setAlignment(Pos.CENTER_LEFT);
        for (Timeframe tf : Timeframe.values()) {
            ToggleButton b = new ToggleButton(tf.label());
            b.setId("tf-" + tf.label());
            b.setUserData(tf);
            b.setToggleGroup(timeframes);
            b.setFocusTraversable(false);
            frames.getChildren().add(b);
        }
        timeframes.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                // A timeframe is always chosen: clicking the selected one again keeps it.
                timeframes.selectToggle(was);
            } else if (!quiet && bound != null) {
                bound.timeframeProperty().set((Timeframe) is.getUserData());
            }
        });

        indicators.setId("indicators");
        indicators.textProperty().bind(i18n.bind("toolbar.indicators"));
        indicators.setFocusTraversable(false);
        indicators.setTooltip(tooltip(i18n, "toolbar.indicators.tip"));
        for (Indicator indicator : Indicators.ALL) {
            MenuItem item = new MenuItem();
            // The indicator's name in the chart's words for the language (the chart's legend says the same).
            item.textProperty()
                    .bind(javafx.beans.binding.Bindings.createStringBinding(
                            () -> i18n.text(
                                    indicator.overlay() ? "toolbar.overlay" : "toolbar.pane",
                                    ChartMessages.of(i18n.locale()).indicatorName(indicator)),
                            i18n.localeProperty()));
            item.setId("add-" + indicator.id());
            item.setOnAction(e -> addIndicator(indicator));
            indicators.getItems().add(item);
        }
        chartType.setId("chart-type");
        chartType.setPrefWidth(140);
        chartType.setFocusTraversable(false);
        chartType.setTooltip(tooltip(i18n, "toolbar.charttype.tip"));
        chartType.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartType type) {
                return type == null ? "" : ChartMessages.of(i18n.locale()).chartTypeName(type);
            }

            @Override
            public ChartType fromString(String name) {
                return ChartTypes.ALL.stream()
                        .filter(t -> toString(t).equals(name))
                        .findFirst()
                        .orElse(null);
            }
        });
        // The names follow the language: the cells are made again with the converter's new words.
        chartType.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ChartType type, boolean empty) {
                super.updateItem(type, empty);
                setText(empty || type == null ? null : chartType.getConverter().toString(type));
            }
        });
        i18n.localeProperty().addListener((o, was, is) -> {
            quiet = true;
            try {
                ChartType shown = chartType.getValue();
                chartType.setButtonCell(null);
                chartType.setValue(null);
                chartType.setValue(shown);
            } finally {
                quiet = false;
            }
        });
        chartType.valueProperty().addListener((o, was, is) -> {
            if (!quiet && bound != null && is != null) {
                bound.chartTypeProperty().set(is);
            }
        });
        theme.setId("theme");
        theme.setFocusTraversable(false);
        theme.setOnAction(
                e -> workspace.darkProperty().set(!workspace.darkProperty().get()));
        workspace.darkProperty().addListener((o, was, is) -> showTheme());
        i18n.localeProperty().addListener((o, was, is) -> showTheme());
        showTheme();

        bar.getItems().addAll(url, openFeed, gap(), symbols, gap(), frames, gap(), chartType, indicators, gap(), theme);
        workspace.activeProperty().addListener((o, was, is) -> bind(is));
        bind(workspace.active());
    }

    /** Follows {@code chart}: its feed, symbols, timeframe and type show here, and changes here go to it. */
    private void bind(ChartViewModel chart) {
        if (bound != null) {
            bound.symbolProperty().removeListener(symbolFollows);
            bound.symbols().removeListener(symbolsFollow);
            bound.timeframeProperty().removeListener(timeframeFollows);
            bound.chartTypeProperty().removeListener(typeFollows);
            bound.feedProperty().removeListener(feedFollows);
        }
        bound = chart;
        if (chart != null) {
            chart.symbolProperty().addListener(symbolFollows);
            chart.symbols().addListener(symbolsFollow);
            chart.timeframeProperty().addListener(timeframeFollows);
            chart.chartTypeProperty().addListener(typeFollows);
            chart.feedProperty().addListener(feedFollows);
        }
        showFeed();
        showSymbols();
        showSymbol();
        showTimeframe();
        showType();
    }

    private void connect(String typed) {
        String text = typed == null ? "" : typed.trim();
        FeedSpec spec = workspace.savedFeeds().stream()
                .filter(f -> f.name().equals(text))
                .findFirst()
                .orElse(text.isEmpty() ? FeedSpec.EMBEDDED : FeedSpec.of(text));
        workspace.connectActive(spec);
    }

    private void addIndicator(Indicator indicator) {
        if (bound != null) {
            bound.studies().add(Study.of(indicator).apartFrom(bound.studies()));
        }
    }

    private void showFeedItems() {
        List<String> items = new ArrayList<>();
        workspace.savedFeeds().forEach(f -> items.add(f.name()));
        items.addAll(workspace.recentUrls());
        quiet = true;
        try {
            String text = url.getEditor().getText();
            url.getItems().setAll(items);
            url.getEditor().setText(text);
        } finally {
            quiet = false;
        }
    }

    private void showFeed() {
        FeedSpec feed = bound == null ? FeedSpec.EMBEDDED : bound.feed();
        quiet = true;
        try {
            url.setValue(feed.name().isEmpty() ? feed.url() : feed.name());
        } finally {
            quiet = false;
        }
    }

    private void showSymbols() {
        quiet = true;
        try {
            String value = symbols.getValue();
            symbolSearch.symbols(bound == null ? List.of() : bound.symbols());
            symbols.setValue(value);
        } finally {
            quiet = false;
        }
    }

    private void showSymbol() {
        quiet = true;
        try {
            symbols.setValue(bound == null ? null : bound.symbolProperty().get());
        } finally {
            quiet = false;
        }
    }

    private void showTimeframe() {
        if (bound == null) {
            return;
        }
        Timeframe tf = bound.timeframeProperty().get();
        quiet = true;
        try {
            timeframes.getToggles().stream()
                    .filter(t -> t.getUserData() == tf)
                    .findFirst()
                    .ifPresent(timeframes::selectToggle);
        } finally {
            quiet = false;
        }
    }

    private void showType() {
        quiet = true;
        try {
            chartType.setValue(bound == null ? null : bound.chartTypeProperty().get());
        } finally {
            quiet = false;
        }
    }

    private void showTheme() {
        boolean dark = workspace.darkProperty().get();
        theme.setText(workspace.i18n().text(dark ? "toolbar.theme.light" : "toolbar.theme.dark"));
    }

    private static Tooltip tooltip(I18n i18n, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(key));
        return tip;
    }

    private static Node gap() {
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        gap.setMinWidth(10);
        return gap;
    }

    Node node() {
        return bar;
    }

    ComboBox<String> url() {
        return url;
    }

    ComboBox<String> symbols() {
        return symbols;
    }

    ComboBox<ChartType> chartType() {
        return chartType;
    }

    /** What the "…" button next to the feed box opens: the Open feed dialog. */
    void onOpenFeed(Runnable action) {
        onOpenFeed = action;
    }
}
