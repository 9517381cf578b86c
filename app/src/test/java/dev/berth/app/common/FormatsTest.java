package dev.berth.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormatSymbols;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final char SEP = DecimalFormatSymbols.getInstance().getDecimalSeparator();

    @Test
    void oneDecimalRoundsHalfUpLikeTheCli() {
        assertThat(Formats.oneDecimal(0)).isEqualTo("0" + SEP + "0");
        assertThat(Formats.oneDecimal(12.34)).isEqualTo("12" + SEP + "3");
        assertThat(Formats.oneDecimal(12.35)).isEqualTo("12" + SEP + "4");
        assertThat(Formats.oneDecimal(99.96)).isEqualTo("100" + SEP + "0");
        assertThat(Formats.oneDecimal(-1.25)).isEqualTo("-1" + SEP + "3");
        assertThat(Formats.oneDecimal(-0.01)).as("no minus zero").isEqualTo("0" + SEP + "0");
        assertThat(Formats.oneDecimal(Double.NaN)).isEqualTo(String.format("%.1f", Double.NaN));
    }

    @Test
    void bytesUseDecimalUnitsWithOneDecimalBelowAHundred() {
        assertThat(Formats.bytes(532)).isEqualTo("532 B");
        assertThat(Formats.bytes(12_400)).isEqualTo("12" + SEP + "4 kB");
        assertThat(Formats.bytes(795_000)).isEqualTo("795 kB");
        assertThat(Formats.bytes(99_960)).isEqualTo("100 kB");
        assertThat(Formats.bytes(1_200_000_000L)).isEqualTo("1" + SEP + "2 GB");
    }

    @Test
    void agoSaysJustNowUnderAMinuteThenCountsLikeTheCli() {
        java.time.Instant now = java.time.Instant.parse("2026-11-27T12:00:00Z");
        assertThat(Formats.ago(now.minusSeconds(59), now)).isEqualTo("just now");
        assertThat(Formats.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
        assertThat(Formats.ago(now.minusSeconds(3 * 3600), now)).isEqualTo("3 hours ago");
        assertThat(Formats.ago(now.minusSeconds(3 * 86400), now)).isEqualTo("3 days ago");
        assertThat(Formats.ago(null, now)).isEmpty();
    }
}
