package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.Cancellation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both save layouts, read from hand-made streams. */
class ArchiveReaderTest {

    static final byte[] BASE = new Tars.Layer().dir("bin").file("bin/busybox", 5000).symlink("bin/sh", "busybox")
            .dir("etc").file("etc/hosts", "127.0.0.1 localhost\n").tar();
    static final byte[] APP = new Tars.Layer().dir("app").file("app/server.js", "console.log(1)\n")
            .file("etc/hosts", "127.0.0.1 app\n").tar();
    static final byte[] CLEANUP = new Tars.Layer().dir("etc").whiteout("etc/hosts").tar();

    static final List<byte[]> LAYERS = List.of(BASE, APP, CLEANUP);
    static final String CONFIG = Tars.config(LAYERS,
            List.of("/bin/sh -c #(nop) ADD file:abc in / ", "/bin/sh -c #(nop)  ENV A=1", "/bin/sh -c #(nop) COPY dir:def in /app ",
                    "/bin/sh -c rm /etc/hosts", "/bin/sh -c #(nop)  CMD [\"sh\"]"),
            List.of(false, true, false, false, true));

    private static ImageArchive read(byte[] archive, String expectedId) throws ArchiveException {
        return new ArchiveReader(expectedId, List.of(), new Cancellation(), null)
                .read(new ByteArrayInputStream(archive));
    }

    @Test
    void readsTheDocker2010LayoutKeyingLayersByTheirDigest() throws Exception {
        ImageArchive archive = read(Tars.docker2010(LAYERS, CONFIG), Tars.configId(CONFIG));

        assertThat(archive.complete()).isTrue();
        assertThat(archive.warnings()).isEmpty();
        assertThat(archive.diffIds()).containsExactly(Tars.sha256(BASE), Tars.sha256(APP), Tars.sha256(CLEANUP));
        assertThat(archive.layers()).extracting(LayerFiles::diffId).containsExactlyElementsOf(archive.diffIds());
        assertThat(archive.layers().get(0).entries()).extracting(LayerEntry::path)
                .containsExactly("bin", "bin/busybox", "bin/sh", "etc", "etc/hosts");
        assertThat(archive.layers().get(0).entries().get(2)).extracting(LayerEntry::type, LayerEntry::link)
                .containsExactly(EntryType.SYMLINK, "busybox");
        assertThat(archive.layers().get(2).deletions()).containsExactly("etc/hosts");
        assertThat(archive.layers().get(0).tarSize()).isEqualTo(BASE.length);
    }

    @Test
    void findsTheConfigurationThroughTheManifestWhenTheIdIsNotKnown() throws Exception {
        ImageArchive archive = read(Tars.docker2010(LAYERS, CONFIG), null);

        assertThat(archive.config().history()).hasSize(5);
        assertThat(archive.config().workingDir()).isEqualTo("/app");
    }

    @Test
    void readsTheOciLayoutWithPlainGzipAndZstdBlobs() throws Exception {
        List<byte[]> blobs = List.of(Tars.gzip(BASE), Tars.zstd(APP), CLEANUP);
        byte[] oci = Tars.oci(blobs, List.of("application/vnd.oci.image.layer.v1.tar+gzip",
                "application/vnd.oci.image.layer.v1.tar+zstd", "application/vnd.oci.image.layer.v1.tar"), CONFIG);

        ImageArchive archive = read(oci, Tars.configId(CONFIG));

        assertThat(archive.warnings()).isEmpty();
        assertThat(archive.complete()).isTrue();
        assertThat(archive.layers()).extracting(LayerFiles::diffId)
                .containsExactly(Tars.sha256(BASE), Tars.sha256(APP), Tars.sha256(CLEANUP));
        assertThat(archive.layers().get(1).entries()).extracting(LayerEntry::path)
                .containsExactly("app", "app/server.js", "etc/hosts");
    }

    @Test
    void ociIndexLeadsToTheConfigurationWithoutTheDockerManifest() throws Exception {
        // No expected ID, and a second JSON that also looks like a configuration: only index.json can tell.
        List<byte[]> blobs = List.of(BASE);
        String config = Tars.config(blobs, List.of("ADD x /"), List.of(false));
        String decoy = Tars.config(List.of(APP), List.of("decoy"), List.of(false));
        byte[] oci = Tars.oci(blobs, List.of("application/vnd.oci.image.layer.v1.tar"), config, false);
        byte[] withDecoy = new Tars.Archive().member("blobs/sha256/" + Tars.configId(decoy).substring(7), decoy)
                .bytes();
        byte[] combined = concatTars(withDecoy, oci);

        ImageArchive archive = read(combined, null);

        assertThat(archive.config().history()).extracting(ImageConfig.Step::createdBy).containsExactly("ADD x /");
    }

    @Test
    void aRepeatedLayerIsStoredOnceAndServesBothPositions() throws Exception {
        byte[] empty = new Tars.Layer().tar();
        List<byte[]> layers = List.of(BASE, empty, empty);
        String config = Tars.config(layers, List.of("a", "b", "c"), List.of(false, false, false));
        // Docker writes the second copy of a repeated layer as a symlink to the first.
        byte[] archive = new Tars.Archive().member("aaa/layer.tar", BASE).member("bbb/layer.tar", empty)
                .symlink("ccc/layer.tar", "../bbb/layer.tar").member("cfg.json", config)
                .member("manifest.json", "[{\"Config\":\"cfg.json\",\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\",\"ccc/layer.tar\"]}]")
                .bytes();

        ImageArchive read = read(archive, Tars.configId(config));

        assertThat(read.complete()).isTrue();
        assertThat(read.layers()).hasSize(3);
        assertThat(read.layers().get(2).diffId()).isEqualTo(Tars.sha256(empty));
    }

    @Test
    void reportsProgressWhileReading() throws Exception {
        byte[] big = new Tars.Layer().file("big", 3 * 1024 * 1024).tar();
        String config = Tars.config(List.of(big), List.of("a"), List.of(false));
        List<Long> seen = new ArrayList<>();

        new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), seen::add)
                .read(new ByteArrayInputStream(Tars.docker2010(List.of(big), config)));

        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).isSorted();
    }

    /** Joins two tars by dropping the first one's end-of-archive blocks. */
    static byte[] concatTars(byte[] first, byte[] second) {
        int end = first.length;
        while (end >= 512 && isZero(first, end - 512)) {
            end -= 512;
        }
        byte[] out = new byte[end + second.length];
        System.arraycopy(first, 0, out, 0, end);
        System.arraycopy(second, 0, out, end, second.length);
        return out;
    }

    private static boolean isZero(byte[] b, int from) {
        for (int i = from; i < from + 512; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
