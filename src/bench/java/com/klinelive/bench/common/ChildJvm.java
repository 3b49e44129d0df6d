package com.klinelive.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one benchmark section in a fresh JVM on our class path, so that no section inherits another's JIT
 * profile, heap or threads, and the JavaFX ones get their own toolkit and system properties.
 */
public final class ChildJvm {

    /** JavaFX in the software pipeline, as the product's targets are stated; no HiDPI scaling. */
    public static final List<String> FX_OPTIONS = List.of(
            "-Dprism.order=sw",
            "-Dglass.gtk.uiScale=1",
            "-Dprism.verbose=false",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private ChildJvm() {}

    /** The java launcher of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A command line starting {@code mainClass} with our class path, the given JVM options and arguments. */
    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dbench.dir=" + Results.DIR);
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code mainClass} to completion, its output appended to {@code target/bench/logs/<name>.log}, and
     * fails when it exits non-zero or outlives {@code timeoutSeconds}.
     */
    public static void run(
            String name, List<String> jvmOptions, String mainClass, List<String> args, long timeoutSeconds) {
        try {
            Path logs = Results.DIR.resolve("logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process p = new ProcessBuilder(command(jvmOptions, mainClass, args))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " took longer than " + timeoutSeconds + " s; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + p.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
    }
}
