package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameDemuxerTest {

    /** Collects each stream's bytes and the sequence of frame starts. */
    private static final class Collector implements FrameDemuxer.Sink {
        final Map<StreamKind, ByteArrayOutputStream> streams = new EnumMap<>(StreamKind.class);
        final List<StreamKind> starts = new ArrayList<>();

        @Override
        public void frameStart(StreamKind stream) {
            starts.add(stream);
        }

        @Override
        public void payload(StreamKind stream, byte[] data, int offset, int length) {
            streams.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).write(data, offset, length);
        }

        String text(StreamKind stream) {
            ByteArrayOutputStream b = streams.get(stream);
            return b == null ? "" : b.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void separatesStdoutAndStderrFrames() {
        byte[] input = new Frames().stdout("out 1\n").stderr("err 1\n").stdout("out 2\n").bytes();
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);

        demuxer.feed(input, 0, input.length);

        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("out 1\nout 2\n");
        assertThat(c.text(StreamKind.STDERR)).isEqualTo("err 1\n");
        assertThat(c.starts).containsExactly(StreamKind.STDOUT, StreamKind.STDERR, StreamKind.STDOUT);
        assertThat(demuxer.endedMidFrame()).isFalse();
    }

    @Test
    void reassemblesFramesSplitAtEveryPossibleByte() {
        byte[] input = new Frames().stdout("hello\n").stderr("wörld\n").stdout("").stdout("bye\n").bytes();
        for (int cut = 1; cut < input.length; cut++) {
            Collector c = new Collector();
            FrameDemuxer demuxer = new FrameDemuxer(false, c);
            demuxer.feed(input, 0, cut);
            demuxer.feed(input, cut, input.length - cut);

            assertThat(c.text(StreamKind.STDOUT)).as("cut at %d", cut).isEqualTo("hello\nbye\n");
            assertThat(c.text(StreamKind.STDERR)).as("cut at %d", cut).isEqualTo("wörld\n");
            assertThat(c.starts).hasSize(4);
        }
    }

    @Test
    void reassemblesFramesFedOneByteAtATime() {
        byte[] input = new Frames().stdout("a".repeat(300) + "\n").stderr("b\n").bytes();
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);
        for (int i = 0; i < input.length; i++) {
            demuxer.feed(input, i, 1);
        }
        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("a".repeat(300) + "\n");
        assertThat(c.text(StreamKind.STDERR)).isEqualTo("b\n");
    }

    @Test
    void handsOnALargePayloadInPiecesWithoutWaitingForTheWholeFrame() {
        byte[] payload = new byte[1_000_000];
        Arrays.fill(payload, (byte) 'x');
        byte[] input = new Frames().frame(1, payload).bytes();
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);

        demuxer.feed(input, 0, 8 + 1000);

        assertThat(c.text(StreamKind.STDOUT)).hasSize(1000);
        assertThat(demuxer.endedMidFrame()).isTrue();
        assertThat(demuxer.missingBytes()).isEqualTo(999_000);
    }

    @Test
    void reportsInputTruncatedInsideAHeader() {
        byte[] input = new Frames().stdout("complete\n").stdout("cut").bytes();
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);

        demuxer.feed(input, 0, input.length - 3 - 5);

        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("complete\n");
        assertThat(demuxer.endedMidFrame()).isTrue();
    }

    @Test
    void reportsInputTruncatedInsideAPayloadAndKeepsWhatArrived() {
        byte[] input = new Frames().stdout("complete\n").stdout("partial line\n").bytes();
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);

        demuxer.feed(input, 0, input.length - 6);

        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("complete\npartial");
        assertThat(demuxer.endedMidFrame()).isTrue();
        assertThat(demuxer.missingBytes()).isEqualTo(6);
    }

    @Test
    void passesATtyStreamThroughRaw() {
        byte[] input = "\u001b[32mgreen\u001b[0m\r\nplain\r\n".getBytes(StandardCharsets.UTF_8);
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(true, c);

        demuxer.feed(input, 0, 5);
        demuxer.feed(input, 5, input.length - 5);

        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("\u001b[32mgreen\u001b[0m\r\nplain\r\n");
        assertThat(c.starts).containsExactly(StreamKind.STDOUT);
        assertThat(demuxer.endedMidFrame()).isFalse();
    }

    @Test
    void fallsBackToRawWhenTheStreamIsNotMultiplexedAfterAll() {
        byte[] input = "plain text that is no frame header\n".getBytes(StandardCharsets.UTF_8);
        Collector c = new Collector();
        FrameDemuxer demuxer = new FrameDemuxer(false, c);

        demuxer.feed(input, 0, input.length);

        assertThat(demuxer.isRaw()).isTrue();
        assertThat(c.text(StreamKind.STDOUT)).isEqualTo("plain text that is no frame header\n");
    }

    @Test
    void keepsTheEnginesOwnStreamErrorsApart() {
        byte[] input = new Frames().stdout("line\n").frame(3, "error from daemon in stream\n".getBytes(StandardCharsets.UTF_8)).bytes();
        Collector c = new Collector();
        new FrameDemuxer(false, c).feed(input, 0, input.length);

        assertThat(c.text(StreamKind.SYSTEM)).isEqualTo("error from daemon in stream\n");
    }
}
