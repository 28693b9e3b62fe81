package io.devopskpi.core.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process and JVM figures that Grafana's JVM dashboards expect, under the names the Prometheus Java client
 * gives them ({@code process_*}, {@code jvm_*}), read from the JVM's management beans at every scrape. Figures the
 * platform does not offer (open file descriptors outside Unix) have no sample.
 */
public final class ProcessMetrics {
    private ProcessMetrics() {
    }

    public static List<MetricFamily> collect() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MetricFamily> families = new ArrayList<>();
        if (os instanceof com.sun.management.OperatingSystemMXBean cpu && cpu.getProcessCpuTime() >= 0) {
            families.add(new MetricFamily("process_cpu_seconds_total", "CPU time the process used",
                    MetricFamily.Type.COUNTER, one(cpu.getProcessCpuTime() / 1e9)));
        }
        families.add(gauge("process_start_time_seconds", "When the process started, in seconds since the epoch",
                runtime.getStartTime() / 1e3));
        families.add(gauge("process_uptime_seconds", "How long the process has been running",
                runtime.getUptime() / 1e3));
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            families.add(gauge("process_open_fds", "Open file descriptors", unix.getOpenFileDescriptorCount()));
            families.add(gauge("process_max_fds", "The limit of open file descriptors",
                    unix.getMaxFileDescriptorCount()));
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        families.add(memory("jvm_memory_used_bytes", "Memory in use", heap.getUsed(), nonHeap.getUsed()));
        families.add(memory("jvm_memory_committed_bytes", "Memory the JVM holds from the operating system",
                heap.getCommitted(), nonHeap.getCommitted()));
        families.add(memory("jvm_memory_max_bytes", "The most memory the JVM may use (no sample when unlimited)",
                heap.getMax(), nonHeap.getMax()));
        families.add(gauge("jvm_threads_current", "Live threads", threads.getThreadCount()));
        families.add(gauge("jvm_threads_daemon", "Live daemon threads", threads.getDaemonThreadCount()));
        families.add(gauge("jvm_threads_peak", "The most live threads since the JVM started",
                threads.getPeakThreadCount()));
        return families;
    }

    private static MetricFamily gauge(String name, String help, double value) {
        return new MetricFamily(name, help, one(value));
    }

    private static List<MetricSample> one(double value) {
        return List.of(new MetricSample(Map.of(), value));
    }

    /** Heap and non-heap as {@code area} samples; a figure the JVM reports as -1 (undefined) has none. */
    private static MetricFamily memory(String name, String help, long heap, long nonHeap) {
        List<MetricSample> samples = new ArrayList<>();
        if (heap >= 0) {
            samples.add(new MetricSample(Map.of("area", "heap"), heap));
        }
        if (nonHeap >= 0) {
            samples.add(new MetricSample(Map.of("area", "nonheap"), nonHeap));
        }
        return new MetricFamily(name, help, samples);
    }
}
