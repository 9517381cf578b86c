package dev.berth.stats;

/**
 * The raw numbers of one document of the engine's stats stream, as the engine reports them.
 * Counters are cumulative; {@link StatsMath} turns them into what people read.
 *
 * @param readNanos          when the engine read these numbers (0 for a stopped container)
 * @param cpuTotal           container CPU time used, ns ({@code cpu_stats.cpu_usage.total_usage})
 * @param preCpuTotal        the same at the previous reading ({@code precpu_stats})
 * @param systemCpu          host CPU time, ns ({@code cpu_stats.system_cpu_usage})
 * @param preSystemCpu       the same at the previous reading
 * @param onlineCpus         {@code cpu_stats.online_cpus} (0 when the engine does not say)
 * @param perCpuCount        entries of {@code percpu_usage} (the fallback for online CPUs)
 * @param memoryUsage        {@code memory_stats.usage}
 * @param memoryLimit        {@code memory_stats.limit}
 * @param totalInactiveFile  cgroup v1 {@code memory_stats.stats.total_inactive_file}, or -1 when absent
 * @param inactiveFile       {@code memory_stats.stats.inactive_file} (cgroup v2), or -1 when absent
 * @param cache              cgroup v1 {@code memory_stats.stats.cache} (what older engines subtract), or -1
 * @param netRx              bytes received, summed over the container's networks
 * @param netTx              bytes sent, summed
 * @param blockRead          bytes read from block devices ({@code io_service_bytes_recursive}, op read)
 * @param blockWrite         bytes written to block devices
 * @param pids               processes and threads ({@code pids_stats.current})
 */
public record StatsReading(long readNanos, long cpuTotal, long preCpuTotal, long systemCpu, long preSystemCpu,
                           int onlineCpus, int perCpuCount, long memoryUsage, long memoryLimit,
                           long totalInactiveFile, long inactiveFile, long cache, long netRx, long netTx,
                           long blockRead, long blockWrite, long pids) {

    /** A stopped container's stream keeps sending readings with a zero read time. */
    public boolean isEmpty() {
        return readNanos <= 0;
    }
}
