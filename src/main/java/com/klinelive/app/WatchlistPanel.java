package com.klinelive.app;

import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.workspace.WatchEntry;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The watchlist panel: a searchable box to add a symbol, and the rows (symbol, the day's sparkline, last price,
 * change since the UTC day's open). Click or Enter shows a row in the active chart, Delete removes it, rows are
 * reordered by dragging, the arrow keys move through them.
 */
final class WatchlistPanel extends VBox {

    static final String STYLE = "watchlist";
    private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

    private final WatchlistViewModel model;
    private final ListView<WatchlistViewModel.Row> list = new ListView<>();
    private final ComboBox<String> search = new ComboBox<>();

    /**
     * @param symbols what can be added: the symbols of the active chart's feed (an exchange's whole list)
     * @param feed    the feed new rows belong to: the active chart's
     */
    WatchlistPanel(WatchlistViewModel model, I18n i18n, Supplier<List<String>> symbols, Supplier<String> feed) {
        this.model = model;
        getStyleClass().add(STYLE);
        setSpacing(6);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("watchlist.title"));
        title.getStyleClass().add("panel-title");

        search.setEditable(true);
        search.promptTextProperty().bind(i18n.bind("watchlist.search"));
        search.setMaxWidth(Double.MAX_VALUE);
        search.setOnShowing(e -> offer(symbols.get()));
        search.getEditor().textProperty().addListener((obs, was, is) -> filter(is));
        search.setOnAction(e -> addTyped(feed.get()));
        Button add = new Button("+");
        add.setId("watchlist-add");
        add.setOnAction(e -> addTyped(feed.get()));
        HBox adder = new HBox(4, search, add);
        HBox.setHgrow(search, Priority.ALWAYS);

        list.setId("watchlist");
        list.setItems(model.rows());
        list.setCellFactory(v -> new RowCell());
        list.setOnKeyPressed(e -> {
            WatchlistViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER) {
                model.show(row);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && row != null) {
                model.remove(row);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.show(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, adder, list);
        setPrefWidth(310);
    }

    ListView<WatchlistViewModel.Row> list() {
        return list;
    }

    ComboBox<String> search() {
        return search;
    }

    private FilteredList<String> offered = new FilteredList<>(FXCollections.observableArrayList());

    private void offer(List<String> symbols) {
        offered = new FilteredList<>(FXCollections.observableArrayList(symbols));
        filter(search.getEditor().getText());
        search.setItems(offered);
    }

    private void filter(String typed) {
        String needle = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        offered.setPredicate(s -> needle.isEmpty() || s.toUpperCase(Locale.ROOT).contains(needle));
    }

    private void addTyped(String feed) {
        String typed = search.getEditor().getText();
        String symbol = typed == null ? "" : typed.trim();
        if (!symbol.isEmpty() && model.add(new WatchEntry(feed, symbol))) {
            search.getEditor().clear();
            list.getSelectionModel().selectLast();
        }
    }

    /** A row: symbol, sparkline, last price and change, coloured by direction; a drag source and target. */
    private final class RowCell extends ListCell<WatchlistViewModel.Row> {
        private final Label symbol = new Label();
        private final Canvas spark = new Canvas(56, 18);
        private final Label last = new Label();
        private final Label change = new Label();
        private final HBox box;

        RowCell() {
            symbol.getStyleClass().add("watch-symbol");
            last.getStyleClass().add("watch-last");
            change.getStyleClass().add("watch-change");
            last.setMinWidth(Region.USE_PREF_SIZE);
            change.setMinWidth(Region.USE_PREF_SIZE);
            change.setAlignment(Pos.CENTER_RIGHT);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            box = new HBox(6, symbol, spring, spark, last, change);
            box.setAlignment(Pos.CENTER_LEFT);
            // As wide as the list, never wider (no sideways scrolling): the spring between symbol and sparkline
            // gives way first, then a long symbol is cut short with an ellipsis.
            setPrefWidth(0);
            symbol.setMinWidth(64);
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(Integer.toString(getIndex()));
                    startDragAndDrop(TransferMode.MOVE).setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() instanceof RowCell && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                int from = Integer.parseInt(e.getDragboard().getString());
                int to = isEmpty() ? model.rows().size() - 1 : getIndex();
                model.move(from, to);
                list.getSelectionModel().select(to);
                e.setDropCompleted(true);
                e.consume();
            });
            itemProperty().addListener((obs, was, is) -> {
                if (was != null) {
                    was.quoteProperty().removeListener(this::quoteChanged);
                }
                if (is != null) {
                    is.quoteProperty().addListener(this::quoteChanged);
                }
            });
        }

        private void quoteChanged(
                javafx.beans.value.ObservableValue<? extends WatchQuote> obs, WatchQuote was, WatchQuote is) {
            show(is);
        }

        @Override
        protected void updateItem(WatchlistViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            symbol.setText(row.entry().symbol());
            show(row.quote());
            setGraphic(box);
        }

        private void show(WatchQuote q) {
            last.setText(Double.isNaN(q.last()) ? "—" : PriceFormat.price(q.last(), PriceFormat.decimalsFor(q.last())));
            change.setText(Double.isNaN(q.changePercent()) ? "" : PriceFormat.percent(q.changePercent() / 100));
            change.pseudoClassStateChanged(UP, q.changePercent() > 0);
            change.pseudoClassStateChanged(DOWN, q.changePercent() < 0);
            drawSpark(q);
        }

        private void drawSpark(WatchQuote q) {
            GraphicsContext g = spark.getGraphicsContext2D();
            g.clearRect(0, 0, spark.getWidth(), spark.getHeight());
            double[] ys = q.spark();
            if (ys.length < 2) {
                return;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double y : ys) {
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
            double range = max > min ? max - min : 1;
            double w = spark.getWidth();
            double h = spark.getHeight() - 2;
            g.setStroke(q.changePercent() < 0 ? Color.web("#ef5350") : Color.web("#26a69a"));
            g.setLineWidth(1.2);
            g.beginPath();
            for (int i = 0; i < ys.length; i++) {
                double x = i * w / (ys.length - 1);
                double y = 1 + h - (ys[i] - min) / range * h;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }
}
