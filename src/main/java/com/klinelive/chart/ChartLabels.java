package com.klinelive.chart;

import com.klinelive.chart.scale.Overlays;
import com.klinelive.chart.scale.PriceFormat;
import com.klinelive.chart.scale.TimeTicks;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The text nodes over the chart: the legend (symbol, OHLCV and change of the candle under the crosshair or the
 * newest, overlay values), the last price and the candle-close countdown on the price axis, and the crosshair's
 * price and time labels. Unmanaged: the skin places them each frame, so a new text never re-lays out the window.
 */
final class ChartLabels {

    final Label title = label("legend-title");
    final Label values = label(ChartStyles.LEGEND);
    final Label sma = label("legend-sma");
    final Label ema = label("legend-ema");
    final Label bollinger = label("legend-bollinger");
    final HBox overlayLegend = new HBox(12, sma, ema, bollinger);
    final VBox legend = new SelfSizingBox(new HBox(10, title, values), overlayLegend);
    final Label lastPrice = label(ChartStyles.LAST_PRICE);
    final Label countdown = label(ChartStyles.COUNTDOWN);
    final Label crosshairPrice = label(ChartStyles.CROSSHAIR_PRICE);
    final Label crosshairTime = label(ChartStyles.CROSSHAIR_TIME);
    private long countdownSeconds = -1;

    ChartLabels() {
        overlayLegend.getStyleClass().add(ChartStyles.OVERLAY_LEGEND);
        legend.getStyleClass().add("legend-box");
        legend.setMouseTransparent(true);
        for (Node node : nodes()) {
            node.setManaged(false);
            node.setMouseTransparent(true);
        }
        lastPrice.setMinWidth(Region.USE_PREF_SIZE);
        crosshairPrice.setVisible(false);
        crosshairTime.setVisible(false);
    }

    /** The nodes to add to the skin, in paint order. */
    List<Node> nodes() {
        return List.of(legend, lastPrice, countdown, crosshairPrice, crosshairTime);
    }

    /** Fills and sizes the legend. */
    void legend(String symbol, String timeframe, LegendValues candle, Overlays.Settings overlays, int decimals) {
        title.setText(symbol == null ? "" : symbol + " \u00b7 " + timeframe);
        values.setText(candle.ohlcv(decimals));
        direction(values, !candle.isEmpty() && candle.isUp());
        show(
                sma,
                overlays != null && overlays.sma(),
                "SMA " + (overlays == null ? "" : overlays.smaLength()),
                candle.sma,
                decimals);
        show(
                ema,
                overlays != null && overlays.ema(),
                "EMA " + (overlays == null ? "" : overlays.emaLength()),
                candle.ema,
                decimals);
        boolean bands = overlays != null && overlays.bollinger();
        bollinger.setVisible(bands);
        bollinger.setManaged(bands);
        if (bands) {
            String range = Double.isNaN(candle.bollingerUpper)
                    ? "-"
                    : PriceFormat.price(candle.bollingerUpper, decimals) + " / "
                            + PriceFormat.price(candle.bollingerLower, decimals);
            bollinger.setText(
                    "BB " + overlays.bollingerLength() + " " + trim(overlays.bollingerWidth()) + "  " + range);
        }
        overlayLegend.setVisible(sma.isVisible() || ema.isVisible() || bands);
        overlayLegend.setManaged(overlayLegend.isVisible());
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
        double h = lastPrice.prefHeight(-1);
        lastPrice.resizeRelocate(axisX, Math.round(top + y - h / 2), axisWidth, h);
        double ch = countdown.isVisible() ? countdown.prefHeight(-1) : 0;
        countdown.resizeRelocate(axisX, Math.round(top + y + h / 2), axisWidth, ch);
        return new double[] {y - h / 2, y + h / 2 + ch};
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
            crosshairPrice.resizeRelocate(axisX, Math.round(y - h / 2), axisWidth, h);
        }
    }

    /** Shows the crosshair's time label centred at {@code x} on the time axis, within {@code [left, right]}. */
    void crosshairTime(long time, long periodMillis, double x, double axisY, double left, double right) {
        crosshairTime.setVisible(time != Long.MIN_VALUE);
        if (time != Long.MIN_VALUE) {
            crosshairTime.setText(TimeTicks.full(time, periodMillis));
            double w = crosshairTime.prefWidth(-1);
            double h = crosshairTime.prefHeight(-1);
            double at = Math.max(left, Math.min(right - w, x - w / 2));
            crosshairTime.resizeRelocate(Math.round(at), axisY, w, h);
        }
    }

    private static void show(Label label, boolean on, String name, double value, int decimals) {
        label.setVisible(on);
        label.setManaged(on);
        if (on) {
            label.setText(name + "  " + (Double.isNaN(value) ? "-" : PriceFormat.price(value, decimals)));
        }
    }

    private static String trim(double width) {
        return width == Math.rint(width) ? Long.toString((long) width) : Double.toString(width);
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
