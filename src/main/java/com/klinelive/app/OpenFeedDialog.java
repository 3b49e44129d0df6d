package com.klinelive.app;

import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.feed.format.FormatRegistry;
import com.klinelive.model.Tick;
import com.klinelive.workspace.FeedSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Open feed…" (Ctrl+O): a URL, its format and, for custom JSON and socket.io feeds, the field mapping, picked
 * from the feed's own first messages with a live preview of the ticks the mapping reads from them. The result is
 * a {@link FeedSpec}, saved by name for the feed box when named. Sampling runs on network threads; only its
 * messages hop to the FX thread (at most {@link #SAMPLES}).
 */
final class OpenFeedDialog extends Dialog<FeedSpec> {

    static final int SAMPLES = 20;

    final TextField url = new TextField();
    final ChoiceBox<String> format = new ChoiceBox<>();
    final TextField event = new TextField();
    final TextField subscribe = new TextField();
    final TextField name = new TextField();
    final Button sample = new Button();
    final Label sampling = new Label();
    final ListView<String> messages = new ListView<>();
    final Map<FieldGuess.Field, ComboBox<String>> fields = new EnumMap<>(FieldGuess.Field.class);
    final TableView<Tick> preview = new TableView<>();
    final Label problems = new Label();
    private final I18n i18n;
    private FeedSampler sampler;

    OpenFeedDialog(I18n i18n, FeedSpec start) {
        this.i18n = i18n;
        setTitle(i18n.text("openfeed.title"));
        setResizable(true);
        url.setId("openfeed-url");
        url.setPromptText("wss://… / http://…");
        url.setText(start.url());
        format.getItems().add("auto");
        format.getItems().addAll(FormatRegistry.installed().names());
        format.setValue(start.format());
        event.setText(start.event().isEmpty() ? "trade" : start.event());
        subscribe.setText(start.subscribe());
        name.setText(start.name());
        sample.setId("openfeed-sample");
        sample.setText(i18n.text("openfeed.sample"));
        sample.setOnAction(e -> startSampling());
        messages.setId("openfeed-messages");
        messages.setPrefHeight(130);
        messages.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> offerPaths());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(i18n.text("openfeed.url")), url, sample);
        form.addRow(1, new Label(i18n.text("openfeed.format")), format, sampling);
        form.addRow(2, new Label(i18n.text("openfeed.event")), event);
        form.addRow(3, new Label(i18n.text("openfeed.subscribe")), subscribe);
        GridPane.setHgrow(url, Priority.ALWAYS);

        GridPane mapping = new GridPane();
        mapping.setHgap(8);
        mapping.setVgap(6);
        int row = 0;
        for (FieldGuess.Field field : FieldGuess.Field.values()) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("openfeed-field-" + field.key);
            box.setEditable(true);
            box.setPrefWidth(260);
            String given = start.fields().get(field.key);
            box.setValue(given == null ? "" : given);
            box.valueProperty().addListener((o, was, is) -> refreshPreview());
            fields.put(field, box);
            mapping.addRow(row++, new Label(i18n.text("openfeed.field." + field.key)), box);
        }
        preview.setId("openfeed-preview");
        preview.setPrefHeight(150);
        preview.getColumns().add(column("openfeed.col.symbol", Tick::symbol));
        preview.getColumns().add(column("openfeed.col.seq", t -> Long.toString(t.seq())));
        preview.getColumns()
                .add(column(
                        "openfeed.col.time", t -> Instant.ofEpochMilli(t.time()).toString()));
        preview.getColumns()
                .add(column(
                        "openfeed.col.price", t -> PriceFormat.price(t.price(), PriceFormat.decimalsFor(t.price()))));
        preview.getColumns().add(column("openfeed.col.size", t -> Double.toString(t.size())));
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problems.setId("openfeed-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("warning");

        HBox named = new HBox(8, new Label(i18n.text("openfeed.name")), name);
        HBox.setHgrow(name, Priority.ALWAYS);
        VBox content = new VBox(
                8,
                form,
                new Label(i18n.text("openfeed.messages")),
                messages,
                new Label(i18n.text("openfeed.mapping")),
                new HBox(12, mapping, new VBox(4, preview, problems)),
                named);
        content.setPadding(new Insets(12));
        content.setPrefWidth(920);
        getDialogPane().setContent(content);
        ButtonType connect = new ButtonType(i18n.text("openfeed.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(connect, ButtonType.CANCEL);
        setResultConverter(b -> b == connect ? spec() : null);
        setOnHidden(e -> stopSampling());
    }

    /** The feed as now set up. */
    FeedSpec spec() {
        Map<String, String> mapped = new LinkedHashMap<>();
        if (mapsFields()) {
            fields.forEach((field, box) -> {
                String path = box.getValue() == null ? "" : box.getValue().trim();
                if (!path.isEmpty()) {
                    mapped.put(field.key, path);
                }
            });
        }
        String f = format.getValue();
        return new FeedSpec(
                name.getText().trim(),
                url.getText().trim(),
                f,
                "",
                f.equals("socketio") ? event.getText().trim() : "",
                mapped,
                subscribe.getText().trim());
    }

    private boolean mapsFields() {
        return format.getValue().equals("json") || format.getValue().equals("socketio");
    }

    private void startSampling() {
        stopSampling();
        messages.getItems().clear();
        sampling.setText(i18n.text("openfeed.sampling"));
        FeedSpec spec = spec();
        try {
            sampler = FeedSampler.start(spec, SAMPLES, new FeedSampler.Listener() {
                @Override
                public void message(String text) {
                    Platform.runLater(() -> received(text));
                }

                @Override
                public void ended(String reason) {
                    Platform.runLater(() -> sampling.setText(
                            reason.isEmpty()
                                    ? i18n.text(
                                            "openfeed.sampled",
                                            messages.getItems().size())
                                    : i18n.text("openfeed.ended", reason)));
                }
            });
        } catch (IllegalArgumentException e) {
            sampling.setText(e.getMessage());
        }
    }

    private void received(String text) {
        messages.getItems().add(text);
        if (messages.getSelectionModel().isEmpty()) {
            messages.getSelectionModel().select(0);
        }
        if (mapsFields()
                && fields.values().stream()
                        .allMatch(b -> b.getValue() == null || b.getValue().isBlank())) {
            Map<FieldGuess.Field, String> guess = FieldGuess.guess(JsonLeaves.of(text));
            guess.forEach((field, path) -> fields.get(field).setValue(path));
        }
        refreshPreview();
    }

    /** Every box offers the paths of the selected message (and of the first, for messages of several shapes). */
    private void offerPaths() {
        Set<String> paths = new LinkedHashSet<>();
        String selected = messages.getSelectionModel().getSelectedItem();
        if (selected != null) {
            paths.addAll(JsonLeaves.of(selected).keySet());
        }
        if (!messages.getItems().isEmpty()) {
            paths.addAll(JsonLeaves.of(messages.getItems().get(0)).keySet());
        }
        ObservableList<String> offered = FXCollections.observableArrayList(paths);
        offered.add(0, "");
        for (ComboBox<String> box : fields.values()) {
            String keep = box.getValue();
            box.setItems(offered);
            box.setValue(keep);
        }
    }

    private void refreshPreview() {
        if (!mapsFields() || messages.getItems().isEmpty()) {
            preview.getItems().clear();
            problems.setText("");
            return;
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        fields.forEach((field, box) -> mapped.put(field.key, box.getValue()));
        MappingPreview result = MappingPreview.of(new ArrayList<>(messages.getItems()), mapped);
        preview.getItems().setAll(result.ticks());
        problems.setText(String.join(
                "\n", result.problems().subList(0, Math.min(3, result.problems().size()))));
    }

    private void stopSampling() {
        if (sampler != null) {
            FeedSampler closing = sampler;
            sampler = null;
            // Closing a socket may block: never on the FX thread.
            Thread t = new Thread(closing::close, "feed-sampler-close");
            t.setDaemon(true);
            t.start();
        }
    }

    private TableColumn<Tick, String> column(String key, java.util.function.Function<Tick, String> text) {
        TableColumn<Tick, String> c = new TableColumn<>(i18n.text(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
