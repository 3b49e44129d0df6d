package com.klinelive.app;

import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.workspace.AlertLogEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The alert log: every alert that fired, newest at the bottom, with the time (in the chosen zone) and price. */
final class AlertLogPanel extends VBox {

    private final TableView<AlertLogEntry> table = new TableView<>();

    AlertLogPanel(AlertsViewModel alerts, I18n i18n, Supplier<ZoneId> zone) {
        getStyleClass().add("alert-log");
        setSpacing(4);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("alerts.log.title"));
        title.getStyleClass().add("panel-title");
        table.setId("alert-log");
        table.setItems(alerts.log());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .add(column(
                        i18n,
                        "alerts.log.time",
                        e -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                .withZone(zone.get())
                                .format(Instant.ofEpochMilli(e.time()))));
        table.getColumns().add(column(i18n, "alerts.log.symbol", AlertLogEntry::symbol));
        table.getColumns().add(column(i18n, "alerts.log.alert", AlertLogEntry::text));
        table.getColumns()
                .add(column(
                        i18n,
                        "alerts.log.price",
                        e -> PriceFormat.price(e.price(), PriceFormat.decimalsFor(e.price()))));
        alerts.log().addListener((javafx.collections.ListChangeListener<AlertLogEntry>) c -> {
            if (!alerts.log().isEmpty()) {
                table.scrollTo(alerts.log().size() - 1);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
        setPrefHeight(160);
    }

    TableView<AlertLogEntry> table() {
        return table;
    }

    private static TableColumn<AlertLogEntry, String> column(
            I18n i18n, String key, java.util.function.Function<AlertLogEntry, String> text) {
        TableColumn<AlertLogEntry, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.bind(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
