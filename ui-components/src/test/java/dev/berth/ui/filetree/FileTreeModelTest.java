package dev.berth.ui.filetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileTreeModelTest {

    private static FileEntry file(String path, ChangeKind kind, long size) {
        return new FileEntry(path, kind, FileType.FILE, size, 0644, "0:0", null);
    }

    @Test
    void parentFoldersAreImpliedAndUnchanged() {
        FileTreeModel model = FileTreeModel.of(List.of(file("/usr/bin/env", ChangeKind.ADDED, 10)));

        FileTreeModel.Node usr = model.find("usr").orElseThrow();
        assertThat(usr.entry()).isNull();
        assertThat(usr.kind()).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(usr.isDirectory()).isTrue();
        assertThat(usr.hasChanges()).isTrue();
        assertThat(model.find("/usr/bin/env").orElseThrow().path()).isEqualTo("/usr/bin/env");
    }

    @Test
    void foldersAddUpTheFilesTheyHoldButNotRemovedOnes() {
        FileTreeModel model = FileTreeModel.of(List.of(
                file("app/a", ChangeKind.ADDED, 100),
                file("app/lib/b", ChangeKind.MODIFIED, 50),
                file("app/old", ChangeKind.REMOVED, 1000),
                file("etc/hosts", ChangeKind.UNCHANGED, 7)));

        assertThat(model.find("app").orElseThrow().size()).isEqualTo(150);
        assertThat(model.root().size()).isEqualTo(157);
        assertThat(model.find("app/old").orElseThrow().size()).isEqualTo(1000);
        assertThat(model.changeCount()).isEqualTo(3);
        assertThat(model.find("etc").orElseThrow().hasChanges()).isFalse();
    }

    @Test
    void childrenListFoldersFirstThenNames() {
        FileTreeModel model = FileTreeModel.of(List.of(
                file("b", ChangeKind.ADDED, 1), file("a", ChangeKind.ADDED, 1),
                file("z/x", ChangeKind.ADDED, 1)));

        assertThat(model.root().children()).extracting(FileTreeModel.Node::name).containsExactly("z", "a", "b");
    }

    @Test
    void pathsAreNormalisedAndALaterEntryReplacesAnEarlierOne() {
        FileTreeModel model = FileTreeModel.of(List.of(
                file("./etc//hosts", ChangeKind.ADDED, 1),
                file("/etc/hosts/", ChangeKind.MODIFIED, 2)));

        assertThat(model.root().children()).hasSize(1);
        FileTreeModel.Node hosts = model.find("etc/hosts").orElseThrow();
        assertThat(hosts.kind()).isEqualTo(ChangeKind.MODIFIED);
        assertThat(hosts.size()).isEqualTo(2);
        assertThat(model.find("etc/nope")).isEmpty();
    }

    @Test
    void modeStringsReadLikeLsIncludingSpecialBits() {
        assertThat(new FileEntry("d", ChangeKind.ADDED, FileType.DIRECTORY, 0, 0755, null, null).modeString())
                .isEqualTo("drwxr-xr-x");
        assertThat(new FileEntry("s", ChangeKind.ADDED, FileType.FILE, 0, 04755, null, null).modeString())
                .isEqualTo("-rwsr-xr-x");
        assertThat(new FileEntry("t", ChangeKind.ADDED, FileType.DIRECTORY, 0, 01777, null, null).modeString())
                .isEqualTo("drwxrwxrwt");
        assertThat(new FileEntry("l", ChangeKind.ADDED, FileType.SYMLINK, 0, 0777, null, "x").modeString())
                .isEqualTo("lrwxrwxrwx");
        assertThat(FileEntry.of("x", ChangeKind.REMOVED, FileType.FILE).modeString()).isEmpty();
    }

    @Test
    void aDeepTreeDoesNotOverflowTheStack() {
        String deep = "d/".repeat(5000) + "f";

        FileTreeModel model = FileTreeModel.of(List.of(file(deep, ChangeKind.ADDED, 3)));

        assertThat(model.root().size()).isEqualTo(3);
    }

    @Test
    void filtersMatchTextAnywhereOrGlobsByNameOrPath() {
        assertThat(PathFilter.of("NGINX").test("/etc/nginx/nginx.conf")).isTrue();
        assertThat(PathFilter.of("*.so").test("/usr/lib/libc.so")).isTrue();
        assertThat(PathFilter.of("*.so").test("/usr/lib/libc.so.6")).isFalse();
        assertThat(PathFilter.of("/usr/*").test("/usr/lib/libc.so")).isFalse();
        assertThat(PathFilter.of("/usr/**").test("/usr/lib/libc.so")).isTrue();
        assertThat(PathFilter.of("usr/lib/*.so").test("/usr/lib/libc.so")).isTrue();
        assertThat(PathFilter.of("lib[cm].so").test("/usr/lib/libm.so")).isTrue();
        assertThat(PathFilter.of("lib[!cm].so").test("/usr/lib/libm.so")).isFalse();
        assertThat(PathFilter.of("a+b?").test("/x/a+bc")).isTrue();
        assertThat(PathFilter.of("  ").matchesAll()).isTrue();
    }

    @Test
    void sizesReadInDecimalUnits() {
        assertThat(FileTreeView.decimalBytes(532)).isEqualTo("532 B");
        assertThat(FileTreeView.decimalBytes(12_400_000)).isEqualTo("12.4 MB");
        assertThat(FileTreeView.decimalBytes(999_999)).isEqualTo("1.0 MB");
        assertThat(FileTreeView.decimalBytes(-1)).isEmpty();
    }
}
