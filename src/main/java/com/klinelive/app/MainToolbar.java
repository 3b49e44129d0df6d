package com.klinelive.app;

import com.klinelive.chart.indicator.Indicator;
import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import com.klinelive.model.Timeframe;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
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
 * The toolbar: feed URL with recent URLs, connect/disconnect, symbol, timeframe, indicators, theme. It only
 * holds controls and reports what the user did; {@link MainWindow} acts on it.
 */
final class MainToolbar {

    static final String SEGMENTED = "segmented";

    private final ToolBar bar = new ToolBar();
    private final ComboBox<String> url = new ComboBox<>();
    private final Button connect = new Button("Connect");
    private final ComboBox<String> symbols = new ComboBox<>();
    private final ObjectProperty<Timeframe> timeframe = new SimpleObjectProperty<>();
    private final ToggleGroup timeframes = new ToggleGroup();
    private final MenuButton indicators = new MenuButton("Indicators");
    private final ComboBox<ChartType> chartType = new ComboBox<>(FXCollections.observableArrayList(ChartTypes.ALL));
    private final Button theme = new Button();
    private Consumer<String> onConnect = u -> {};
    private Runnable onDisconnect = () -> {};
    private Runnable onToggleTheme = () -> {};
    private Consumer<Indicator> onAddIndicator = i -> {};
    private boolean connected;
    /** Set while the toolbar itself changes the URL box, whose action would otherwise connect again. */
    private boolean quiet;

    MainToolbar(Settings settings) {
        url.setId("feed-url");
        url.setEditable(true);
        url.setPromptText("Feed URL (empty: simulator)");
        url.setItems(FXCollections.observableArrayList(settings.recentUrls()));
        url.setValue(settings.lastUrl());
        url.setPrefWidth(240);
        HBox.setHgrow(url, Priority.SOMETIMES);
        url.setTooltip(new Tooltip("http(s)://host:port for our protocol, ws(s)://… for a WebSocket stream "
                + "(ours, Binance or Coinbase). Enter connects."));
        // The combo box commits the typed text on Enter and fires its action, as it does for a recent URL picked.
        url.setOnAction(e -> {
            if (!quiet) {
                onConnect.accept(url.getEditor().getText());
            }
        });

        connect.setId("connect");
        connect.setDefaultButton(false);
        connect.setOnAction(e -> {
            if (connected) {
                onDisconnect.run();
            } else {
                onConnect.accept(url.getEditor().getText());
            }
        });

        symbols.setId("symbol");
        symbols.setPromptText("Symbol");
        symbols.setPrefWidth(120);

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
            } else {
                timeframe.set((Timeframe) is.getUserData());
            }
        });
        timeframe.addListener((obs, was, is) -> timeframes.getToggles().stream()
                .filter(t -> t.getUserData() == is)
                .findFirst()
                .ifPresent(timeframes::selectToggle));

        indicators.setId("indicators");
        indicators.setFocusTraversable(false);
        indicators.setTooltip(new Tooltip("Add an indicator: over the prices, or in a pane of its own"));
        for (Indicator indicator : Indicators.ALL) {
            MenuItem item = new MenuItem((indicator.overlay() ? "Overlay: " : "Pane: ") + indicator.name());
            item.setId("add-" + indicator.id());
            item.setOnAction(e -> onAddIndicator.accept(indicator));
            indicators.getItems().add(item);
        }
        chartType.setId("chart-type");
        chartType.setPrefWidth(140);
        chartType.setFocusTraversable(false);
        chartType.setTooltip(new Tooltip("How the candles are drawn"));
        chartType.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChartType type) {
                return type == null ? "" : type.name();
            }

            @Override
            public ChartType fromString(String name) {
                return ChartTypes.ALL.stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElse(null);
            }
        });
        theme.setId("theme");
        theme.setFocusTraversable(false);
        theme.setOnAction(e -> onToggleTheme.run());

        bar.getItems().addAll(url, connect, gap(), symbols, gap(), frames, gap(), chartType, indicators, gap(), theme);
    }

    private static Node gap() {
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        gap.setMinWidth(10);
        return gap;
    }

    Node node() {
        return bar;
    }

    ComboBox<String> symbols() {
        return symbols;
    }

    ComboBox<String> url() {
        return url;
    }

    Button connectButton() {
        return connect;
    }

    /** The chosen timeframe; setting it selects its button. */
    ObjectProperty<Timeframe> timeframe() {
        return timeframe;
    }

    /** The chart type box. */
    ComboBox<ChartType> chartType() {
        return chartType;
    }

    /** Called with the kind of indicator the user picked to add. */
    void onAddIndicator(Consumer<Indicator> action) {
        onAddIndicator = action;
    }

    void onConnect(Consumer<String> action) {
        onConnect = action;
    }

    void onDisconnect(Runnable action) {
        onDisconnect = action;
    }

    void onToggleTheme(Runnable action) {
        onToggleTheme = action;
    }

    void setConnected(boolean value) {
        connected = value;
        connect.setText(value ? "Disconnect" : "Connect");
    }

    void showTheme(boolean dark) {
        theme.setText(dark ? "Light" : "Dark");
        theme.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
    }

    /**
     * Puts {@code safeUrl} first among the recent URLs shown. Removing the item that is the box's value clears the
     * value and fires the box's action: the box is kept quiet and given back its value and text.
     */
    void rememberUrl(String safeUrl) {
        if (safeUrl.isEmpty()) {
            return;
        }
        String value = url.getValue();
        String text = url.getEditor().getText();
        quiet = true;
        try {
            url.getItems().remove(safeUrl);
            url.getItems().add(0, safeUrl);
            url.setValue(value);
            url.getEditor().setText(text);
        } finally {
            quiet = false;
        }
    }

    /** Shows {@code text} in the URL box, without connecting. */
    void showUrl(String text) {
        quiet = true;
        try {
            url.setValue(text);
        } finally {
            quiet = false;
        }
    }
}
