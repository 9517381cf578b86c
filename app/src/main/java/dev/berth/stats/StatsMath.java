package dev.berth.stats;

/** The docker CLI's arithmetic on stats readings, so Berth shows the numbers {@code docker stats} shows. */
public final class StatsMath {

    private StatsMath() {
    }

    /**
     * CPU use in percent of one CPU (so 2 busy CPUs read 200%): the container's CPU time delta over
     * the host's, times the online CPUs, as {@code docker stats} computes it.
     */
    public static double cpuPercent(StatsReading r) {
        double cpuDelta = (double) r.cpuTotal() - r.preCpuTotal();
        double systemDelta = (double) r.systemCpu() - r.preSystemCpu();
        double cpus = r.onlineCpus() > 0 ? r.onlineCpus() : r.perCpuCount();
        if (systemDelta > 0 && cpuDelta > 0) {
            return cpuDelta / systemDelta * cpus * 100.0;
        }
        return 0;
    }

    /**
     * Memory in use without the inactive page cache the kernel can drop, as the CLI reports it:
     * cgroup v1 subtracts {@code total_inactive_file}, v2 {@code inactive_file}; engines that
     * report neither fall back to {@code cache}, as older CLIs did.
     */
    public static long memoryUsed(StatsReading r) {
        long usage = r.memoryUsage();
        if (r.totalInactiveFile() >= 0) {
            return r.totalInactiveFile() < usage ? usage - r.totalInactiveFile() : usage;
        }
        if (r.inactiveFile() >= 0) {
            return r.inactiveFile() < usage ? usage - r.inactiveFile() : usage;
        }
        if (r.cache() >= 0 && r.cache() < usage) {
            return usage - r.cache();
        }
        return usage;
    }

    public static double memoryPercent(StatsReading r) {
        return r.memoryLimit() > 0 ? memoryUsed(r) * 100.0 / r.memoryLimit() : 0;
    }

    /** Bytes per second between two cumulative counter values; 0 when the counter went back (restart). */
    public static double rate(long before, long after, long nanos) {
        if (nanos <= 0 || after < before) {
            return 0;
        }
        return (after - before) * 1e9 / nanos;
    }
}
