package dev.berth.stats;

/**
 * One point of a container's resource use, as people read it.
 *
 * @param timeMillis     when the engine read it
 * @param running        false for the zero readings of a stopped container
 * @param cpuPercent     CPU in percent of one CPU
 * @param memoryUsed     bytes in use (page cache that can be dropped left out)
 * @param memoryLimit    the limit, or the host's memory without one
 * @param memoryPercent  used of limit
 * @param netRxRate      bytes per second received
 * @param netTxRate      bytes per second sent
 * @param blockReadRate  bytes per second read from disk
 * @param blockWriteRate bytes per second written to disk
 * @param netRx          total bytes received
 * @param netTx          total bytes sent
 * @param blockRead      total bytes read
 * @param blockWrite     total bytes written
 * @param pids           processes and threads
 */
public record StatsSample(long timeMillis, boolean running, double cpuPercent, long memoryUsed, long memoryLimit,
                          double memoryPercent, double netRxRate, double netTxRate, double blockReadRate,
                          double blockWriteRate, long netRx, long netTx, long blockRead, long blockWrite,
                          long pids) {

    /** The sample for {@code reading}; {@code previous} (or null) gives the rates. */
    public static StatsSample of(StatsReading reading, StatsReading previous) {
        if (reading.isEmpty()) {
            return new StatsSample(System.currentTimeMillis(), false, 0, 0, reading.memoryLimit(), 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0);
        }
        long interval = previous == null || previous.isEmpty() ? 0 : reading.readNanos() - previous.readNanos();
        double rx = previous == null ? 0 : StatsMath.rate(previous.netRx(), reading.netRx(), interval);
        double tx = previous == null ? 0 : StatsMath.rate(previous.netTx(), reading.netTx(), interval);
        double read = previous == null ? 0 : StatsMath.rate(previous.blockRead(), reading.blockRead(), interval);
        double write = previous == null ? 0 : StatsMath.rate(previous.blockWrite(), reading.blockWrite(), interval);
        return new StatsSample(reading.readNanos() / 1_000_000, true, StatsMath.cpuPercent(reading),
                StatsMath.memoryUsed(reading), reading.memoryLimit(), StatsMath.memoryPercent(reading), rx, tx, read,
                write, reading.netRx(), reading.netTx(), reading.blockRead(), reading.blockWrite(), reading.pids());
    }
}
