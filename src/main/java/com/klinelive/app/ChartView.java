package com.klinelive.app;

import com.klinelive.alert.AlertCondition;
import com.klinelive.chart.CandleChart;
import com.klinelive.chart.PriceLevel;
import com.klinelive.chart.drawing.Drawing;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.model.Candle;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * One chart on screen: a {@link CandleChart} bound to its {@link ChartViewModel}, framed when it is the active
 * chart, with its context menu (alerts, its own window). Clicking it makes it active.
 */
final class ChartView extends StackPane {

    static final String STYLE = "chart-cell";
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final ChartViewModel model;
    private final WorkspaceViewModel workspace;
    private final CandleChart chart = new CandleChart();
    private Runnable onDispose = () -> {};

    private final javafx.beans.InvalidationListener levelsFollow = o -> showAlertLevels();

    ChartView(ChartViewModel model, WorkspaceViewModel workspace, Runnable openInOwnWindow) {
        this.model = model;
        this.workspace = workspace;
        getStyleClass().add(STYLE);
        chart.setTimeframe(model.timeframeProperty().get());
        chart.timeframeProperty().bindBidirectional(model.timeframeProperty());
        chart.chartTypeProperty().bindBidirectional(model.chartTypeProperty());
        chart.scaleModeProperty().bindBidirectional(model.scaleProperty());
        Bindings.bindContentBidirectional(chart.getStudies(), model.studies());
        Bindings.bindContentBidirectional(chart.getDrawings(), model.drawings());
        Bindings.bindContent(chart.getTimeMarks(), model.timeMarks());
        chart.bookProperty().bind(model.bookProperty());
        model.bookProperty().addListener((o, was, is) -> chart.forgetDrawingHistory());
        // Older candles when the oldest comes on screen: from the chart's feed session (none for a recording).
        chart.onNeedOlderProperty()
                .bind(Bindings.createObjectBinding(
                        () -> {
                            FeedSession session = model.sessionProperty().get();
                            return session == null
                                    ? null
                                    : ChartScrollBack.handler(session.scrollBack(), workspace.i18n());
                        },
                        model.sessionProperty(),
                        workspace.i18n().localeProperty()));
        model.onCandles(chart::markDirty);
        // The alerts of the symbol shown, as dashed lines with their condition.
        workspace.alerts().alerts().addListener(levelsFollow);
        model.symbolProperty().addListener(levelsFollow);
        model.feedProperty().addListener(levelsFollow);
        workspace.i18n().localeProperty().addListener(levelsFollow);
        showAlertLevels();
        getChildren().add(chart);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> workspace.activeProperty().set(model));
        chart.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                workspace.activeProperty().set(model);
            }
        });
        workspace.activeProperty().addListener((o, was, is) -> pseudoClassStateChanged(ACTIVE, is == model));
        pseudoClassStateChanged(ACTIVE, workspace.active() == model);
        ContextMenu menu = new ContextMenu();
        chart.setOnContextMenuRequested(e -> {
            fillMenu(menu, openInOwnWindow);
            menu.show(chart, e.getScreenX(), e.getScreenY());
        });
    }

    CandleChart chart() {
        return chart;
    }

    ChartViewModel model() {
        return model;
    }

    /** The alerts a trader sets from a chart: at each horizontal line, or at the last price. */
    private void fillMenu(ContextMenu menu, Runnable openInOwnWindow) {
        I18n i18n = workspace.i18n();
        menu.getItems().clear();
        String symbol = model.symbolProperty().get();
        if (symbol != null && !symbol.isEmpty()) {
            for (Drawing d : List.copyOf(model.drawings())) {
                if (d.tool().id().equals("horizontal") && !d.anchors().isEmpty()) {
                    double price = d.anchors().get(0).price();
                    MenuItem item = new MenuItem(i18n.text(
                            "chart.menu.alertline", PriceFormat.price(price, PriceFormat.decimalsFor(price))));
                    item.setOnAction(e -> addCrossingAlert(price));
                    menu.getItems().add(item);
                }
            }
            MenuItem dialog = new MenuItem(i18n.text("chart.menu.newalert"));
            dialog.setOnAction(e -> newAlert());
            menu.getItems().add(dialog);
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem own = new MenuItem(i18n.text("chart.menu.ownwindow"));
        own.setOnAction(e -> openInOwnWindow.run());
        menu.getItems().add(own);
    }

    /** "Alert when crossed": up if the price is below the line now, down if above. */
    private void addCrossingAlert(double level) {
        double last = lastPrice();
        AlertCondition condition =
                Double.isNaN(last) || last < level ? AlertCondition.CROSSES_UP : AlertCondition.CROSSES_DOWN;
        workspace.alerts().add(model.feedKey(), model.symbolProperty().get(), level, condition, false);
    }

    /** The alert dialog, at the last price. */
    void newAlert() {
        String symbol = model.symbolProperty().get();
        if (symbol == null || symbol.isEmpty()) {
            return;
        }
        AlertDialog dialog = new AlertDialog(workspace.i18n(), symbol, lastPrice());
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait()
                .ifPresent(a -> workspace.alerts().add(model.feedKey(), symbol, a.level(), a.condition(), a.repeat()));
    }

    private double lastPrice() {
        var book = model.bookProperty().get();
        if (book == null) {
            return Double.NaN;
        }
        List<Candle> newest = book.candles(model.timeframeProperty().get(), 1);
        return newest.isEmpty() ? Double.NaN : newest.get(0).close();
    }

    /** The alerts on this chart's feed and symbol, as the chart's price levels. */
    private void showAlertLevels() {
        String feed = model.feedKey();
        String symbol = model.symbolProperty().get();
        I18n i18n = workspace.i18n();
        List<PriceLevel> levels = workspace.alerts().alerts().stream()
                .filter(a -> a.feed().equals(feed) && a.symbol().equals(symbol))
                .map(a -> new PriceLevel(
                        a.level(),
                        i18n.text(
                                "chart.alertlevel",
                                i18n.text(
                                        "alerts.condition." + a.condition().name(),
                                        PriceFormat.price(a.level(), PriceFormat.decimalsFor(a.level()))))))
                .toList();
        if (!levels.equals(chart.getPriceLevels())) {
            chart.getPriceLevels().setAll(levels);
        }
    }

    /** Runs {@code action} when the view is closed. */
    void onDispose(Runnable action) {
        onDispose = action;
    }

    /** Lets go of the model's candles (the view is closed). */
    void dispose() {
        onDispose.run();
        model.onCandles(null);
        chart.bookProperty().unbind();
        workspace.alerts().alerts().removeListener(levelsFollow);
        model.symbolProperty().removeListener(levelsFollow);
        model.feedProperty().removeListener(levelsFollow);
        workspace.i18n().localeProperty().removeListener(levelsFollow);
        chart.onNeedOlderProperty().unbind();
        chart.timeframeProperty().unbindBidirectional(model.timeframeProperty());
        chart.chartTypeProperty().unbindBidirectional(model.chartTypeProperty());
        chart.scaleModeProperty().unbindBidirectional(model.scaleProperty());
        Bindings.unbindContentBidirectional(chart.getStudies(), model.studies());
        Bindings.unbindContentBidirectional(chart.getDrawings(), model.drawings());
        Bindings.unbindContent(chart.getTimeMarks(), model.timeMarks());
    }
}
