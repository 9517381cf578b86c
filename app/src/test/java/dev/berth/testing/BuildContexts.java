package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Build contexts for build tests: FROM scratch with the static busybox, then two copied files
 * each read by a RUN, so a test can change one file and see which steps the cache still serves.
 * File contents carry the run ID, so the first build of a run never finds them in the cache.
 */
public final class BuildContexts {

    /** Steps: COPY busybox, RUN install, COPY first.txt, RUN cat first, COPY second.txt, RUN cat second. */
    public static final List<String> DOCKERFILE = List.of(
            "FROM scratch",
            "COPY busybox /bin/busybox",
            "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
            "COPY first.txt /first.txt",
            "RUN cat /first.txt > /seen-first",
            "COPY second.txt /second.txt",
            "RUN cat /second.txt && cat /second.txt > /seen-second");

    private BuildContexts() {
    }

    /** A fresh context folder; {@code salt} makes its copied files unique to one test. */
    public static Path twoFiles(String salt) {
        try {
            Path dir = Files.createTempDirectory("berth-build");
            Files.copy(TestImages.busyboxBinary(), dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("Dockerfile"), String.join("\n", DOCKERFILE) + "\n");
            Files.writeString(dir.resolve("first.txt"), "first " + TestResources.RUN_ID + " " + salt + "\n");
            Files.writeString(dir.resolve("second.txt"), "second " + TestResources.RUN_ID + " " + salt + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, String file, String content) {
        try {
            Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a context folder made here. */
    public static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
