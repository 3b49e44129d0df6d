package com.klinelive.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row, and the number formats the report uses. */
final class Markdown {

    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    Markdown(String... header) {
        this.header = header;
    }

    Markdown row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        sb.append(" --- |".repeat(header.length)).append('\n');
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    /** Three significant digits or so, thousands separated; "–" for NaN. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A whole number, thousands separated. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A ratio as "12.3x". */
    static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : num(v) + "x";
    }

    /** A median with its spread: "12.3 (10.1–15.0)". */
    static String spread(double median, double min, double max) {
        return num(median) + " (" + num(min) + "–" + num(max) + ")";
    }
}
