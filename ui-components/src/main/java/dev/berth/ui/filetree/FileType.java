package dev.berth.ui.filetree;

/** What kind of filesystem object an entry is. */
public enum FileType {
    DIRECTORY('d'),
    FILE('-'),
    SYMLINK('l'),
    /** A hard link to another path in the same tree. */
    HARDLINK('h'),
    /** Devices, fifos, sockets. */
    OTHER('?');

    private final char modeLetter;

    FileType(char modeLetter) {
        this.modeLetter = modeLetter;
    }

    /** The first letter of an {@code ls -l} mode string ({@code d}, {@code -}, {@code l}). */
    public char modeLetter() {
        return modeLetter;
    }
}
