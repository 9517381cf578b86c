package dev.berth.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Reads a stats document of the engine API ({@code GET /containers/{id}/stats}) into a {@link StatsReading}. */
public final class StatsJson {

    private StatsJson() {
    }

    public static StatsReading parse(JsonNode doc) {
        JsonNode cpu = doc.path("cpu_stats");
        JsonNode precpu = doc.path("precpu_stats");
        JsonNode memory = doc.path("memory_stats");
        JsonNode memoryStats = memory.path("stats");
        long rx = 0;
        long tx = 0;
        for (JsonNode net : doc.path("networks")) {
            rx += net.path("rx_bytes").asLong(0);
            tx += net.path("tx_bytes").asLong(0);
        }
        long read = 0;
        long write = 0;
        for (JsonNode entry : doc.path("blkio_stats").path("io_service_bytes_recursive")) {
            // The CLI matches the first letter either way: "Read" on cgroup v1, "read" on v2.
            String op = entry.path("op").asText("");
            if (op.equalsIgnoreCase("read")) {
                read += entry.path("value").asLong(0);
            } else if (op.equalsIgnoreCase("write")) {
                write += entry.path("value").asLong(0);
            }
        }
        return new StatsReading(time(doc.path("read").asText("")),
                cpu.path("cpu_usage").path("total_usage").asLong(0),
                precpu.path("cpu_usage").path("total_usage").asLong(0),
                cpu.path("system_cpu_usage").asLong(0),
                precpu.path("system_cpu_usage").asLong(0),
                cpu.path("online_cpus").asInt(0),
                cpu.path("cpu_usage").path("percpu_usage").size(),
                memory.path("usage").asLong(0),
                memory.path("limit").asLong(0),
                optional(memoryStats, "total_inactive_file"),
                optional(memoryStats, "inactive_file"),
                optional(memoryStats, "cache"),
                rx, tx, read, write,
                doc.path("pids_stats").path("current").asLong(0));
    }

    private static long optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToLong() ? -1 : value.asLong();
    }

    /** The engine's RFC 3339 time, or 0 for its zero time ("0001-01-01T00:00:00Z") and garbage. */
    static long time(String text) {
        if (text.isEmpty() || text.startsWith("0001-")) {
            return 0;
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
