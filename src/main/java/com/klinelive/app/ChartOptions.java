package com.klinelive.app;

import com.klinelive.chart.indicator.Indicators;
import com.klinelive.chart.indicator.Study;
import com.klinelive.chart.indicator.StudyText;
import com.klinelive.chart.scale.ScaleMode;
import com.klinelive.chart.type.ChartType;
import com.klinelive.chart.type.ChartTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * How the chart starts, as the command line says; a null field keeps what the settings remember. What is given
 * is also remembered for the next start.
 *
 * @param panes     the indicator panes under the prices, top to bottom, or null
 * @param overlays  the indicators over the prices, or null
 * @param chartType how the candles are drawn, or null
 * @param scale     the price scale, or null
 */
public record ChartOptions(List<Study> panes, List<Study> overlays, ChartType chartType, ScaleMode scale) {

    /** Nothing given: the remembered chart. */
    public static final ChartOptions NONE = new ChartOptions(null, null, null, null);

    /**
     * The options of the flags {@code --panes}, {@code --overlays}, {@code --chart-type} and {@code --scale}; null
     * for a flag not given.
     *
     * @throws IllegalArgumentException saying which flag is wrong and why
     */
    public static ChartOptions parse(String panes, String overlays, String chartType, String scale) {
        List<Study> paneStudies = panes == null ? null : studies("--panes", panes, false);
        List<Study> overlayStudies = overlays == null ? null : studies("--overlays", overlays, true);
        ChartType type;
        ScaleMode mode;
        try {
            type = chartType == null ? null : ChartTypes.byId(chartType);
            mode = scale == null ? null : ScaleMode.of(scale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    (chartType != null && e.getMessage().contains("chart type") ? "--chart-type: " : "--scale: ")
                            + e.getMessage());
        }
        return new ChartOptions(paneStudies, overlayStudies, type, mode);
    }

    /** {@code current} with the panes and overlays given replacing those of their kind. */
    public List<Study> applyTo(List<Study> current) {
        if (panes == null && overlays == null) {
            return List.copyOf(current);
        }
        List<Study> studies = new ArrayList<>();
        studies.addAll(
                overlays != null
                        ? overlays
                        : current.stream().filter(s -> !s.inPane()).toList());
        studies.addAll(
                panes != null ? panes : current.stream().filter(Study::inPane).toList());
        return studies;
    }

    private static List<Study> studies(String flag, String text, boolean overlay) {
        List<Study> studies;
        try {
            studies = StudyText.parseList(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
        for (Study study : studies) {
            if (study.inPane() == overlay) {
                throw new IllegalArgumentException(
                        flag + ": " + study.indicator().id() + " is drawn "
                                + (overlay ? "in a pane of its own: use --panes" : "over the prices: use --overlays"));
            }
        }
        return studies;
    }

    /** The ids each flag takes, for its help text. */
    static String ids(boolean overlay) {
        return String.join(
                ", ",
                Indicators.ALL.stream()
                        .filter(i -> i.overlay() == overlay)
                        .map(i -> i.id())
                        .toList());
    }
}
