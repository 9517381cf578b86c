package dev.berth.layers;

/** What a path in a layer is. */
public enum EntryType {
    DIRECTORY, FILE, SYMLINK, HARDLINK, OTHER
}
