package dev.berth.app.layers;

import dev.berth.layers.EntryType;
import dev.berth.layers.LayerEntry;
import dev.berth.layers.PathChange;
import dev.berth.ui.filetree.ChangeKind;
import dev.berth.ui.filetree.FileEntry;
import dev.berth.ui.filetree.FileTreeModel;
import dev.berth.ui.filetree.FileType;
import java.util.ArrayList;
import java.util.List;

/** Turns layer changes into the file tree control's model; run it off the FX thread. */
public final class FileEntries {

    private FileEntries() {
    }

    public static FileTreeModel tree(List<PathChange> changes) {
        List<FileEntry> entries = new ArrayList<>(changes.size());
        for (PathChange c : changes) {
            LayerEntry e = c.entry();
            entries.add(new FileEntry(c.path(), kind(c.kind()), type(e.type()), e.isFile() ? e.size() : 0, e.mode(),
                    e.owner(), e.link()));
        }
        return FileTreeModel.of(entries);
    }

    static ChangeKind kind(PathChange.Kind kind) {
        return switch (kind) {
            case ADDED -> ChangeKind.ADDED;
            case MODIFIED -> ChangeKind.MODIFIED;
            case REMOVED -> ChangeKind.REMOVED;
            case UNCHANGED -> ChangeKind.UNCHANGED;
        };
    }

    static FileType type(EntryType type) {
        return switch (type) {
            case DIRECTORY -> FileType.DIRECTORY;
            case FILE -> FileType.FILE;
            case SYMLINK -> FileType.SYMLINK;
            case HARDLINK -> FileType.HARDLINK;
            case OTHER -> FileType.OTHER;
        };
    }
}
