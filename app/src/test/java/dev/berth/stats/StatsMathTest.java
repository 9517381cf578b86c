package dev.berth.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsMathTest {


    /** Recorded from Docker 20.10 (cgroup v1) for a busy busybox container. */
    private static StatsReading recorded() throws IOException {
        try (InputStream in = StatsMathTest.class.getResourceAsStream("stats-cgroup1.json")) {
            return StatsJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static StatsReading parse(String json) throws IOException {
        return StatsJson.parse(json);
    }

    @Test
    void cpuPercentIsTheCpuDeltaOverTheSystemDeltaTimesOnlineCpus() throws IOException {
        StatsReading r = recorded();
        // (207125331 - 179074222) / (8540640000000 - 8538680000000) * 2 CPUs * 100
        assertThat(StatsMath.cpuPercent(r)).isCloseTo(28051109.0 / 1960000000.0 * 2 * 100, within(1e-9));
        assertThat(StatsMath.cpuPercent(r)).isCloseTo(2.862, within(0.001));
    }

    @Test
    void theRecordedSampleReadsAsTheCliShowsIt() throws IOException {
        StatsReading r = recorded();
        assertThat(r.onlineCpus()).isEqualTo(2);
        assertThat(r.perCpuCount()).isEqualTo(2);
        assertThat(r.memoryUsage()).isEqualTo(33316864);
        assertThat(r.totalInactiveFile()).isZero();
        assertThat(StatsMath.memoryUsed(r)).isEqualTo(33316864);
        assertThat(r.memoryLimit()).isEqualTo(25276510208L);
        assertThat(StatsMath.memoryPercent(r)).isCloseTo(33316864 * 100.0 / 25276510208L, within(1e-12));
        assertThat(r.pids()).isEqualTo(2);
        assertThat(r.netRx()).isPositive();
        assertThat(r.isEmpty()).isFalse();
    }

    @Test
    void withoutOnlineCpusThePerCpuListCounts() throws IOException {
        StatsReading r = parse("""
                {"read":"2024-05-01T00:00:01Z","cpu_stats":{"cpu_usage":{"total_usage":400,"percpu_usage":[1,2,3,4]},
                 "system_cpu_usage":2000},
                 "precpu_stats":{"cpu_usage":{"total_usage":200},"system_cpu_usage":1000}}""");
        assertThat(StatsMath.cpuPercent(r)).isCloseTo(200.0 / 1000 * 4 * 100, within(1e-9));
    }

    @Test
    void noCpuWhenTheSystemDidNotMoveOrTheCounterWentBack() throws IOException {
        assertThat(StatsMath.cpuPercent(parse("""
                {"cpu_stats":{"cpu_usage":{"total_usage":400},"system_cpu_usage":1000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":200},"system_cpu_usage":1000}}"""))).isZero();
        assertThat(StatsMath.cpuPercent(parse("""
                {"cpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":2000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":200},"system_cpu_usage":1000}}"""))).isZero();
    }

    @Test
    void cgroupOneSubtractsTotalInactiveFile() throws IOException {
        StatsReading r = parse("""
                {"memory_stats":{"usage":1000000,"limit":4000000,
                 "stats":{"total_inactive_file":300000,"inactive_file":100,"cache":500000}}}""");
        assertThat(StatsMath.memoryUsed(r)).isEqualTo(700000);
        assertThat(StatsMath.memoryPercent(r)).isCloseTo(17.5, within(1e-9));
    }

    @Test
    void cgroupTwoSubtractsInactiveFile() throws IOException {
        // cgroup v2 has no total_* keys.
        StatsReading r = parse("""
                {"memory_stats":{"usage":1000000,"limit":2000000,"stats":{"inactive_file":250000,"file":400000}}}""");
        assertThat(StatsMath.memoryUsed(r)).isEqualTo(750000);
    }

    @Test
    void olderEnginesWithOnlyCacheHaveItSubtracted() throws IOException {
        assertThat(StatsMath.memoryUsed(parse("""
                {"memory_stats":{"usage":1000,"limit":5000,"stats":{"cache":400}}}"""))).isEqualTo(600);
    }

    @Test
    void inactiveFileLargerThanUsageIsIgnored() throws IOException {
        assertThat(StatsMath.memoryUsed(parse("""
                {"memory_stats":{"usage":1000,"stats":{"total_inactive_file":5000}}}"""))).isEqualTo(1000);
    }

    @Test
    void blockIoSumsReadsAndWritesOfEitherSpellingAndNetworksAreSummed() throws IOException {
        StatsReading r = parse("""
                {"blkio_stats":{"io_service_bytes_recursive":[
                   {"major":8,"minor":0,"op":"Read","value":1000},{"major":8,"minor":0,"op":"Write","value":20},
                   {"major":8,"minor":16,"op":"read","value":5},{"major":8,"minor":16,"op":"write","value":7},
                   {"major":8,"minor":0,"op":"Total","value":1020}]},
                 "networks":{"eth0":{"rx_bytes":100,"tx_bytes":10},"eth1":{"rx_bytes":1,"tx_bytes":2}}}""");
        assertThat(r.blockRead()).isEqualTo(1005);
        assertThat(r.blockWrite()).isEqualTo(27);
        assertThat(r.netRx()).isEqualTo(101);
        assertThat(r.netTx()).isEqualTo(12);
    }

    @Test
    void ratesComeFromTwoReadingsAndAStoppedContainerReadsAsNotRunning() throws IOException {
        StatsReading first = parse("""
                {"read":"2024-05-01T00:00:00Z","networks":{"eth0":{"rx_bytes":1000,"tx_bytes":0}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Write","value":0}]}}""");
        StatsReading second = parse("""
                {"read":"2024-05-01T00:00:02Z","networks":{"eth0":{"rx_bytes":5000,"tx_bytes":800}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Write","value":4096}]}}""");
        StatsSample sample = StatsSample.of(second, first);
        assertThat(sample.netRxRate()).isCloseTo(2000, within(1e-9));
        assertThat(sample.netTxRate()).isCloseTo(400, within(1e-9));
        assertThat(sample.blockWriteRate()).isCloseTo(2048, within(1e-9));
        assertThat(sample.running()).isTrue();

        StatsReading stopped = parse("""
                {"read":"0001-01-01T00:00:00Z","preread":"2024-05-01T00:00:02Z","pids_stats":{}}""");
        assertThat(stopped.isEmpty()).isTrue();
        assertThat(StatsSample.of(stopped, second).running()).isFalse();
    }

    @Test
    void totalsSumTheRunningContainers() {
        StatsSample a = new StatsSample(0, true, 10, 100, 1000, 10, 1, 2, 3, 4, 0, 0, 0, 0, 5);
        StatsSample b = new StatsSample(0, true, 30.5, 50, 1000, 5, 10, 20, 30, 40, 0, 0, 0, 0, 2);
        StatsSample stopped = new StatsSample(0, false, 0, 0, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        StatsTotals t = StatsTotals.of(List.of(a, b, stopped));
        assertThat(t.containers()).isEqualTo(2);
        assertThat(t.cpuPercent()).isCloseTo(40.5, within(1e-9));
        assertThat(t.memoryUsed()).isEqualTo(150);
        assertThat(t.netRxRate()).isEqualTo(11);
        assertThat(t.blockWriteRate()).isEqualTo(44);
        assertThat(t.pids()).isEqualTo(7);
    }
}
