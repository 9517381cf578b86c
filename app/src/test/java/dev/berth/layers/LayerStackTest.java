package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.Cancellation;

import dev.berth.layers.PathChange.Kind;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What each layer changes, whiteouts and opaque folders included. */
class LayerStackTest {

    static LayerStack stack(byte[]... layers) throws Exception {
        List<byte[]> list = List.of(layers);
        java.util.List<String> history = new java.util.ArrayList<>();
        java.util.List<Boolean> empty = new java.util.ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            history.add("step " + i);
            empty.add(false);
        }
        String config = Tars.config(list, history, empty);
        ImageArchive archive = new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), null)
                .read(new ByteArrayInputStream(Tars.docker2010(list, config)));
        return new LayerStack(archive.layers());
    }

    static Map<String, Kind> kinds(List<PathChange> changes) {
        return changes.stream().collect(Collectors.toMap(PathChange::path, PathChange::kind));
    }

    @Test
    void addModifyAndDelete() throws Exception {
        LayerStack stack = stack(
                new Tars.Layer().dir("etc").file("etc/a", "1").file("etc/b", "2").tar(),
                new Tars.Layer().dir("etc").file("etc/a", "changed").file("etc/c", "3").whiteout("etc/b").tar());

        Map<String, Kind> changes = kinds(stack.changes(1));

        assertThat(changes).containsEntry("etc/a", Kind.MODIFIED).containsEntry("etc/c", Kind.ADDED)
                .containsEntry("etc/b", Kind.REMOVED).containsEntry("etc", Kind.UNCHANGED).hasSize(4);
        PathChange removed = stack.changes(1).stream().filter(c -> c.path().equals("etc/b")).findFirst().orElseThrow();
        assertThat(removed.entry().size()).isEqualTo(1);
        assertThat(stack.snapshot(1)).containsOnlyKeys("etc", "etc/a", "etc/c");
    }

    @Test
    void anOpaqueFolderHidesEveryLowerChildButKeepsItsOwnLayersFiles() throws Exception {
        LayerStack stack = stack(
                new Tars.Layer().dir("app").file("app/old1", "x").dir("app/sub").file("app/sub/old2", "y")
                        .file("app/keep-name", "lower").tar(),
                new Tars.Layer().dir("app").opaque("app").file("app/new", "z").file("app/keep-name", "upper").tar());

        Map<String, Kind> changes = kinds(stack.changes(1));

        assertThat(changes).containsEntry("app/new", Kind.ADDED)
                .containsEntry("app/keep-name", Kind.MODIFIED)
                .containsEntry("app/old1", Kind.REMOVED)
                .containsEntry("app/sub", Kind.REMOVED)
                .containsEntry("app/sub/old2", Kind.REMOVED);
        assertThat(stack.snapshot(1)).containsOnlyKeys("app", "app/new", "app/keep-name");
        // dive's mistake would be to keep the lower children visible:
        assertThat(kinds(stack.filesystem(1))).containsEntry("app/old1", Kind.REMOVED)
                .containsEntry("app/new", Kind.ADDED);
    }

    @Test
    void deletingAFolderRemovesEverythingUnderIt() throws Exception {
        LayerStack stack = stack(
                new Tars.Layer().dir("tmp").dir("tmp/build").file("tmp/build/a.o", 100).file("tmp/build/b.o", 200).tar(),
                new Tars.Layer().whiteout("tmp/build").tar());

        Map<String, Kind> changes = kinds(stack.changes(1));

        assertThat(changes).containsEntry("tmp/build", Kind.REMOVED).containsEntry("tmp/build/a.o", Kind.REMOVED)
                .containsEntry("tmp/build/b.o", Kind.REMOVED);
        assertThat(stack.snapshot(1)).containsOnlyKeys("tmp");
    }

    @Test
    void aFileReplacingAFolderTakesItsContentsAlong() throws Exception {
        LayerStack stack = stack(
                new Tars.Layer().dir("x").file("x/inside", "1").tar(),
                new Tars.Layer().file("x", "now a file").tar());

        assertThat(kinds(stack.changes(1))).containsEntry("x", Kind.MODIFIED).containsEntry("x/inside", Kind.REMOVED);
        assertThat(stack.snapshot(1)).containsOnlyKeys("x");
    }

    @Test
    void theWholeFilesystemViewMarksOnlyWhatTheLayerChanged() throws Exception {
        LayerStack stack = stack(
                new Tars.Layer().dir("bin").file("bin/sh", "sh").tar(),
                new Tars.Layer().dir("app").file("app/x", "x").tar(),
                new Tars.Layer().file("app/y", "y").tar());

        Map<String, Kind> fs = kinds(stack.filesystem(1));

        assertThat(fs).containsEntry("bin/sh", Kind.UNCHANGED).containsEntry("app/x", Kind.ADDED)
                .doesNotContainKey("app/y");
        assertThat(kinds(stack.filesystem(2))).containsEntry("app/y", Kind.ADDED).containsEntry("app/x", Kind.UNCHANGED);
    }

    @Test
    void hardLinksAndSymlinksKeepTheirTargets() throws Exception {
        LayerStack stack = stack(new Tars.Layer().dir("bin").file("bin/busybox", 10).hardlink("bin/ls", "bin/busybox")
                .symlink("bin/sh", "/bin/busybox").tar());

        Map<String, LayerEntry> fs = stack.snapshot(0);

        assertThat(fs.get("bin/ls")).extracting(LayerEntry::type, LayerEntry::link)
                .containsExactly(EntryType.HARDLINK, "/bin/busybox");
        assertThat(fs.get("bin/sh")).extracting(LayerEntry::type, LayerEntry::link)
                .containsExactly(EntryType.SYMLINK, "/bin/busybox");
        assertThat(stack.layers().get(0).warnings()).isEmpty();
    }

    @Test
    void chainIdsFollowTheOciDefinition() {
        String a = "sha256:" + "a".repeat(64);
        String b = "sha256:" + "b".repeat(64);

        List<String> chain = ChainIds.of(List.of(a, b));

        assertThat(chain.get(0)).isEqualTo(a);
        assertThat(chain.get(1)).isEqualTo(Tars.sha256((a + " " + b).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ChainIds.sharedPrefix(List.of(a, b), List.of(a, a))).isEqualTo(1);
        assertThat(ChainIds.sharedPrefix(List.of(b, a), List.of(a, b))).isZero();
    }
}
