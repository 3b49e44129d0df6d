package com.klinelive.bench.render;

import java.util.Iterator;
import javafx.collections.FXCollections;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * The peer: a candlestick chart the way the OpenJFX Ensemble sample {@code CandleStickChart} builds one, an
 * {@link XYChart} with a node per candle (a {@link Group} of a wick {@link Line} and a body {@link Region}) laid
 * out by {@link #layoutPlotChildren()}. Two changes favour it: no tooltip per candle, and style classes are
 * rewritten only when a candle changes colour (the sample rewrites them on every layout).
 */
public final class NodeCandleChart extends XYChart<Number, Number> {

    /** The CSS of the sample, reduced to colours. */
    public static final String STYLESHEET = """
            .candlestick-line { -fx-stroke: #888888; -fx-stroke-width: 1px; }
            .candlestick-bar { -fx-padding: 0; -fx-background-color: #26a69a; }
            .candlestick-bar.open-above-close { -fx-background-color: #ef5350; }
            """;

    /** Open, high, low and close of a candle; the open is the item's y value, as in the sample. */
    public record Ohlc(double open, double high, double low, double close) {}

    private final Series<Number, Number> series = new Series<>();

    public NodeCandleChart() {
        super(axis(), axis());
        setAnimated(false);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        setLegendVisible(false);
        setData(FXCollections.observableArrayList());
        getData().add(series);
    }

    private static NumberAxis axis() {
        NumberAxis axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        return axis;
    }

    /** Appends candles at x = their index, in one change of the data list. */
    public void addAll(java.util.List<Ohlc> candles) {
        java.util.List<Data<Number, Number>> items = new java.util.ArrayList<>(candles.size());
        int x = series.getData().size();
        for (Ohlc c : candles) {
            Data<Number, Number> item = new Data<>(x++, c.open());
            item.setExtraValue(c);
            items.add(item);
        }
        series.getData().addAll(items);
    }

    /** Number of candles. */
    public int size() {
        return series.getData().size();
    }

    /** A live trade changed the newest candle: what a feed does many times a second. */
    public void updateLast(Ohlc candle) {
        series.getData().get(series.getData().size() - 1).setExtraValue(candle);
    }

    @Override
    protected void dataItemChanged(Data<Number, Number> item) {
        // The sample leaves this empty, so a change of the extra value would never be drawn; a new range and a
        // new layout are what a change of the y value triggers in XYChart itself.
        updateAxisRange();
        requestChartLayout();
    }

    @Override
    protected void dataItemAdded(Series<Number, Number> s, int itemIndex, Data<Number, Number> item) {
        Node candle = new CandleNode();
        item.setNode(candle);
        getPlotChildren().add(candle);
    }

    @Override
    protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> s) {
        getPlotChildren().remove(item.getNode());
        removeDataItemFromDisplay(s, item);
    }

    @Override
    protected void seriesAdded(Series<Number, Number> s, int seriesIndex) {
        for (Data<Number, Number> item : s.getData()) {
            dataItemAdded(s, 0, item);
        }
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> s) {
        for (Data<Number, Number> item : s.getData()) {
            getPlotChildren().remove(item.getNode());
        }
        removeSeriesFromDisplay(s);
    }

    @Override
    protected void layoutPlotChildren() {
        Axis<Number> xa = getXAxis();
        Axis<Number> ya = getYAxis();
        double width = Math.abs(xa.getDisplayPosition(1) - xa.getDisplayPosition(0)) * 0.9;
        for (Iterator<Data<Number, Number>> it = getDisplayedDataIterator(series); it.hasNext(); ) {
            Data<Number, Number> item = it.next();
            if (item.getNode() instanceof CandleNode candle && item.getExtraValue() instanceof Ohlc ohlc) {
                double x = xa.getDisplayPosition(getCurrentDisplayedXValue(item));
                double y = ya.getDisplayPosition(getCurrentDisplayedYValue(item));
                candle.update(
                        ya.getDisplayPosition(ohlc.close()) - y,
                        ya.getDisplayPosition(ohlc.high()) - y,
                        ya.getDisplayPosition(ohlc.low()) - y,
                        width);
                candle.setLayoutX(x);
                candle.setLayoutY(y);
            }
        }
    }

    @Override
    protected void updateAxisRange() {
        Axis<Number> xa = getXAxis();
        Axis<Number> ya = getYAxis();
        if (series.getData().isEmpty()) {
            return;
        }
        java.util.List<Number> xs = new java.util.ArrayList<>(2);
        java.util.List<Number> ys = new java.util.ArrayList<>(2);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Data<Number, Number> item : series.getData()) {
            if (item.getExtraValue() instanceof Ohlc ohlc) {
                lo = Math.min(lo, ohlc.low());
                hi = Math.max(hi, ohlc.high());
            }
        }
        xs.add(-0.5);
        xs.add(series.getData().size() - 0.5);
        ys.add(lo);
        ys.add(hi);
        if (xa.isAutoRanging()) {
            xa.invalidateRange(xs);
        }
        if (ya.isAutoRanging()) {
            ya.invalidateRange(ys);
        }
    }

    /** One candle: a wick and a body, as the sample's {@code Candle}. */
    private static final class CandleNode extends Group {
        private final Line wick = new Line();
        private final Region body = new Region();
        private Boolean openAboveClose;

        CandleNode() {
            setAutoSizeChildren(false);
            getChildren().addAll(wick, body);
            wick.getStyleClass().setAll("candlestick-line");
            body.getStyleClass().setAll("candlestick-bar");
        }

        void update(double closeOffset, double highOffset, double lowOffset, double width) {
            boolean above = closeOffset > 0;
            if (openAboveClose == null || above != openAboveClose) {
                openAboveClose = above;
                body.getStyleClass().setAll("candlestick-bar", above ? "open-above-close" : "close-above-open");
            }
            wick.setStartY(highOffset);
            wick.setEndY(lowOffset);
            if (above) {
                body.resizeRelocate(-width / 2, 0, width, Math.max(1, closeOffset));
            } else {
                body.resizeRelocate(-width / 2, closeOffset, width, Math.max(1, -closeOffset));
            }
        }
    }
}
