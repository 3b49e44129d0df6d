package com.klinelive.bench;

import com.klinelive.bench.common.ChildJvm;
import com.klinelive.bench.e2e.EndToEndBench;
import com.klinelive.bench.fanout.FanOutBench;
import com.klinelive.bench.ingest.IngestBench;
import com.klinelive.bench.render.RenderBench;
import com.klinelive.bench.transport.TransportBench;
import java.util.ArrayList;
import java.util.List;

/** Runs the sections that are not JMH benchmarks, each in a fresh JVM (see {@link ChildJvm}). */
final class FxSections {

    private FxSections() {}

    static void run(String section, boolean quick) {
        List<String> args = quick ? List.of("--quick") : List.of();
        List<String> fx = new ArrayList<>(ChildJvm.FX_OPTIONS);
        switch (section) {
            case "render" -> {
                // Pulses as fast as the frames allow, so the time between painted frames is what a frame costs.
                fx.add("-Djavafx.animation.fullspeed=true");
                fx.add("-Xmx2g");
                ChildJvm.run("render", fx, RenderBench.class.getName(), args, 300);
            }
            case "transport" ->
                ChildJvm.run(
                        "transport",
                        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                        TransportBench.class.getName(),
                        args,
                        300);
            case "ingest" -> ChildJvm.run("ingest", fx, IngestBench.class.getName(), args, 300);
            case "fanout" ->
                ChildJvm.run(
                        "fanout",
                        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                        FanOutBench.class.getName(),
                        args,
                        300);
            case "e2e" ->
                ChildJvm.run(
                        "e2e",
                        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                        EndToEndBench.class.getName(),
                        args,
                        // Eight rows of 90 s each, in full mode.
                        1200);
            case "cache" ->
                ChildJvm.run(
                        "cache",
                        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xmx3g"),
                        com.klinelive.bench.cache.CacheBench.class.getName(),
                        args,
                        900);
            case "scrollback" -> {
                fx.add("-Xmx2g");
                ChildJvm.run(
                        "scrollback", fx, com.klinelive.bench.scrollback.ScrollBackBench.class.getName(), args, 600);
            }
            default -> throw new IllegalArgumentException(section);
        }
    }
}
