package dev.berth.layers;

import dev.berth.engine.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Reads one uncompressed layer tar into a {@link LayerFiles} index while computing its diff_id.
 * File contents pass through once (for the digest and a CRC32C each) and are not kept.
 */
final class LayerTarParser {

    private static final int BUFFER = 64 * 1024;

    private final ArchiveLimits limits;
    private final Cancellation cancellation;
    private final byte[] buffer = new byte[BUFFER];
    private final CRC32C crc = new CRC32C();

    LayerTarParser(ArchiveLimits limits, Cancellation cancellation) {
        this.limits = limits;
        this.cancellation = cancellation;
    }

    /**
     * Reads the layer to its end. A layer that breaks off or is corrupt (a bad header, an
     * implausible size) comes back incomplete, with what was read and a warning, and without a
     * trustworthy diff_id; only the analysis-wide bound on files throws.
     */
    LayerFiles parse(InputStream uncompressed, String label) throws ArchiveLimits.Exceeded {
        DigestingInputStream digest = new DigestingInputStream(uncompressed);
        List<LayerEntry> entries = new ArrayList<>();
        List<String> deletions = new ArrayList<>();
        List<String> opaque = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int escaping = 0;
        int tooLong = 0;
        try {
            TarStream tar = new TarStream(digest);
            TarStream.Header e;
            while ((e = tar.next()) != null) {
                cancellation.check();
                String raw = e.name();
                if (raw.length() > ArchiveLimits.MAX_PATH_LENGTH) {
                    tooLong++;
                    continue;
                }
                String path = LayerPaths.normalize(raw);
                if (path == null) {
                    escaping++;
                    continue;
                }
                if (path.isEmpty()) {
                    continue;
                }
                String name = LayerPaths.name(path);
                if (name.startsWith(LayerPaths.WHITEOUT_PREFIX)) {
                    if (name.equals(LayerPaths.OPAQUE_MARKER)) {
                        opaque.add(LayerPaths.parent(path));
                    } else if (!name.startsWith(".wh..wh.")) {
                        // Other ".wh..wh." names are aufs bookkeeping, not deletions.
                        deletions.add(LayerPaths.join(LayerPaths.parent(path), name.substring(4)));
                    }
                    continue;
                }
                limits.countEntry();
                EntryType type = typeOf(e);
                String link = null;
                if (type == EntryType.SYMLINK) {
                    link = e.linkName();
                    if (LayerPaths.symlinkEscapes(path, link)) {
                        warnings.add("The symbolic link /" + path + " points outside the image (" + link + ")");
                    }
                } else if (type == EntryType.HARDLINK) {
                    String target = LayerPaths.normalize(e.linkName());
                    if (target == null || target.isEmpty()) {
                        warnings.add("Skipped the hard link /" + path + ": it points outside the image ("
                                + e.linkName() + ")");
                        continue;
                    }
                    if (!seen.contains(target)) {
                        warnings.add("The hard link /" + path + " points to /" + target + ", which this layer does not hold");
                    }
                    link = "/" + target;
                }
                int checksum = 0;
                long size = type == EntryType.FILE ? e.size() : 0;
                if (type == EntryType.FILE) {
                    checksum = readContent(tar);
                }
                seen.add(path);
                entries.add(new LayerEntry(path, type, size, e.mode(), (int) e.uid(), (int) e.gid(), link, checksum));
            }
            digest.drain();
        } catch (ArchiveLimits.Exceeded limit) {
            throw limit;
        } catch (IOException | RuntimeException broken) {
            cancellation.check();
            warnings.add(label + " breaks off or is corrupt after " + entries.size() + " entries: "
                    + describe(broken));
            addSkipped(warnings, escaping, tooLong);
            return new LayerFiles(null, digest.count(), List.copyOf(entries), List.copyOf(deletions),
                    List.copyOf(opaque), false, List.copyOf(warnings));
        }
        addSkipped(warnings, escaping, tooLong);
        return new LayerFiles(digest.digest(), digest.count(), List.copyOf(entries), List.copyOf(deletions),
                List.copyOf(opaque), true, List.copyOf(warnings));
    }

    private int readContent(TarStream tar) throws IOException {
        crc.reset();
        int n;
        while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
            crc.update(buffer, 0, n);
        }
        return (int) crc.getValue();
    }

    private static EntryType typeOf(TarStream.Header e) {
        if (e.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        if (e.isSymlink()) {
            return EntryType.SYMLINK;
        }
        if (e.isHardlink()) {
            return EntryType.HARDLINK;
        }
        return e.isFile() ? EntryType.FILE : EntryType.OTHER;
    }

    private static void addSkipped(List<String> warnings, int escaping, int tooLong) {
        if (escaping > 0) {
            warnings.add("Skipped " + escaping + (escaping == 1 ? " entry" : " entries")
                    + " whose path leaves the image (../)");
        }
        if (tooLong > 0) {
            warnings.add("Skipped " + tooLong + (tooLong == 1 ? " entry" : " entries")
                    + " with a path longer than " + ArchiveLimits.MAX_PATH_LENGTH + " characters");
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
