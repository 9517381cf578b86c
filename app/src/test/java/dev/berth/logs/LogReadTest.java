package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.LogQuery;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReadTest {

    private static final byte[] BODY = new Frames().stdout("first line\n").stderr("an error\n")
            .stdout("a line in ").stdout("two messages\n").stdout("last\n").bytes();

    /** The body up to {@code cut}, then a broken connection. */
    private static InputStream brokenAt(int cut) {
        return new InputStream() {
            private final ByteArrayInputStream in = new ByteArrayInputStream(BODY, 0, cut);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, Math.min(len, 3));
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
    }

    @Test
    void aStreamThatBrokeAnywhereIsContinuedByTheNextOneWithoutLossOrRepeats() throws IOException {
        for (int cut = 1; cut < BODY.length; cut++) {
            List<String> lines = new ArrayList<>();
            LogRead read = new LogRead(false, LogQuery.all().withTimestamps(false), e -> lines.add(e.text().text()));
            int at = cut;
            assertThatThrownBy(() -> read.pump(brokenAt(at), false, () -> { })).isInstanceOf(IOException.class);

            assertThat(read.pump(new ByteArrayInputStream(BODY), read.started(), () -> { })).isTrue();
            read.decoder().finish();

            assertThat(lines).as("cut at %d", cut)
                    .containsExactly("first line", "an error", "a line in two messages", "last");
        }
    }

    @Test
    void aStreamThatIsNotTheSameBytesAnyMoreIsNotDecodedFromTheMiddle() throws IOException {
        List<String> lines = new ArrayList<>();
        LogRead read = new LogRead(false, LogQuery.all().withTimestamps(false), e -> lines.add(e.text().text()));
        assertThatThrownBy(() -> read.pump(brokenAt(20), false, () -> { })).isInstanceOf(IOException.class);
        byte[] rotated = new Frames().stdout("other line\n").stdout("first line\n").stderr("an error\n").bytes();

        assertThat(read.pump(new ByteArrayInputStream(rotated), true, () -> { })).isFalse();
        assertThat(read.pump(new ByteArrayInputStream(BODY, 0, 10), true, () -> { })).as("shorter").isFalse();
        read.decoder().finish();

        assertThat(lines).containsExactly("first line");
    }
}
