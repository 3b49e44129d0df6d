package com.klinelive.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.klinelive.bench.aggregate.AggregateBench;
import com.klinelive.bench.aggregate.DecodeAggregateBench;
import com.klinelive.bench.common.CpuTimeProfiler;
import com.klinelive.bench.common.Machine;
import com.klinelive.bench.common.Results;
import com.klinelive.bench.common.Samples;
import com.klinelive.bench.decode.DecodeBench;
import com.klinelive.bench.decode.MappedDecodeBench;
import com.klinelive.bench.indicator.IndicatorBench;
import com.klinelive.bench.indicator.LiveTickBench;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Figures 1, 2 and 7: the JMH benchmarks, short but honest (one fork, warm-up, then measured iterations of a
 * second), each with the GC profiler for bytes allocated per operation. Writes {@code decode.json},
 * {@code aggregate.json} and {@code indicators.json}.
 */
final class JmhSection {

    private JmhSection() {}

    static void decode(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = base().output(log("jmh-decode"))
                .include(DecodeBench.class.getName() + "\\.")
                .include(MappedDecodeBench.class.getName() + "\\.")
                .warmupIterations(quick ? 1 : 2)
                .measurementIterations(quick ? 2 : 5);
        // The per-tick figure the target is about: more iterations, in three JVMs spread over a minute and a half,
        // so that its median stands against the noise of a shared machine (whole stretches of iterations of the same
        // code run half as fast again while a neighbour is busy, with the same CPU time per iteration).
        ChainedOptionsBuilder perTick = base().output(log("jmh-decode-aggregate"))
                .include(DecodeAggregateBench.class.getName() + "\\.")
                .forks(quick ? 1 : 3)
                .warmupIterations(quick ? 1 : 3)
                .measurementIterations(quick ? 2 : 8);
        JsonArray benchmarks = collect(new Runner(options.build()).run());
        benchmarks.addAll(collect(new Runner(perTick.build()).run()));
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.add("benchmarks", benchmarks);
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("decode", out);
    }

    static void aggregate(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = base().output(log("jmh-aggregate"))
                .include(AggregateBench.class.getName() + "\\.")
                // Ten million ticks in primitive columns, plus a million candles of storage per timeframe.
                .jvmArgsAppend("-Xmx3g")
                .warmupIterations(1)
                .measurementIterations(quick ? 2 : 4);
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty("ticks", AggregateBench.TICKS);
        out.add("benchmarks", collect(new Runner(options.build()).run()));
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("aggregate", out);
    }

    /** RSI, MACD and Bollinger over a million candles against ta4j; a live trade's update at two history sizes. */
    static void indicators(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = base().output(log("jmh-indicators"))
                .include(IndicatorBench.class.getName() + "\\.")
                .include(LiveTickBench.class.getName() + "\\.")
                // A million candles in ta4j's bars and cached values, several indicators at once.
                .jvmArgsAppend("-Xmx4g")
                .warmupIterations(quick ? 1 : 2)
                .measurementIterations(quick ? 2 : 5);
        if (quick) {
            options.jvmArgsAppend("-Dbench.candles=100000");
        }
        JsonObject out = new JsonObject();
        out.add("machine", Machine.describe());
        out.addProperty("candles", quick ? 100_000 : IndicatorBench.CANDLES);
        out.add("benchmarks", collect(new Runner(options.build()).run()));
        out.addProperty("loadAfter", Machine.loadAverages());
        Results.write("indicators", out);
    }

    private static String log(String name) {
        try {
            java.nio.file.Files.createDirectories(Results.DIR.resolve("logs"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Results.DIR.resolve("logs").resolve(name + ".log").toString();
    }

    private static ChainedOptionsBuilder base() {
        return new OptionsBuilder()
                .forks(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    private static JsonArray collect(Collection<RunResult> runs) {
        JsonArray all = new JsonArray();
        for (RunResult run : runs) {
            BenchmarkParams params = run.getParams();
            String name = params.getBenchmark();
            JsonObject b = new JsonObject();
            b.addProperty(
                    "class",
                    name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1, name.lastIndexOf('.')));
            b.addProperty("method", name.substring(name.lastIndexOf('.') + 1));
            JsonObject p = new JsonObject();
            for (String key : params.getParamsKeys()) {
                p.addProperty(key, params.getParam(key));
            }
            b.add("params", p);
            Result<?> primary = run.getPrimaryResult();
            b.addProperty("unit", primary.getScoreUnit());
            b.addProperty("mean", primary.getScore());
            b.addProperty("error999", primary.getScoreError());
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> share = new ArrayList<>();
            for (BenchmarkResult br : run.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    wall.add(ir.getPrimaryResult().getScore());
                    cpu.add(secondary(ir, "cpu.time.norm"));
                    share.add(secondary(ir, "cpu.share"));
                }
            }
            b.add("iterations", Results.gson().toJsonTree(wall));
            b.add("cpuIterations", Results.gson().toJsonTree(cpu));
            b.addProperty("median", median(wall));
            b.addProperty(
                    "min", wall.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            b.addProperty(
                    "max", wall.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
            b.addProperty("cpuMedian", median(cpu));
            b.addProperty(
                    "cpuMin",
                    cpu.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            b.addProperty(
                    "cpuMax",
                    cpu.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
            b.addProperty("cpuShareMedian", median(share));
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            b.addProperty("allocBytesPerOp", alloc == null ? Double.NaN : alloc.getScore());
            all.add(b);
        }
        return all;
    }

    private static double secondary(IterationResult ir, String label) {
        Result<?> r = ir.getSecondaryResults().get(label);
        return r == null ? Double.NaN : r.getScore();
    }

    private static double median(List<Double> xs) {
        return Samples.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
