package com.klinelive.chart;

import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.TimeLabels;
import com.klinelive.model.Timeframe;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * The text nodes over the chart: the legend (symbol, OHLCV and change of the candle under the crosshair or the
 * newest, a row per overlay with its values), the last price and the candle-close countdown on the price axis, the
 * crosshair's price and time labels, and the zone's offset in the corner. Unmanaged: the skin places them each
 * frame, so a new text never re-lays out the window. Their words are in the chart's language ({@link #language}).
 */
final class ChartLabels {

    final Label title = label("legend-title");
    final Label values = label(ChartStyles.LEGEND);
    final VBox overlayLegend = new VBox(1);
    final VBox legend = new SelfSizingBox(new HBox(10, title, values), overlayLegend);
    final Label lastPrice = label(ChartStyles.LAST_PRICE);
    final Label countdown = label(ChartStyles.COUNTDOWN);
    final Label crosshairPrice = label(ChartStyles.CROSSHAIR_PRICE);
    final Label crosshairTime = label(ChartStyles.CROSSHAIR_TIME);
    final Label zone = label(ChartStyles.ZONE);
    private final Tooltip zoneTip = new Tooltip();
    private final Consumer<Study> onEdit;
    private final Consumer<Study> onRemove;
    private long countdownSeconds = -1;
    private double lastPriceHeight = -1;
    private Font heightFont;
    private Insets heightInsets;
    private ChartMessages messages = ChartMessages.of(Locale.ENGLISH);

    /**
     * @param onEdit   called when a study's settings button is pressed
     * @param onRemove called when a study's remove button is pressed
     */
    ChartLabels(Consumer<Study> onEdit, Consumer<Study> onRemove) {
        this.onEdit = onEdit;
        this.onRemove = onRemove;
        overlayLegend.getStyleClass().add(ChartStyles.OVERLAY_LEGEND);
        legend.getStyleClass().add("legend-box");
        // Only the studies' buttons take the mouse; the rest of the legend lets it through to the chart.
        legend.setPickOnBounds(false);
        overlayLegend.setPickOnBounds(false);
        legend.getChildren().get(0).setMouseTransparent(true);
        for (Node node : nodes()) {
            node.setManaged(false);
        }
        for (Node node : List.of(lastPrice, countdown, crosshairPrice, crosshairTime)) {
            node.setMouseTransparent(true);
        }
        zone.setTooltip(zoneTip);
        lastPrice.setMinWidth(Region.USE_PREF_SIZE);
        crosshairPrice.setVisible(false);
        crosshairTime.setVisible(false);
    }

    /** The nodes to add to the skin, in paint order. */
    List<Node> nodes() {
        return List.of(legend, lastPrice, countdown, crosshairPrice, crosshairTime, zone);
    }

    /** A legend row for a study, with this chart's actions, in its language. */
    StudyLegend newStudyLegend() {
        return new StudyLegend(messages, onEdit, onRemove);
    }

    /** The texts of the chart's language. */
    ChartMessages messages() {
        return messages;
    }

    /**
     * Speaks {@code language} from now on: the overlays' legend rows at once (the panes' rows are the skin's), the
     * other texts when they are next set.
     */
    void language(ChartMessages language) {
        messages = language;
        for (Node row : overlayLegend.getChildren()) {
            ((StudyLegend) row).language(language);
        }
        title.setText("");
    }

    /** Fills the title and the candle's values. */
    void legend(String symbol, Timeframe timeframe, LegendValues candle, int decimals) {
        String titleText = symbol == null ? "" : symbol + " \u00b7 " + messages.timeframeName(timeframe);
        if (!titleText.equals(title.getText())) {
            title.setText(titleText);
        }
        values.setText(candle.ohlcv(decimals, messages));
        direction(values, !candle.isEmpty() && candle.isUp());
    }

    /** The rows of the overlays' legends, one per overlay, created or dropped to match {@code count}. */
    List<StudyLegend> overlayRows(int count) {
        List<Node> rows = overlayLegend.getChildren();
        while (rows.size() > count) {
            rows.remove(rows.size() - 1);
        }
        while (rows.size() < count) {
            rows.add(newStudyLegend());
        }
        overlayLegend.setVisible(count > 0);
        overlayLegend.setManaged(count > 0);
        List<StudyLegend> out = new ArrayList<>(count);
        for (Node row : rows) {
            out.add((StudyLegend) row);
        }
        return out;
    }

    /**
     * The legend's box: unmanaged, so nothing else sizes it, and it takes its preferred size each time it lays
     * out. Sized when the texts are set instead, it kept a width measured before the layout pass and cut texts that
     * had grown since with an ellipsis.
     */
    private static final class SelfSizingBox extends VBox {

        SelfSizingBox(Node... children) {
            super(2, children);
        }

        @Override
        protected void layoutChildren() {
            resize(prefWidth(-1), prefHeight(-1));
            super.layoutChildren();
        }
    }

    /**
     * Places the last price label and the countdown under it on the price axis at plot y {@code y}, hidden when
     * {@code y} is outside the pane.
     *
     * @return the plot y range the two labels cover, as {top, bottom}, or null when hidden
     */
    double[] lastPrice(
            double axisX,
            double axisWidth,
            double top,
            double height,
            double y,
            double price,
            boolean up,
            int decimals) {
        boolean inside = Double.isFinite(y) && y >= 0 && y <= height;
        lastPrice.setVisible(inside);
        countdown.setVisible(inside && !countdown.getText().isEmpty());
        if (!inside) {
            return null;
        }
        lastPrice.setText(PriceFormat.price(price, decimals));
        direction(lastPrice, up);
        direction(countdown, up);
        double h = lastPriceHeight();
        Placement.box(lastPrice, axisX, Math.round(top + y - h / 2), axisWidth, h);
        double ch = countdown.isVisible() ? countdown.prefHeight(-1) : 0;
        Placement.box(countdown, axisX, Math.round(top + y + h / 2), axisWidth, ch);
        return new double[] {y - h / 2, y + h / 2 + ch};
    }

    /**
     * The last price label's height: one line of its font and its padding, whatever the digits. Measured again only
     * when the font or the padding change: measuring it after every new price took a tenth of the chart's frame on
     * the FX thread at 1,000 ticks/s.
     */
    private double lastPriceHeight() {
        Font font = lastPrice.getFont();
        Insets insets = lastPrice.getInsets();
        if (lastPriceHeight < 0 || !font.equals(heightFont) || !insets.equals(heightInsets)) {
            lastPriceHeight = lastPrice.prefHeight(-1);
            heightFont = font;
            heightInsets = insets;
        }
        return lastPriceHeight;
    }

    /** Sets the countdown text: time left until the current candle closes, {@code mm:ss} or {@code h:mm:ss}. */
    void countdown(long millisLeft) {
        long seconds = Math.max(0, (millisLeft + 999) / 1000);
        if (seconds == countdownSeconds) {
            return;
        }
        countdownSeconds = seconds;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        String text = h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%02d:%02d", m, s);
        countdown.setText(text);
    }

    /** Shows the crosshair's value label on an axis at {@code y} (chart coordinates), or hides it. */
    void crosshairValue(String text, double axisX, double axisWidth, double y) {
        crosshairPrice.setVisible(text != null);
        if (text != null) {
            crosshairPrice.setText(text);
            double h = crosshairPrice.prefHeight(-1);
            Placement.box(crosshairPrice, axisX, Math.round(y - h / 2), axisWidth, h);
        }
    }

    /**
     * Shows the crosshair's time label, the candle's time in the chart's zone and language, centred at {@code x} on
     * the time axis, within {@code [left, right]}.
     */
    void crosshairTime(
            long time, long periodMillis, TimeLabels zone, double x, double axisY, double left, double right) {
        crosshairTime.setVisible(time != Long.MIN_VALUE);
        if (time != Long.MIN_VALUE) {
            crosshairTime.setText(zone.full(time, periodMillis));
            double w = crosshairTime.prefWidth(-1);
            double h = crosshairTime.prefHeight(-1);
            double at = Math.max(left, Math.min(right - w, x - w / 2));
            Placement.box(crosshairTime, Math.round(at), axisY, w, h);
        }
    }

    /**
     * Shows which wall clock the times are on, in the corner under the price axis: {@code UTC}, or the zone's
     * offset at {@code nowMillis} ({@code UTC-5}, {@code UTC+5:30}), which a daylight-saving change moves; the
     * zone's id in the tooltip.
     */
    void zone(ZoneId shown, long nowMillis) {
        ZoneOffset offset = shown.getRules().getOffset(Instant.ofEpochMilli(nowMillis));
        String text = offsetText(offset);
        if (!text.equals(zone.getText())) {
            zone.setText(text);
        }
        String id = shown.getId();
        if (!id.equals(zoneTip.getText())) {
            zoneTip.setText(id);
        }
    }

    /** {@code UTC}, {@code UTC-5}, {@code UTC+5:30}. */
    static String offsetText(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        String hours = (seconds < 0 ? "-" : "+") + minutes / 60;
        return "UTC" + hours + (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes % 60));
    }

    /** Marks a label as showing a rise or a fall, for its colour. */
    static void direction(Node node, boolean up) {
        List<String> classes = node.getStyleClass();
        String add = up ? ChartStyles.UP : ChartStyles.DOWN;
        String remove = up ? ChartStyles.DOWN : ChartStyles.UP;
        if (!classes.contains(add)) {
            classes.remove(remove);
            classes.add(add);
        }
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }
}
