package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** The tar reader against what real tar writers produce: ustar, GNU and PAX long names, big numbers. */
class TarStreamTest {

    private static byte[] tar(int longFileMode, int bigNumberMode, TarArchiveEntry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(longFileMode);
            tar.setBigNumberMode(bigNumberMode);
            for (TarArchiveEntry e : entries) {
                byte[] content = ("content of " + e.getName()).getBytes(StandardCharsets.UTF_8);
                // commons-compress calls a symlink a file; like Go and GNU tar, links carry no data.
                boolean data = e.isFile() && !e.isSymbolicLink();
                if (data) {
                    e.setSize(content.length);
                }
                tar.putArchiveEntry(e);
                if (data) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void longNamesBigIdsAndLinksInEveryDialect() throws IOException {
        String longName = "deep/" + "x".repeat(150) + "/file.txt";
        String longLink = "/target/" + "y".repeat(120);
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            TarArchiveEntry file = new TarArchiveEntry(longName);
            file.setUserId(3_000_000);
            file.setGroupId(42);
            file.setMode(0100640);
            TarArchiveEntry link = new TarArchiveEntry("ln", TarConstants.LF_SYMLINK);
            link.setLinkName(longLink);
            TarStream in = new TarStream(new ByteArrayInputStream(tar(mode, TarArchiveOutputStream.BIGNUMBER_POSIX, file, link)));

            TarStream.Header first = in.next();
            assertThat(first.name()).isEqualTo(longName);
            assertThat(first.isFile()).isTrue();
            assertThat(first.uid()).isEqualTo(3_000_000);
            assertThat(first.gid()).isEqualTo(42);
            assertThat(first.mode()).isEqualTo(0640);
            byte[] buffer = new byte[200];
            int n = in.read(buffer, 0, buffer.length);
            assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).isEqualTo("content of " + longName);
            TarStream.Header second = in.next();
            assertThat(second.isSymlink()).isTrue();
            assertThat(second.linkName()).isEqualTo(longLink);
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void starModeBinaryNumbersAreRead() throws IOException {
        TarArchiveEntry file = new TarArchiveEntry("big-uid");
        file.setUserId(1L << 40);
        TarStream in = new TarStream(new ByteArrayInputStream(tar(TarArchiveOutputStream.LONGFILE_POSIX,
                TarArchiveOutputStream.BIGNUMBER_STAR, file)));

        assertThat(in.next().uid()).isEqualTo(1L << 40);
    }

    @Test
    void aCorruptHeaderAndATruncatedEntryAreErrors() throws IOException {
        // Star mode writes no PAX headers here: a, its data, b, its data.
        byte[] bytes = tar(TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.BIGNUMBER_STAR,
                new TarArchiveEntry("a"), new TarArchiveEntry("b"));
        byte[] corrupt = bytes.clone();
        corrupt[1024 + 3] ^= 0x11;
        TarStream in = new TarStream(new ByteArrayInputStream(corrupt));
        assertThat(in.next().name()).isEqualTo("a");
        assertThatThrownBy(in::next).isInstanceOf(ArchiveException.class).hasMessageContaining("checksum");

        TarStream cut = new TarStream(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, 520)));
        cut.next();
        assertThatThrownBy(() -> {
            byte[] buffer = new byte[100];
            while (cut.read(buffer, 0, buffer.length) >= 0) {
                // reads the 8 bytes that arrived, then finds the rest missing
            }
        }).isInstanceOf(java.io.EOFException.class);
    }
}
