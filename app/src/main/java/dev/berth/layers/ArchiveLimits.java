package dev.berth.layers;

/**
 * Bounds that keep a hostile archive from exhausting memory: how many paths one analysis keeps and
 * how large a single entry may claim to be. Real images stay far below them.
 */
final class ArchiveLimits {

    static final long MAX_ENTRY_SIZE = 1L << 40;
    static final int MAX_PATH_LENGTH = 4096;
    static final int MAX_JSON_BYTES = 8 * 1024 * 1024;
    static final int DEFAULT_MAX_ENTRIES = 5_000_000;

    private final int maxEntries;
    private int entries;

    ArchiveLimits(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    static ArchiveLimits defaults() {
        return new ArchiveLimits(DEFAULT_MAX_ENTRIES);
    }

    void countEntry() throws Exceeded {
        if (++entries > maxEntries) {
            throw new Exceeded(String.format(
                    "The image holds more than %,d files; Berth stops there to stay responsive", maxEntries));
        }
    }

    static void checkSize(String what, long size) throws ArchiveException {
        if (size < 0 || size > MAX_ENTRY_SIZE) {
            throw new ArchiveException(what + " claims an implausible size (" + size + " bytes)");
        }
    }

    /** A bound that stops the whole analysis, not just one layer. */
    static final class Exceeded extends ArchiveException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }
}
