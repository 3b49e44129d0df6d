package com.klinelive.chart;

import com.klinelive.chart.indicator.Parameter;
import com.klinelive.chart.indicator.Plot;
import com.klinelive.chart.indicator.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The small dialog that edits a study: a field per parameter, checked as it is typed (OK stays disabled while a
 * value is not accepted, and the reason shows), and a colour picker per plotted colour. A colour left as it was
 * stays the theme's palette colour, so it follows a theme change; a colour picked is stored as such. Its texts are in
 * the chart's language.
 */
public final class StudyDialog extends Dialog<Study> {

    /** Style class of the dialog's message line (why a value is not accepted). */
    public static final String ERROR = "study-dialog-error";

    private final Study study;
    private final ChartMessages messages;
    private final List<TextField> fields = new ArrayList<>();
    private final List<ColorPicker> pickers = new ArrayList<>();
    private final List<Color> initial = new ArrayList<>();
    private final Label error = new Label();

    /**
     * A dialog for {@code study}, its colours shown as {@code chart} paints them.
     *
     * @param title the dialog's title, such as "RSI settings"
     */
    public StudyDialog(CandleChart chart, Study study, String title) {
        this.study = study;
        this.messages = chart.messages();
        setTitle(title);
        setHeaderText(null);
        if (chart.getScene() != null) {
            initOwner(chart.getScene().getWindow());
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        List<Parameter> parameters = study.indicator().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            TextField field = new TextField(Parameter.format(study.parameters().get(i)));
            field.setId("parameter-" + i);
            field.setPrefColumnCount(6);
            field.textProperty().addListener((o, a, b) -> validate());
            fields.add(field);
            grid.addRow(row++, new Label(messages.parameterName(parameters.get(i))), field);
        }
        List<String> names = colourNames(study, messages);
        for (int i = 0; i < names.size(); i++) {
            Paint paint = chart.colors().resolve(study.colours().get(i));
            Color colour = paint instanceof Color c ? c : Color.GREY;
            ColorPicker picker = new ColorPicker(colour);
            picker.setId("colour-" + i);
            pickers.add(picker);
            initial.add(colour);
            grid.addRow(row++, new Label(names.get(i)), picker);
        }
        error.getStyleClass().add(ERROR);
        error.setWrapText(true);
        grid.add(error, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // The button types' own texts follow the machine's locale, not the chart's.
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText(messages.get("dialog.ok"));
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(messages.get("dialog.cancel"));
        setResultConverter(button -> button == ButtonType.OK ? edited() : null);
        validate();
    }

    /** Opens the settings of study {@code index} of {@code chart}; OK replaces it there. */
    public static void edit(CandleChart chart, int index) {
        Study study = chart.getStudies().get(index);
        StudyDialog dialog = new StudyDialog(
                chart,
                study,
                chart.messages()
                        .format("dialog.study-settings", chart.messages().studyLabel(study)));
        whenDone(dialog, edited -> {
            // The list may have changed meanwhile: replace the study only where it still is.
            int at = chart.getStudies().indexOf(study);
            if (at >= 0) {
                chart.getStudies().set(at, edited);
            }
        });
    }

    /** Shows {@code dialog} without blocking and hands its study to {@code action} when it closes with OK. */
    public static void whenDone(StudyDialog dialog, Consumer<Study> action) {
        dialog.setOnHidden(e -> {
            Study result = dialog.getResult();
            if (result != null) {
                action.accept(result);
            }
        });
        dialog.show();
    }

    /** The study as the fields state it; null while a value is not accepted. */
    Study edited() {
        List<Double> values = new ArrayList<>();
        List<Parameter> parameters = study.indicator().parameters();
        for (int i = 0; i < fields.size(); i++) {
            try {
                values.add(parameters
                        .get(i)
                        .check(Double.parseDouble(fields.get(i).getText().trim())));
            } catch (NumberFormatException e) {
                return null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        List<String> colours = new ArrayList<>(study.colours());
        for (int i = 0; i < pickers.size(); i++) {
            Color picked = pickers.get(i).getValue();
            if (picked != null && !picked.equals(initial.get(i))) {
                colours.set(i, web(picked));
            }
        }
        return study.withParameters(values).withColours(colours);
    }

    private void validate() {
        String problem = null;
        List<Parameter> parameters = study.indicator().parameters();
        for (int i = 0; i < fields.size() && problem == null; i++) {
            problem = problem(parameters.get(i), fields.get(i).getText().trim());
        }
        error.setText(problem == null ? "" : problem);
        error.setVisible(problem != null);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        if (ok != null) {
            ok.setDisable(problem != null);
        }
    }

    /** Why {@code parameter} does not accept {@code text}, in the chart's language; null when it does. */
    private String problem(Parameter parameter, String text) {
        String name = messages.parameterName(parameter);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return messages.format("dialog.not-a-number", name, text);
        }
        try {
            parameter.check(value);
            return null;
        } catch (IllegalArgumentException e) {
            return messages.format(
                    parameter.integer() ? "dialog.whole-out-of-range" : "dialog.out-of-range",
                    name,
                    Parameter.format(parameter.min()),
                    Parameter.format(parameter.max()),
                    Parameter.format(value));
        }
    }

    /** A name for each colour of the study, in the order of its colours. */
    private static List<String> colourNames(Study study, ChartMessages messages) {
        List<String> names = new ArrayList<>();
        List<String> outputs = study.indicator().outputs();
        for (Plot plot : study.indicator().plots()) {
            String output = messages.outputName(outputs.get(plot.output()));
            switch (plot.kind()) {
                case LINE -> names.add(output);
                case FILL -> names.add(messages.get("dialog.fill"));
                case HISTOGRAM, VOLUME -> {
                    names.add(messages.format("dialog.rising", output));
                    names.add(messages.format("dialog.falling", output));
                }
            }
        }
        return names;
    }

    private static String web(Color c) {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x%02x",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255),
                Math.round(c.getOpacity() * 255));
    }
}
