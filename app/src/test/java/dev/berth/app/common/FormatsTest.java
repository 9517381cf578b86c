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
}
