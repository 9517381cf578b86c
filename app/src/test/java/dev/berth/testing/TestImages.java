package dev.berth.testing;

import dev.berth.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Test images built FROM scratch on the spot, so tests never need a registry: the static busybox
 * binary (Debian's busybox-static) gives a tiny image with a real shell.
 */
public final class TestImages {

    /** Shared by all runs; carries no run label so one run's cleanup never removes it. */
    public static final String BUSYBOX = "berth-test/busybox:1";

    private static final List<Path> BUSYBOX_BINARIES = List.of(Path.of("/usr/bin/busybox"), Path.of("/bin/busybox"));

    private TestImages() {
    }

    /** Builds {@link #BUSYBOX} unless the engine already has it. */
    public static synchronized String busybox(Engine engine) {
        if (!engine.images().exists(BUSYBOX)) {
            engine.images().build(busyboxContext(), BUSYBOX, Map.of("dev.berth.test.base", "busybox"));
        }
        return BUSYBOX;
    }

    /** A build context: the static busybox binary and a Dockerfile that installs its applets. */
    public static Path busyboxContext() {
        Path binary = busyboxBinary();
        try {
            Path dir = Files.createTempDirectory("berth-busybox");
            Files.copy(binary, dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n",
                    "FROM scratch",
                    "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                    "CMD [\"/bin/sh\"]", ""));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path busyboxBinary() {
        String override = System.getenv("BERTH_BUSYBOX");
        if (override != null && Files.isRegularFile(Path.of(override))) {
            return Path.of(override);
        }
        return BUSYBOX_BINARIES.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("No static busybox binary found (looked at " + BUSYBOX_BINARIES
                        + "); install busybox-static or set BERTH_BUSYBOX"));
    }
}
