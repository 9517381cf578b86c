package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDecoderTest {

    private final List<LogEntry> entries = new ArrayList<>();

    private List<String> texts() {
        return entries.stream().map(e -> e.text().text()).toList();
    }

    private static void feedAll(LogDecoder decoder, byte[] input, int piece) {
        for (int i = 0; i < input.length; i += piece) {
            decoder.feed(input, i, Math.min(piece, input.length - i));
        }
        decoder.finish();
    }

    @Test
    void cutsEachStreamIntoLinesAndMarksStderr() {
        byte[] input = new Frames().stdout("one\ntwo\n").stderr("oops\n").stdout("three\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        feedAll(decoder, input, 7);

        assertThat(texts()).containsExactly("one", "two", "oops", "three");
        assertThat(entries.get(2).isStderr()).isTrue();
        assertThat(entries.get(0).hasTime()).isFalse();
    }

    @Test
    void readsAndRemovesTheTimestampOfEveryMessage() {
        byte[] input = new Frames().stdout("2024-05-01T12:00:00.000000001Z hello\n")
                .stderr("2024-05-01T12:00:01.5Z \u001b[31mfailed\u001b[0m\n").bytes();
        LogDecoder decoder = new LogDecoder(false, true, entries::add);
        feedAll(decoder, input, 3);

        assertThat(texts()).containsExactly("hello", "failed");
        assertThat(entries.get(0).timeNanos()).isEqualTo(Timestamps.toNanos(Instant.parse("2024-05-01T12:00:00.000000001Z")));
        assertThat(entries.get(1).timeNanos()).isEqualTo(Timestamps.toNanos(Instant.parse("2024-05-01T12:00:01.5Z")));
        assertThat(entries.get(1).text().isPlain()).isFalse();
    }

    @Test
    void aLongLineSplitIntoSeveralTimestampedMessagesComesOutWhole() {
        // The engine splits lines over 16 KiB into messages, each with its own timestamp.
        String first = "a".repeat(16384);
        String second = "b".repeat(100);
        byte[] input = new Frames().stdout("2024-05-01T12:00:00.000000001Z " + first)
                .stdout("2024-05-01T12:00:00.000000002Z " + second + "\n").bytes();
        LogDecoder decoder = new LogDecoder(false, true, entries::add);
        feedAll(decoder, input, 4096);

        assertThat(texts()).containsExactly(first + second);
        assertThat(entries.get(0).timeNanos()).isEqualTo(Timestamps.toNanos(Instant.parse("2024-05-01T12:00:00.000000001Z")));
    }

    @Test
    void aTtyStreamHasTimestampsAtEachLineAndCrLfEndings() {
        byte[] input = ("2024-05-01T12:00:00Z \u001b[1mbold\u001b[0m\r\n2024-05-01T12:00:02Z second\r\n")
                .getBytes(StandardCharsets.UTF_8);
        LogDecoder decoder = new LogDecoder(true, true, entries::add);
        feedAll(decoder, input, 5);

        assertThat(texts()).containsExactly("bold", "second");
        assertThat(entries.get(1).timeNanos()).isEqualTo(Timestamps.toNanos(Instant.parse("2024-05-01T12:00:02Z")));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        byte[] payload = {'o', 'k', ' ', (byte) 0xff, ' ', (byte) 0xc3, '(', ' ', (byte) 0xe2, (byte) 0x82, '\n'};
        byte[] input = new Frames().frame(1, payload).bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        feedAll(decoder, input, 2);

        assertThat(texts()).hasSize(1);
        String text = texts().get(0);
        assertThat(text).startsWith("ok \uFFFD \uFFFD( ").endsWith("\uFFFD");
    }

    @Test
    void multiByteCharactersSplitAcrossFramesAndReadsStayIntact() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] input = new Frames().frame(1, new byte[] {'x', euro[0]}).frame(1, new byte[] {euro[1], euro[2], '\n'}).bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        feedAll(decoder, input, 1);

        assertThat(texts()).containsExactly("x€");
    }

    @Test
    void aLineOfSeveralMegabytesKeepsItsStartAndCountsTheRest() {
        int size = 3 * 1024 * 1024;
        byte[] big = new byte[size + 1];
        java.util.Arrays.fill(big, (byte) 'z');
        big[size] = '\n';
        byte[] input = new Frames().frame(1, big).stdout("next\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, 1024, entries::add);
        feedAll(decoder, input, 65536);

        assertThat(texts()).hasSize(2);
        assertThat(texts().get(0)).hasSize(1024);
        assertThat(entries.get(0).omittedChars()).isEqualTo(size - 1024);
        assertThat(texts().get(1)).isEqualTo("next");
    }

    @Test
    void truncationNeverSplitsAMultiByteCharacter() {
        String line = "é".repeat(20);
        byte[] input = new Frames().stdout(line + "\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, 17, entries::add);
        feedAll(decoder, input, 100);

        assertThat(texts().get(0)).isEqualTo("é".repeat(8));
        assertThat(entries.get(0).omittedChars()).isEqualTo(12);
    }

    @Test
    void theLastLineWithoutNewlineIsEmittedAtTheEndAndTruncationIsReported() {
        byte[] input = new Frames().stdout("complete\nunterminated").stdout("lost in transit\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        decoder.feed(input, 0, input.length - 4);
        decoder.finish();

        assertThat(texts()).containsExactly("complete", "unterminatedlost in tran");
        assertThat(decoder.truncated()).isTrue();
    }

    @Test
    void aColourLeftOnColoursTheNextPlainAsciiLineAndUtf8LinesAreDecoded() {
        byte[] input = "\u001b[31mred starts\nstill red\n\u001b[0mplain ascii\ncaf\u00e9 \u2713\n"
                .getBytes(StandardCharsets.UTF_8);
        LogDecoder decoder = new LogDecoder(true, false, entries::add);
        feedAll(decoder, input, 5);
        assertThat(texts()).containsExactly("red starts", "still red", "plain ascii", "caf\u00e9 \u2713");
        StyledText stillRed = entries.get(1).text();
        assertThat(stillRed.isPlain()).isFalse();
        assertThat(SgrStyle.foreground(stillRed.styleAt(0))).isEqualTo(SgrStyle.indexed(1));
        assertThat(entries.get(2).text().isPlain()).isTrue();
        assertThat(entries.get(3).text().isPlain()).isTrue();
    }

    @Test
    void carriageReturnProgressShowsTheLastState() {
        byte[] input = new Frames().stdout("progress 10%\rprogress 50%\rprogress 100%\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        feedAll(decoder, input, 100);

        assertThat(texts()).containsExactly("progress 100%");
    }

    @Test
    void emptyLinesAreKept() {
        byte[] input = new Frames().stdout("a\n\n\nb\n").bytes();
        LogDecoder decoder = new LogDecoder(false, false, entries::add);
        feedAll(decoder, input, 100);

        assertThat(texts()).containsExactly("a", "", "", "b");
    }

    @Test
    void textThatOnlyLooksLikeATimestampStartIsKept() {
        byte[] input = new Frames().stdout("no-timestamp-here-at-all-and-very-long-without-spaces\n").stdout("short\n").bytes();
        LogDecoder decoder = new LogDecoder(false, true, entries::add);
        feedAll(decoder, input, 3);

        assertThat(texts()).containsExactly("no-timestamp-here-at-all-and-very-long-without-spaces", "short");
    }
}
