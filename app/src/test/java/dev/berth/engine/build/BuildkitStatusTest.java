package dev.berth.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The protobuf decoding of {@code moby.buildkit.trace} messages. */
class BuildkitStatusTest {

    @Test
    void decodesARecordedVertexWithItsTimes() {
        // A real message: the "exporting to image" vertex and its "naming to" status.
        BuildkitStatus status = BuildkitStatus.fromAux(
                "CosBCkdzaGEyNTY6Nzc4MGVhNDkzNjFlODAyYzhkYmVjNmNlYWMzN2ExNWQzY2UwODQ3MzZlODBjNWQzMzA1NTQyODE4MTQxY2Uy"
                        + "MRokW2ludGVybmFsXSBsb2FkIHJlbW90ZSBidWlsZCBjb250ZXh0KgwIppGl2AYQ1ceIugIyDAimkaXYBhC6iJPLAg==");

        assertThat(status.vertexes()).singleElement().satisfies(v -> {
            assertThat(v.digest()).isEqualTo("sha256:7780ea49361e802c8dbec6ceac37a15d3ce084736e80c5d3305542818141ce21");
            assertThat(v.name()).isEqualTo("[internal] load remote build context");
            assertThat(v.cached()).isFalse();
            assertThat(v.started()).isBefore(v.completed());
            assertThat(v.started()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
            assertThat(v.error()).isNull();
        });
    }

    @Test
    void decodesEveryKindOfEntryAndSkipsUnknownFields() {
        byte[] vertex = concat(
                string(1, "sha256:abc"), string(2, "sha256:parent"), string(3, "[2/3] RUN make"),
                varint(4, 1), message(5, concat(varint(1, 1_700_000_000), varint(2, 5))),
                message(6, concat(varint(1, 1_700_000_002))), string(7, "boom"),
                message(8, string(1, "unknown progress group")));
        byte[] status = concat(string(1, "extracting"), string(2, "sha256:abc"), string(3, "sha256:layer"),
                varint(4, 512), varint(5, 1024), fixed32(9));
        byte[] log = concat(string(1, "sha256:abc"), varint(3, 2), string(4, "compiler says hi\n"));
        byte[] warning = concat(string(1, "sha256:abc"), varint(2, 1), string(3, "deprecated"));
        byte[] response = concat(message(1, vertex), message(2, status), message(3, log), message(4, warning),
                fixed64(15));

        BuildkitStatus decoded = BuildkitStatus.decode(response);

        BuildkitStatus.Vertex v = decoded.vertexes().get(0);
        assertThat(v.inputs()).containsExactly("sha256:parent");
        assertThat(v.cached()).isTrue();
        assertThat(v.started()).isEqualTo(Instant.ofEpochSecond(1_700_000_000, 5));
        assertThat(v.completed()).isEqualTo(Instant.ofEpochSecond(1_700_000_002));
        assertThat(v.error()).isEqualTo("boom");
        assertThat(decoded.statuses().get(0)).satisfies(s -> {
            assertThat(s.id()).isEqualTo("extracting");
            assertThat(s.current()).isEqualTo(512);
            assertThat(s.total()).isEqualTo(1024);
        });
        assertThat(decoded.logs().get(0).stream()).isEqualTo(2);
        assertThat(new String(decoded.logs().get(0).message(), StandardCharsets.UTF_8)).isEqualTo("compiler says hi\n");
        assertThat(decoded.warnings().get(0).message()).isEqualTo("deprecated");
    }

    @Test
    void truncatedInputIsRefusedNotMisread() {
        byte[] whole = message(1, string(1, "sha256:abc"));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> BuildkitStatus.decode(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed protobuf");
        assertThat(BuildkitStatus.fromAux(Base64.getEncoder().encodeToString(new byte[0])).vertexes()).isEmpty();
    }

    private static byte[] varint(int field, long value) {
        return concat(key(field, 0), rawVarint(value));
    }

    private static byte[] string(int field, String value) {
        return message(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(int field, byte[] body) {
        return concat(key(field, 2), rawVarint(body.length), body);
    }

    private static byte[] fixed32(int field) {
        return concat(key(field, 5), new byte[4]);
    }

    private static byte[] fixed64(int field) {
        return concat(key(field, 1), new byte[8]);
    }

    private static byte[] key(int field, int wireType) {
        return rawVarint(((long) field << 3) | wireType);
    }

    private static byte[] rawVarint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
