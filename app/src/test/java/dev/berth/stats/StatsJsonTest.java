package dev.berth.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsJsonTest {

    @Test
    void documentsBackToBackAreReadOneByOneSkippingWhatIsNotShown() throws IOException {
        String stream = """
                {"read":"2024-05-01T12:34:56.5Z","preread":"0001-01-01T00:00:00Z",
                 "pids_stats":{"current":7,"limit":100},
                 "blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"Read","value":4096},
                   {"major":8,"minor":0,"op":"Write","value":100},{"major":8,"minor":0,"op":"Total","value":4196}],
                   "io_serviced_recursive":[{"op":"Read","value":1}]},
                 "num_procs":0,"storage_stats":{},
                 "cpu_stats":{"cpu_usage":{"total_usage":200,"percpu_usage":[150,50],"usage_in_usermode":10},
                   "system_cpu_usage":2000,"online_cpus":2,"throttling_data":{"periods":0}},
                 "precpu_stats":{"cpu_usage":{"total_usage":100},"system_cpu_usage":1000},
                 "memory_stats":{"usage":5000,"max_usage":9000,"stats":{"cache":300,"total_inactive_file":200,
                   "nested":{"deep":[1,[2,{"x":3}]]}},"limit":10000},
                 "networks":{"eth0":{"rx_bytes":10,"tx_bytes":20},"eth1":{"rx_bytes":1,"tx_bytes":2}}}
                {"read":"0001-01-01T00:00:00Z","pids_stats":{},"blkio_stats":{"io_service_bytes_recursive":null},
                 "cpu_stats":{"cpu_usage":{"total_usage":0},"system_cpu_usage":0},"precpu_stats":{},
                 "memory_stats":{}}
                """;
        try (JsonParser p = StatsJson.parser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
            StatsReading first = StatsJson.next(p);
            assertThat(first.readNanos()).isEqualTo(Instant.parse("2024-05-01T12:34:56.5Z").toEpochMilli() * 1_000_000);
            assertThat(first.pids()).isEqualTo(7);
            assertThat(first.blockRead()).isEqualTo(4096);
            assertThat(first.blockWrite()).isEqualTo(100);
            assertThat(first.cpuTotal()).isEqualTo(200);
            assertThat(first.perCpuCount()).isEqualTo(2);
            assertThat(first.onlineCpus()).isEqualTo(2);
            assertThat(first.systemCpu()).isEqualTo(2000);
            assertThat(first.preCpuTotal()).isEqualTo(100);
            assertThat(first.preSystemCpu()).isEqualTo(1000);
            assertThat(first.memoryUsage()).isEqualTo(5000);
            assertThat(first.memoryLimit()).as("a field after a deeply nested one").isEqualTo(10000);
            assertThat(first.cache()).isEqualTo(300);
            assertThat(first.totalInactiveFile()).isEqualTo(200);
            assertThat(first.inactiveFile()).as("absent").isEqualTo(-1);
            assertThat(first.netRx()).isEqualTo(11);
            assertThat(first.netTx()).isEqualTo(22);

            StatsReading stopped = StatsJson.next(p);
            assertThat(stopped.isEmpty()).as("a stopped container's zero time").isTrue();
            assertThat(stopped.blockRead()).isZero();
            assertThat(stopped.memoryLimit()).isZero();

            assertThat(StatsJson.next(p)).as("the end of the stream").isNull();
        }
    }
}
