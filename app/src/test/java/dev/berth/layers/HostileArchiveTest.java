package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;



import dev.berth.engine.Cancellation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.time.Duration;
import java.util.ArrayList;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.junit.jupiter.api.Test;

/** Malformed and hostile archives: a clear error or a partial view with warnings, never a crash. */
class HostileArchiveTest {

    private static final List<byte[]> LAYERS = ArchiveReaderTest.LAYERS;
    private static final String CONFIG = ArchiveReaderTest.CONFIG;
    private static final List<String> DIFF_IDS = LAYERS.stream().map(Tars::sha256).toList();

    private static ImageArchive read(byte[] archive, List<String> engineDiffIds) throws ArchiveException {
        return new ArchiveReader(Tars.configId(CONFIG), engineDiffIds, new Cancellation(), null)
                .read(new ByteArrayInputStream(archive));
    }

    @Test
    void aTruncatedArchiveGivesTheLayersThatArrivedAndSaysSo() throws Exception {
        byte[] whole = Tars.docker2010(LAYERS, CONFIG);
        // The hand-made layout writes the top layer first; cut inside the second layer written.
        int cut = indexOf(whole, ArchiveReaderTest.APP, 0) + ArchiveReaderTest.APP.length / 2;
        byte[] truncated = Arrays.copyOf(whole, cut);

        ImageArchive archive = read(truncated, DIFF_IDS);

        assertThat(archive.complete()).isFalse();
        assertThat(archive.warnings()).anyMatch(w -> w.startsWith("The archive ended early"))
                .anyMatch(w -> w.contains("engine's layer list"));
        assertThat(archive.layers().get(2).complete()).isTrue();
        assertThat(archive.layers().get(2).deletions()).containsExactly("etc/hosts");
        assertThat(archive.layers().get(0).complete()).isFalse();
    }

    @Test
    void aTruncatedArchiveWithoutTheEnginesLayerListIsAClearError() {
        byte[] whole = Tars.docker2010(LAYERS, CONFIG);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertThatThrownBy(() -> read(truncated, List.of())).isInstanceOf(ArchiveException.class)
                .hasMessage("The archive holds no image configuration (it ended early)");
    }

    @Test
    void anEntryClaimingAnAbsurdSizeStopsReadingWithAWarning() throws Exception {
        byte[] absurd = concat(header("evil/layer.tar", 1L << 50), new byte[4096]);
        byte[] archive = ArchiveReaderTest.concatTars(Tars.docker2010(LAYERS, CONFIG), absurd);

        ImageArchive read = read(archive, DIFF_IDS);

        assertThat(read.complete()).isFalse();
        assertThat(read.warnings()).anyMatch(w -> w.contains("claims an implausible size"));
        assertThat(read.layers()).allMatch(LayerFiles::complete);
    }

    @Test
    void anAbsurdSizeInsideALayerIsReportedToo() throws Exception {
        byte[] layer = concat(header("huge", 1L << 45), new byte[1024]);
        String config = Tars.config(List.of(layer), List.of("x"), List.of(false));

        ImageArchive read = new ArchiveReader(Tars.configId(config), List.of(Tars.sha256(layer)), new Cancellation(), null)
                .read(new ByteArrayInputStream(Tars.docker2010(List.of(layer), config)));

        assertThat(read.warnings()).anyMatch(w -> w.contains("The entry huge claims an implausible size"));
        assertThat(read.complete()).isFalse();
    }

    @Test
    void pathsThatLeaveTheImageAreSkippedAndLinksOutsideAreFlagged() throws Exception {
        byte[] layer = new Tars.Layer().file("../../etc/passwd", "root::0:0")
                .file("ok/../../escape", "x").file("fine", "y")
                .symlink("up", "../../../../etc/shadow").symlink("abs", "/etc/shadow")
                .hardlink("hard", "../outside").tar();
        String config = Tars.config(List.of(layer), List.of("x"), List.of(false));

        ImageArchive read = new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), null)
                .read(new ByteArrayInputStream(Tars.docker2010(List.of(layer), config)));

        assertThat(read.layers().get(0).entries()).extracting(LayerEntry::path).containsExactly("fine", "up", "abs");
        assertThat(read.warnings()).contains(
                "The symbolic link /up points outside the image (../../../../etc/shadow)",
                "Skipped the hard link /hard: it points outside the image (../outside)",
                "Skipped 2 entries whose path leaves the image (../)");
    }

    @Test
    void anUnknownMediaTypeIsNamedAndItsBlobIsNotShown() throws Exception {
        byte[] notALayer = new byte[2048];
        new Random(7).nextBytes(notALayer);
        notALayer[0] = 0x42;
        List<byte[]> blobs = List.of(ArchiveReaderTest.BASE, notALayer);
        String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Tars.sha256(ArchiveReaderTest.BASE)
                + "\",\"" + Tars.sha256(notALayer) + "\"]},\"history\":[]}";
        byte[] oci = Tars.oci(blobs, List.of("application/vnd.oci.image.layer.v1.tar",
                "application/vnd.example.weird+blob"), config);

        ImageArchive read = new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), null)
                .read(new ByteArrayInputStream(oci));

        assertThat(read.warnings()).contains(
                "Layer 2 has the media type \"application/vnd.example.weird+blob\", which Berth does not know; it is not shown");
        assertThat(read.layers().get(0).entries()).isNotEmpty();
        assertThat(read.layers().get(1).complete()).isFalse();
    }

    @Test
    void aBrokenGzipLayerIsAWarningNotACrash() throws Exception {
        byte[] gz = Tars.gzip(ArchiveReaderTest.APP);
        byte[] broken = Arrays.copyOf(gz, gz.length);
        for (int i = 20; i < broken.length - 8; i++) {
            broken[i] ^= 0x5a;
        }
        List<byte[]> blobs = List.of(ArchiveReaderTest.BASE, broken);
        String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Tars.sha256(ArchiveReaderTest.BASE)
                + "\",\"" + Tars.sha256(ArchiveReaderTest.APP) + "\"]}}";
        byte[] oci = Tars.oci(blobs, List.of("application/vnd.oci.image.layer.v1.tar",
                "application/vnd.oci.image.layer.v1.tar+gzip"), config);

        ImageArchive read = new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), null)
                .read(new ByteArrayInputStream(oci));

        assertThat(read.complete()).isFalse();
        assertThat(read.layers().get(0).complete()).isTrue();
        assertThat(read.warnings()).anyMatch(w -> w.contains("breaks off or is corrupt") || w.contains("is not valid gzip"));
    }

    @Test
    void somethingThatIsNotAnArchiveIsAClearError() {
        byte[] noise = new byte[10_000];
        new Random(1).nextBytes(noise);

        assertThatThrownBy(() -> read(noise, DIFF_IDS)).isInstanceOf(ArchiveException.class)
                .hasMessageStartingWith("This is not an image archive");
        assertThatThrownBy(() -> read(new byte[0], DIFF_IDS)).isInstanceOf(ArchiveException.class)
                .hasMessage("The archive is empty");
    }

    @Test
    void tooManyFilesStopWithAWarningInsteadOfExhaustingMemory() throws Exception {
        Tars.Layer many = new Tars.Layer();
        for (int i = 0; i < 30; i++) {
            many.file("f" + i, "x");
        }
        byte[] layer = many.tar();
        String config = Tars.config(List.of(layer), List.of("x"), List.of(false));

        ImageArchive read = new ArchiveReader(Tars.configId(config), List.of(Tars.sha256(layer)), new Cancellation(),
                null, new ArchiveLimits(10)).read(new ByteArrayInputStream(Tars.docker2010(List.of(layer), config)));

        assertThat(read.complete()).isFalse();
        assertThat(read.warnings()).contains("The image holds more than 10 files; Berth stops there to stay responsive");
    }

    @Test
    void cancellingStopsTheReadAndClosesTheStream() {
        byte[] big = new Tars.Layer().file("big", 8 * 1024 * 1024).tar();
        String config = Tars.config(List.of(big), List.of("x"), List.of(false));
        Cancellation cancellation = new Cancellation();
        boolean[] closed = new boolean[1];
        InputStream stream = new ByteArrayInputStream(Tars.docker2010(List.of(big), config)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertThatThrownBy(() -> new ArchiveReader(Tars.configId(config), List.of(), cancellation, read -> {
            if (read > 2 * 1024 * 1024) {
                cancellation.cancel();
            }
        }).read(stream)).isInstanceOf(CancellationException.class);
        assertThat(closed[0]).isTrue();
    }

    @Test
    void readingWritesNothingToDisk() throws Exception {
        byte[] docker = Tars.docker2010(LAYERS, CONFIG);
        byte[] oci = Tars.oci(List.of(Tars.zstd(ArchiveReaderTest.BASE)),
                List.of("application/vnd.oci.image.layer.v1.tar+zstd"),
                Tars.config(List.of(ArchiveReaderTest.BASE), List.of("x"), List.of(false)));
        Path control = Files.createTempFile("berth-control", ".txt");
        List<String> written = new ArrayList<>();
        // The JDK's flight recorder sees every file write; only this thread's count (others share /tmp).
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileWrite").withThreshold(Duration.ZERO);
            recording.start();
            read(docker, List.of());
            read(oci, List.of());
            Files.writeString(control, "proves the recording sees writes");
            recording.stop();
            Path dump = Files.createTempFile("berth-writes", ".jfr");
            try {
                recording.dump(dump);
                long me = Thread.currentThread().getId();
                for (RecordedEvent e : RecordingFile.readAllEvents(dump)) {
                    if (e.getThread() != null && e.getThread().getJavaThreadId() == me) {
                        written.add(e.getString("path"));
                    }
                }
            } finally {
                Files.deleteIfExists(dump);
            }
        } finally {
            Files.deleteIfExists(control);
        }

        assertThat(written).containsOnly(control.toString());
    }

    /** A tar header written in star mode, which stores sizes too big for octal in binary. */
    private static byte[] header(String name, long size) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        byte[] block = new byte[512];
        e.writeEntryHeader(block, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8), true);
        return block;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < Math.min(needle.length, 1024); j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
