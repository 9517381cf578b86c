package dev.berth.stats;

import java.util.Collection;

/**
 * A group's resource use (a compose stack's, say): the sums of its running containers' latest
 * samples.
 *
 * @param containers     how many samples went in (running containers)
 * @param cpuPercent     sum of CPU percentages (percent of one CPU)
 * @param memoryUsed     bytes in use together
 * @param netRxRate      bytes per second received together
 * @param netTxRate      bytes per second sent together
 * @param blockReadRate  bytes per second read together
 * @param blockWriteRate bytes per second written together
 * @param pids           processes together
 */
public record StatsTotals(int containers, double cpuPercent, long memoryUsed, double netRxRate, double netTxRate,
                          double blockReadRate, double blockWriteRate, long pids) {

    public static final StatsTotals NONE = new StatsTotals(0, 0, 0, 0, 0, 0, 0, 0);

    public static StatsTotals of(Collection<StatsSample> samples) {
        int n = 0;
        double cpu = 0;
        long memory = 0;
        double rx = 0;
        double tx = 0;
        double read = 0;
        double write = 0;
        long pids = 0;
        for (StatsSample s : samples) {
            if (s == null || !s.running()) {
                continue;
            }
            n++;
            cpu += s.cpuPercent();
            memory += s.memoryUsed();
            rx += s.netRxRate();
            tx += s.netTxRate();
            read += s.blockReadRate();
            write += s.blockWriteRate();
            pids += s.pids();
        }
        return new StatsTotals(n, cpu, memory, rx, tx, read, write, pids);
    }
}
