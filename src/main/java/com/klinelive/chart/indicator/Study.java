package com.klinelive.chart.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One indicator on a chart, as the trader set it up: its kind, parameter values and colours, and for a pane of
 * its own the share of the chart's height it takes. A value: editing a study replaces it.
 *
 * @param indicator  the kind
 * @param parameters one value per {@link Indicator#parameters()}, each accepted by its parameter
 * @param colours    one per colour of {@link Indicator#plots()}, in plot order: palette keys or {@code #rrggbb}
 * @param paneShare  fraction of the chart's height for its pane (0.05 to 0.8); ignored for overlays
 */
public record Study(Indicator indicator, List<Double> parameters, List<String> colours, double paneShare) {

    /** The share of the height a new pane takes. */
    public static final double DEFAULT_SHARE = 0.2;

    /** The smallest share a pane can be given. */
    public static final double MIN_SHARE = 0.05;

    /** The largest share a pane can be given. */
    public static final double MAX_SHARE = 0.8;

    private static final String LINE = "line-";
    private static final int LINES = 6;

    /** What a computation depends on: two studies with equal keys compute the same values. */
    public record Key(Indicator indicator, List<Double> parameters) {}

    public Study {
        Objects.requireNonNull(indicator, "indicator");
        parameters = List.copyOf(parameters);
        colours = List.copyOf(colours);
        List<Parameter> accepted = indicator.parameters();
        if (parameters.size() != accepted.size()) {
            throw new IllegalArgumentException(
                    indicator.name() + " takes " + accepted.size() + " parameters, not " + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            accepted.get(i).check(parameters.get(i));
        }
        if (colours.size() != defaultColours(indicator).size()) {
            int n = defaultColours(indicator).size();
            throw new IllegalArgumentException(
                    indicator.name() + " takes " + n + (n == 1 ? " colour" : " colours") + ", not " + colours.size());
        }
        if (!(paneShare >= MIN_SHARE && paneShare <= MAX_SHARE)) {
            throw new IllegalArgumentException("pane share must be from " + MIN_SHARE + " to " + MAX_SHARE);
        }
    }

    /** {@code indicator} with its default parameters and colours. */
    public static Study of(Indicator indicator) {
        List<Double> values = new ArrayList<>();
        for (Parameter p : indicator.parameters()) {
            values.add(p.defaultValue());
        }
        return new Study(indicator, values, defaultColours(indicator), DEFAULT_SHARE);
    }

    /** {@code indicator} with these parameter values (checked) and its default colours. */
    public static Study of(Indicator indicator, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return new Study(indicator, list, defaultColours(indicator), DEFAULT_SHARE);
    }

    /** The default colours of {@code indicator}'s plots, in plot order. */
    public static List<String> defaultColours(Indicator indicator) {
        List<String> colours = new ArrayList<>();
        for (Plot plot : indicator.plots()) {
            colours.addAll(plot.colours());
        }
        return colours;
    }

    public Study withParameters(List<Double> values) {
        return new Study(indicator, values, colours, paneShare);
    }

    public Study withColours(List<String> values) {
        return new Study(indicator, parameters, values, paneShare);
    }

    public Study withPaneShare(double share) {
        return new Study(indicator, parameters, colours, Math.max(MIN_SHARE, Math.min(MAX_SHARE, share)));
    }

    /**
     * This study with its line colours moved to palette lines ({@code line-1} ... {@code line-6}) that no other
     * overlay among {@code others} uses, where its own are taken: a second SMA beside the first gets a colour of
     * its own. A study in a pane of its own keeps its colours (nothing else draws there); explicit colours and
     * other palette keys stay.
     */
    public Study apartFrom(List<Study> others) {
        if (inPane()) {
            return this;
        }
        Set<String> used = new HashSet<>();
        for (Study other : others) {
            if (!other.inPane()) {
                used.addAll(other.colours);
            }
        }
        Map<String, String> moved = new HashMap<>();
        List<String> mine = new ArrayList<>(colours);
        for (int i = 0; i < mine.size(); i++) {
            String colour = mine.get(i);
            if (colour.startsWith(LINE) && used.contains(colour)) {
                mine.set(i, moved.computeIfAbsent(colour, c -> freeLine(used, moved, c)));
            }
        }
        return withColours(mine);
    }

    private String freeLine(Set<String> used, Map<String, String> moved, String fallback) {
        for (int k = 1; k <= LINES; k++) {
            String line = LINE + k;
            if (!used.contains(line) && !colours.contains(line) && !moved.containsValue(line)) {
                return line;
            }
        }
        return fallback;
    }

    /** What its values depend on. */
    public Key key() {
        return new Key(indicator, parameters);
    }

    /** The parameter values as an array, as {@link Indicator} takes them. */
    public double[] parameterArray() {
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i);
        }
        return values;
    }

    /** The colour of plot {@code plot}'s colour {@code slot} (0, or 1 for a falling bar). */
    public String colour(int plot, int slot) {
        int at = 0;
        for (int p = 0; p < plot; p++) {
            at += indicator.plots().get(p).colours().size();
        }
        return colours.get(at + slot);
    }

    /**
     * The English name with the parameters, {@code SMA 20}, {@code MACD 12 26 9}, {@code VWAP}; the legend shows it
     * in the chart's language ({@code ChartMessages.studyLabel}).
     */
    public String label() {
        StringBuilder text = new StringBuilder(indicator.name());
        for (double v : parameters) {
            text.append(' ').append(Parameter.format(v));
        }
        return text.toString();
    }

    /** Whether it is drawn in a pane of its own. */
    public boolean inPane() {
        return !indicator.overlay();
    }
}
