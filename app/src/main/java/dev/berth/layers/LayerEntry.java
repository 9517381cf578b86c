package dev.berth.layers;

/**
 * One path a layer writes, as its tar entry describes it.
 *
 * @param path     normalised, relative to the image root, no leading slash ({@code usr/bin/env})
 * @param size     bytes of content (0 for folders and links)
 * @param mode     permission bits including setuid, setgid and sticky
 * @param link     target of a symbolic or hard link, else null
 * @param checksum CRC32C of the content (files only): tells "same bytes" from "rewritten" cheaply
 */
public record LayerEntry(String path, EntryType type, long size, int mode, int uid, int gid, String link,
                         int checksum) {

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    public boolean isFile() {
        return type == EntryType.FILE;
    }

    /** True when both describe the same content and metadata. */
    public boolean sameAs(LayerEntry other) {
        return other != null && type == other.type && size == other.size && mode == other.mode
                && uid == other.uid && gid == other.gid && checksum == other.checksum
                && java.util.Objects.equals(link, other.link);
    }

    public String owner() {
        return uid + ":" + gid;
    }
}
