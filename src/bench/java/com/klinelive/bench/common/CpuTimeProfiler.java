package com.klinelive.bench.common;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler for a shared machine: the benchmark process's CPU time per operation, and the share of a core it
 * got while an iteration ran. Wall-clock scores grow when other processes take the CPU; CPU time per operation
 * barely does, so ratios between peers are taken from it (single-threaded benchmarks: the JIT and GC threads'
 * time is included, and is a real cost of the code measured).
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation, and the share of a core the process got";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult(
                        "cpu.time.norm", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult(
                        "cpu.share", wall == 0 ? Double.NaN : (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
