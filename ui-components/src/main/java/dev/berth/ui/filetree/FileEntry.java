package dev.berth.ui.filetree;

import java.util.Objects;

/**
 * One path in a {@link FileTreeModel}: what it is, what happened to it and its metadata. Unknown
 * values are {@code -1} (size, mode) or {@code null} (owner, link target), as for {@code docker diff},
 * which reports only paths and change kinds.
 *
 * @param path       slash-separated, with or without a leading slash ({@code etc/hosts}, {@code /etc})
 * @param kind       what happened to the path
 * @param type       directory, file, link, ...
 * @param size       bytes of a file's content, or -1 when unknown
 * @param mode       permission bits (e.g. {@code 0755}, with setuid/setgid/sticky), or -1 when unknown
 * @param owner      e.g. {@code "0:0"} or {@code "root"}, or null
 * @param linkTarget where a symbolic or hard link points, or null
 */
public record FileEntry(String path, ChangeKind kind, FileType type, long size, int mode, String owner,
                        String linkTarget) {

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
    }

    /** A path and its change kind only, as {@code docker diff} reports them. */
    public static FileEntry of(String path, ChangeKind kind, FileType type) {
        return new FileEntry(path, kind, type, -1, -1, null, null);
    }

    /** The permission bits as {@code ls -l} prints them, e.g. {@code drwxr-xr-x}; empty when unknown. */
    public String modeString() {
        return modeString(type, mode);
    }

    static String modeString(FileType type, int mode) {
        if (mode < 0) {
            return "";
        }
        char[] out = new char[10];
        out[0] = type.modeLetter();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out[i + 1] = (mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        }
        // setuid, setgid and sticky replace the x of owner, group and others.
        special(out, 3, (mode & 04000) != 0, 's');
        special(out, 6, (mode & 02000) != 0, 's');
        special(out, 9, (mode & 01000) != 0, 't');
        return new String(out);
    }

    private static void special(char[] out, int index, boolean set, char letter) {
        if (set) {
            out[index] = out[index] == '-' ? Character.toUpperCase(letter) : letter;
        }
    }
}
