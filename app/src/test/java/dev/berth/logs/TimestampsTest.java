package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Timestamps.parse(b, 0, b.length);
    }

    @Test
    void readsTheEnginesNanosecondTimestamps() {
        assertThat(parse("2024-05-01T12:34:56.123456789Z"))
                .isEqualTo(Timestamps.toNanos(Instant.parse("2024-05-01T12:34:56.123456789Z")));
    }

    @Test
    void readsShortFractionsNoFractionAndOffsets() {
        assertThat(parse("2024-02-29T23:59:59.5Z")).isEqualTo(Timestamps.toNanos(Instant.parse("2024-02-29T23:59:59.500Z")));
        assertThat(parse("1999-12-31T00:00:00Z")).isEqualTo(Timestamps.toNanos(Instant.parse("1999-12-31T00:00:00Z")));
        assertThat(parse("2024-05-01T14:34:56.25+02:00"))
                .isEqualTo(Timestamps.toNanos(OffsetDateTime.parse("2024-05-01T14:34:56.25+02:00").toInstant()));
        assertThat(parse("2024-05-01T01:00:00-05:30"))
                .isEqualTo(Timestamps.toNanos(OffsetDateTime.parse("2024-05-01T01:00:00-05:30").toInstant()));
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        assertThat(parse("hello world")).isEqualTo(Timestamps.NONE);
        assertThat(parse("2024-13-01T00:00:00Z")).isEqualTo(Timestamps.NONE);
        assertThat(parse("2024-05-01T12:34:56")).isEqualTo(Timestamps.NONE);
        assertThat(parse("2024-05-01T12:34:56.Z")).isEqualTo(Timestamps.NONE);
        assertThat(parse("0001-01-01T00:00:00Z")).isEqualTo(Timestamps.NONE);
    }
}
