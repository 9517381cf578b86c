package dev.berth.engine.build;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads the protobuf wire format, just enough for BuildKit's progress messages. A full protobuf
 * runtime plus generated classes would be a large dependency for five small message types.
 *
 * <p>Usage: {@code while (r.next()) switch (r.field()) { case 1 -> r.string(); default -> r.skip(); }}
 */
final class ProtoReader {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final byte[] data;
    private int pos;
    private final int end;
    private int field;
    private int wireType;

    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int from, int to) {
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        long key = varint();
        field = (int) (key >>> 3);
        wireType = (int) (key & 7);
        if (field == 0) {
            throw new IllegalArgumentException("malformed protobuf: field number 0");
        }
        return true;
    }

    int field() {
        return field;
    }

    long int64() {
        expect(VARINT);
        return varint();
    }

    boolean bool() {
        return int64() != 0;
    }

    byte[] bytes() {
        expect(LENGTH_DELIMITED);
        int length = length();
        byte[] out = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return out;
    }

    String string() {
        expect(LENGTH_DELIMITED);
        int length = length();
        String out = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return out;
    }

    /** The embedded message at this field, read by its own reader. */
    ProtoReader message() {
        expect(LENGTH_DELIMITED);
        int length = length();
        ProtoReader inner = new ProtoReader(data, pos, pos + length);
        pos += length;
        return inner;
    }

    /** A {@code google.protobuf.Timestamp} (seconds = 1, nanos = 2). */
    Instant timestamp() {
        ProtoReader ts = message();
        long seconds = 0;
        long nanos = 0;
        while (ts.next()) {
            switch (ts.field()) {
                case 1 -> seconds = ts.int64();
                case 2 -> nanos = ts.int64();
                default -> ts.skip();
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw new IllegalArgumentException("malformed protobuf: wire type " + wireType);
        }
    }

    private int length() {
        long length = varint();
        if (length < 0 || length > end - pos) {
            throw new IllegalArgumentException("malformed protobuf: length " + length + " past the end");
        }
        return (int) length;
    }

    private void advance(int n) {
        if (n > end - pos) {
            throw new IllegalArgumentException("malformed protobuf: truncated field");
        }
        pos += n;
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("malformed protobuf: truncated varint");
            }
            byte b = data[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed protobuf: varint too long");
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new IllegalArgumentException("malformed protobuf: field " + field + " has wire type " + wireType
                    + ", expected " + type);
        }
    }
}
