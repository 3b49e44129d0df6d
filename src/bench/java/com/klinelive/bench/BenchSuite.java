package com.klinelive.bench;

import com.google.gson.JsonObject;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.report.ReportWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark suite of docs/BENCHMARKS.md and regenerates its tables and plots. Started by
 * {@code bench/run.sh}; arguments name the sections to run (default: all), {@code --quick} shortens every
 * section for a smoke test, {@code --report} only rewrites the document from the results already there.
 */
public final class BenchSuite {

    static final List<String> SECTIONS = List.of(
            "decode",
            "aggregate",
            "indicators",
            "render",
            "transport",
            "ingest",
            "fanout",
            "e2e",
            "cache",
            "scrollback");

    private BenchSuite() {}

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean reportOnly = false;
        List<String> sections = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "--report" -> reportOnly = true;
                default -> {
                    if (!SECTIONS.contains(a)) {
                        throw new IllegalArgumentException("unknown section " + a + "; sections: " + SECTIONS);
                    }
                    sections.add(a);
                }
            }
        }
        if (sections.isEmpty() && !reportOnly) {
            sections.addAll(SECTIONS);
        }
        long start = System.nanoTime();
        System.out.println("bench: machine " + Machine.describe() + ", results in " + Results.DIR);
        StringBuilder loads = new StringBuilder("start " + Machine.loadAverages());
        for (String section : sections) {
            long t0 = System.nanoTime();
            System.out.println("bench: " + section + " ...");
            run(section, quick);
            String load = Machine.loadAverages();
            loads.append("; ").append(section).append(' ').append(load);
            System.out.printf("bench: %s done in %.0f s (load %s)%n", section, (System.nanoTime() - t0) / 1e9, load);
        }
        JsonObject run = null;
        if (!sections.isEmpty()) {
            run = new JsonObject();
            run.addProperty("finished", ReportWriter.now());
            run.addProperty(
                    "seconds",
                    (System.nanoTime() - start) / 1e9
                            + Double.parseDouble(System.getProperty("bench.buildSeconds", "0")));
            run.addProperty("sections", String.join(", ", sections) + (quick ? " (--quick)" : ""));
            run.addProperty("loads", loads.toString());
        }
        ReportWriter.write(run);
        System.out.printf("bench: all done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void run(String section, boolean quick) throws Exception {
        switch (section) {
            case "decode" -> JmhSection.decode(quick);
            case "aggregate" -> JmhSection.aggregate(quick);
            case "indicators" -> JmhSection.indicators(quick);
            default -> FxSections.run(section, quick);
        }
    }
}
