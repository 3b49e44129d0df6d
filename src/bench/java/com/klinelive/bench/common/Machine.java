package com.klinelive.bench.common;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on, and how busy the machine was meanwhile. */
public final class Machine {

    private Machine() {}

    /** CPU model, cores, memory, OS, JVM and the load averages now. */
    public static JsonObject describe() {
        JsonObject m = new JsonObject();
        m.addProperty("cpu", cpuModel());
        m.addProperty("cores", Runtime.getRuntime().availableProcessors());
        m.addProperty("memoryGiB", Math.round(totalMemoryBytes() / (1024.0 * 1024 * 1024)));
        m.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.addProperty("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.addProperty("load", loadAverages());
        return m;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, such as {@code "1.20 0.95 0.80"}. */
    public static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double avg = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return String.format(java.util.Locale.ROOT, "%.2f", avg);
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // Not Linux: the OS name below still says what it was.
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
