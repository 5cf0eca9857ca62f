package org.breakout.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on, for the summary's header.
 *
 * @param cores processors available to the JVM
 * @param cpu the CPU model ({@code model name} in {@code /proc/cpuinfo}), or the architecture where that is not
 *        available
 * @param os operating system name, version and architecture
 * @param java Java version and vendor
 * @param maxHeapBytes the JVM's maximum heap
 */
public record MachineInfo(int cores, String cpu, String os, String java, long maxHeapBytes) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(Path.of("/proc/cpuinfo")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().maxMemory());
    }

    static String cpuModel(Path cpuinfo) {
        try {
            List<String> lines = Files.readAllLines(cpuinfo);
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                    return line.substring(colon + 1).trim().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the architecture below
        }
        return "CPU model unknown (" + System.getProperty("os.arch") + ")";
    }

    /** One line: {@code 2 cores, Intel(R) Xeon(R) …, Linux 6.1 (amd64), Java 17.0.15 (Debian), max heap 6.0 GB}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores, %s; %s; Java %s; max heap %.1f GB", cores, cpu, os, java,
                maxHeapBytes / (1024.0 * 1024 * 1024));
    }
}
