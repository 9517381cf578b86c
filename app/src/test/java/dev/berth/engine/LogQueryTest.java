package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    @Test
    void sinceIsSentAsSecondsAndNanoseconds() {
        Instant at = Instant.parse("2024-05-01T12:34:56.000000007Z");
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();

        assertThat(LogQuery.since(nanos).toQuery().toString())
                .isEqualTo("?stdout=1&stderr=1&follow=1&timestamps=1&tail=all&since=1714566896.000000007");
    }

    @Test
    void tailAndNoFollow() {
        assertThat(LogQuery.tail(1000).withFollow(false).toQuery().toString())
                .isEqualTo("?stdout=1&stderr=1&follow=0&timestamps=1&tail=1000");
    }

    @Test
    void untilBoundsTheReadWithoutTimestamps() {
        assertThat(LogQuery.all().withFollow(false).withTimestamps(false).withUntil(1_714_566_896_000_000_007L)
                .toQuery().toString())
                .isEqualTo("?stdout=1&stderr=1&follow=0&timestamps=0&tail=all&until=1714566896.000000007");
    }
}
