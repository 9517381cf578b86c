package dev.berth.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.berth.logs.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the documents of the engine's stats stream ({@code GET /containers/{id}/stats}) into
 * {@link StatsReading}s, token by token: only the numbers Berth shows are kept, the rest (most of
 * each document) is skipped without building it. A table of thirty containers reads thirty
 * documents a second for as long as it is open.
 */
public final class StatsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private StatsJson() {
    }

    /** A parser over a stream of documents (or one document). */
    public static JsonParser parser(InputStream in) throws IOException {
        return JSON.createParser(in);
    }

    /** The next document of {@code p}, or null at the end of the stream. */
    public static StatsReading next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        while (t != null && t != JsonToken.START_OBJECT) {
            t = p.nextToken();
        }
        return t == null ? null : read(p);
    }

    /** One document given whole, as the engine sends it. */
    public static StatsReading parse(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            StatsReading r = next(p);
            if (r == null) {
                throw new IOException("no stats document in the text");
            }
            return r;
        }
    }

    /** Reads the document whose START_OBJECT {@code p} is on, up to and including its END_OBJECT. */
    static StatsReading read(JsonParser p) throws IOException {
        Doc d = new Doc();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "read" -> d.read = value == JsonToken.VALUE_STRING ? time(p.getText()) : skip(p);
                case "cpu_stats" -> readCpu(p, value, d.cpu);
                case "precpu_stats" -> readCpu(p, value, d.precpu);
                case "memory_stats" -> readMemory(p, value, d);
                case "networks" -> readNetworks(p, value, d);
                case "blkio_stats" -> readBlockIo(p, value, d);
                case "pids_stats" -> {
                    for (String field = firstField(p, value); field != null; field = nextField(p)) {
                        if (field.equals("current")) {
                            d.pids = number(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new StatsReading(d.read, d.cpu.total, d.precpu.total, d.cpu.system, d.precpu.system,
                (int) d.cpu.online, d.cpu.perCpu, d.memoryUsage, d.memoryLimit, d.totalInactiveFile,
                d.inactiveFile, d.cache, d.rx, d.tx, d.blockRead, d.blockWrite, d.pids);
    }

    private static void readCpu(JsonParser p, JsonToken value, Cpu cpu) throws IOException {
        for (String field = firstField(p, value); field != null; field = nextField(p)) {
            switch (field) {
                case "cpu_usage" -> {
                    for (String usage = firstField(p, p.currentToken()); usage != null; usage = nextField(p)) {
                        if (usage.equals("total_usage")) {
                            cpu.total = number(p);
                        } else if (usage.equals("percpu_usage") && p.currentToken() == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                cpu.perCpu++;
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "system_cpu_usage" -> cpu.system = number(p);
                case "online_cpus" -> cpu.online = number(p);
                default -> p.skipChildren();
            }
        }
    }

    private static void readMemory(JsonParser p, JsonToken value, Doc d) throws IOException {
        for (String field = firstField(p, value); field != null; field = nextField(p)) {
            switch (field) {
                case "usage" -> d.memoryUsage = number(p);
                case "limit" -> d.memoryLimit = number(p);
                case "stats" -> {
                    for (String stat = firstField(p, p.currentToken()); stat != null; stat = nextField(p)) {
                        switch (stat) {
                            case "total_inactive_file" -> d.totalInactiveFile = optional(p);
                            case "inactive_file" -> d.inactiveFile = optional(p);
                            case "cache" -> d.cache = optional(p);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void readNetworks(JsonParser p, JsonToken value, Doc d) throws IOException {
        for (String network = firstField(p, value); network != null; network = nextField(p)) {
            for (String field = firstField(p, p.currentToken()); field != null; field = nextField(p)) {
                switch (field) {
                    case "rx_bytes" -> d.rx += number(p);
                    case "tx_bytes" -> d.tx += number(p);
                    default -> p.skipChildren();
                }
            }
        }
    }

    private static void readBlockIo(JsonParser p, JsonToken value, Doc d) throws IOException {
        for (String field = firstField(p, value); field != null; field = nextField(p)) {
            if (!field.equals("io_service_bytes_recursive") || p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String op = "";
                long bytes = 0;
                for (String entry = nextField(p); entry != null; entry = nextField(p)) {
                    if (entry.equals("op")) {
                        op = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : "";
                    } else if (entry.equals("value")) {
                        bytes = number(p);
                    } else {
                        p.skipChildren();
                    }
                }
                // The CLI matches the first letter either way: "Read" on cgroup v1, "read" on v2.
                if (op.equalsIgnoreCase("read")) {
                    d.blockRead += bytes;
                } else if (op.equalsIgnoreCase("write")) {
                    d.blockWrite += bytes;
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
    }

    /**
     * The first field of the object {@code value} starts, with the parser on its value; null when
     * {@code value} is not an object (skipped) or the object is empty.
     */
    private static String firstField(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        return nextField(p);
    }

    /** The next field of the current object, with the parser on its value; null at its end. */
    private static String nextField(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = p.currentName();
        p.nextToken();
        return name;
    }

    private static long number(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsLong();
        }
        p.skipChildren();
        return 0;
    }

    /** A number that may be missing or null in the document: -1 then. */
    private static long optional(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getValueAsLong() : skip(p) - 1;
    }

    private static long skip(JsonParser p) throws IOException {
        p.skipChildren();
        return 0;
    }

    /** The engine's RFC 3339 time in ns, or 0 for its zero time ("0001-01-01T00:00:00Z") and garbage. */
    static long time(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        long nanos = Timestamps.parse(b, 0, b.length);
        return nanos == Timestamps.NONE || nanos < 0 ? 0 : nanos;
    }

    private static final class Cpu {
        long total;
        long system;
        long online;
        int perCpu;
    }

    /** What one document says, filled in as its fields go by. */
    private static final class Doc {
        final Cpu cpu = new Cpu();
        final Cpu precpu = new Cpu();
        long read;
        long memoryUsage;
        long memoryLimit;
        long totalInactiveFile = -1;
        long inactiveFile = -1;
        long cache = -1;
        long rx;
        long tx;
        long blockRead;
        long blockWrite;
        long pids;
    }
}
