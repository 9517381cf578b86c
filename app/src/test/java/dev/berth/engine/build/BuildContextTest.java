package dev.berth.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context tar: what goes in, under which names and modes, and that it streams. */
class BuildContextTest {

    @TempDir
    Path dir;

    @Test
    void sendsWhatDockerignoreLeavesAndAlwaysTheDockerfile() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "*\n!src\n");
        write("src/Main.java", "class Main {}");
        write("target/Main.class", "bytes");
        write("notes.txt", "x");

        Map<String, String> tar = tar(BuildContext.of(dir, null));

        assertThat(tar.keySet()).containsExactly(".dockerignore", "Dockerfile", "src/", "src/Main.java");
        assertThat(tar.get("src/Main.java")).isEqualTo("class Main {}");
    }

    @Test
    void aDockerfileOutsideTheContextTravelsUnderAPrivateName() throws IOException {
        write("ctx/app.txt", "app");
        write("elsewhere/Build.Dockerfile", "FROM scratch\nCOPY app.txt /\n");

        BuildContext context = BuildContext.of(dir.resolve("ctx"), dir.resolve("elsewhere/Build.Dockerfile"));
        Map<String, String> tar = tar(context);

        assertThat(context.dockerfileName()).startsWith(".dockerfile.");
        assertThat(tar).containsEntry("app.txt", "app")
                .containsEntry(context.dockerfileName(), "FROM scratch\nCOPY app.txt /\n");
    }

    @Test
    void aDockerfileInASubfolderIsNamedByItsRelativePath() throws IOException {
        write("docker/prod.Dockerfile", "FROM scratch\n");

        assertThat(BuildContext.of(dir, dir.resolve("docker/prod.Dockerfile")).dockerfileName())
                .isEqualTo("docker/prod.Dockerfile");
    }

    @Test
    void keepsModesAndSymlinksAndOwnsEverythingAsRoot() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("run.sh"));

        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(BuildContext.of(dir, null))))) {
            Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), e);
            }
            assertThat(entries.get("run.sh").getMode() & 0777).isEqualTo(0750);
            assertThat(entries.get("link").isSymbolicLink()).isTrue();
            assertThat(entries.get("link").getLinkName()).isEqualTo("run.sh");
            assertThat(entries.values()).allSatisfy(e -> {
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getLongGroupId()).isZero();
            });
        }
    }

    @Test
    void streamsFileByFileWithoutHoldingTheContextInMemory() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        Path big = dir.resolve("big.bin");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        long[] written = new long[1];
        long[] largestWrite = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
                largestWrite[0] = Math.max(largestWrite[0], len);
            }
        };

        BuildContext.of(dir, null).writeTar(counting);

        assertThat(written[0]).isGreaterThan(64L << 20);
        assertThat(largestWrite[0]).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aMissingContextOrDockerfileIsNamed() {
        assertThatThrownBy(() -> BuildContext.of(dir.resolve("nope"), null))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("must be a folder");
        assertThatThrownBy(() -> BuildContext.of(dir, null))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("Cannot locate specified Dockerfile");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static byte[] bytes(BuildContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTar(out);
        return out.toByteArray();
    }

    private static Map<String, String> tar(BuildContext context) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(context)))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), e.isDirectory() ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
