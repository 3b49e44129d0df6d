package com.klinelive.chart.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Studies as text, for command lines and settings. A study is its indicator's id with its parameter values after
 * colons, defaults for those left out: {@code sma:20}, {@code macd:12:26:9}, {@code rsi}. Settings add its colours
 * and pane share: {@code rsi:14|line-3|0.2}, {@code macd:12:26:9|histogram-up/histogram-down/line-2/line-4|0.2}.
 * A list separates studies with commas.
 */
public final class StudyText {

    private static final Pattern COLOUR = Pattern.compile("[a-z][a-z0-9-]*|#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

    private StudyText() {}

    /**
     * The study {@code text} names.
     *
     * @throws IllegalArgumentException saying what is wrong: an unknown indicator, a parameter that is not a number
     *                                  or out of range, too many parameters, a bad colour or share
     */
    public static Study parse(String text) {
        String[] parts = text.trim().split("\\|", -1);
        String[] head = parts[0].split(":", -1);
        Indicator indicator = Indicators.byName(head[0])
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown indicator '" + head[0].trim() + "' (use " + Indicators.ids() + ")"));
        List<Parameter> accepted = indicator.parameters();
        if (head.length - 1 > accepted.size()) {
            throw new IllegalArgumentException(indicator.id() + " takes at most " + accepted.size() + " parameter"
                    + (accepted.size() == 1 ? "" : "s") + ": '" + parts[0].trim() + "'");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            values.add(
                    i + 1 < head.length
                            ? number(indicator, head[i + 1])
                            : accepted.get(i).defaultValue());
        }
        Study study;
        try {
            study = Study.of(indicator).withParameters(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(indicator.id() + ": " + e.getMessage(), e);
        }
        if (parts.length > 1 && !parts[1].isEmpty()) {
            List<String> colours = Arrays.asList(parts[1].split("/"));
            for (String colour : colours) {
                if (!COLOUR.matcher(colour).matches()) {
                    throw new IllegalArgumentException("bad colour '" + colour + "' for " + indicator.id());
                }
            }
            study = study.withColours(colours);
        }
        if (parts.length > 2 && !parts[2].isEmpty()) {
            study = study.withPaneShare(number(indicator, parts[2]));
        }
        return study;
    }

    /**
     * The studies of a comma-separated list; an empty text is an empty list. A study without colours of its own
     * takes line colours the studies before it left free, so {@code sma:20,sma:50} shows two colours.
     */
    public static List<Study> parseList(String text) {
        List<Study> studies = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                Study study = parse(part);
                studies.add(part.contains("|") ? study : study.apartFrom(studies));
            }
        }
        return studies;
    }

    /** {@code study} with its parameters only: {@code sma:20}. */
    public static String format(Study study) {
        StringBuilder text = new StringBuilder(study.indicator().id());
        for (double v : study.parameters()) {
            text.append(':').append(Parameter.format(v));
        }
        return text.toString();
    }

    /** {@code study} with its colours and pane share, for settings: {@code rsi:14|line-3|0.2}. */
    public static String formatFull(Study study) {
        return format(study) + "|" + String.join("/", study.colours()) + "|" + study.paneShare();
    }

    /** A list of studies in full, comma-separated, as {@link #parseList(String)} reads it. */
    public static String formatList(List<Study> studies) {
        return String.join(",", studies.stream().map(StudyText::formatFull).toList());
    }

    private static double number(Indicator indicator, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number (" + indicator.id() + ")", e);
        }
    }
}
