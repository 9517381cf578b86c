package dev.berth.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multiplexed streams the way the engine writes them. */
final class Frames {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Frames frame(int type, byte[] payload) {
        out.write(type);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(payload.length >>> 24);
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.writeBytes(payload);
        return this;
    }

    Frames stdout(String text) {
        return frame(1, text.getBytes(StandardCharsets.UTF_8));
    }

    Frames stderr(String text) {
        return frame(2, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
