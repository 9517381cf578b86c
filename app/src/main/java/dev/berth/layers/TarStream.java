package dev.berth.layers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming tar reader for layer archives: ustar, GNU and PAX headers (long names,
 * long link targets, large sizes and IDs), nothing else. Made for speed on archives with many
 * small entries (a header costs a 512-byte read and a few field parses) and for hostile input:
 * checksums are verified, PAX headers and long names are bounded, sizes are checked.
 */
final class TarStream {

    static final int BLOCK = 512;
    /** PAX headers and GNU long names larger than this are not a real image's. */
    static final int MAX_EXTENDED_HEADER = 1 << 20;

    /** One entry's header. */
    record Header(String name, char type, long size, int mode, long uid, long gid, String linkName) {

        boolean isDirectory() {
            return type == '5' || (type == '0' || type == 0) && name.endsWith("/");
        }

        boolean isSymlink() {
            return type == '2';
        }

        boolean isHardlink() {
            return type == '1';
        }

        boolean isFile() {
            return (type == '0' || type == 0 || type == '7' || type == 'S') && !name.endsWith("/");
        }
    }

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private boolean ended;

    TarStream(InputStream in) {
        this.in = in;
    }

    /** The next entry, or null at the end of the archive; skips what is left of the current one. */
    Header next() throws IOException {
        if (ended) {
            return null;
        }
        skipRest();
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        long paxUid = -1;
        long paxGid = -1;
        while (true) {
            if (!readBlock()) {
                ended = true;
                return null;
            }
            if (isZero(header)) {
                // End of archive: one zero block, usually two; whatever follows is padding.
                ended = true;
                return null;
            }
            verifyChecksum();
            char type = (char) (header[156] & 0xff);
            long size = number(124, 12);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                if (size < 0 || size > MAX_EXTENDED_HEADER) {
                    throw new ArchiveException("An extended tar header claims " + size + " bytes");
                }
                byte[] data = readData((int) size);
                if (type == 'L') {
                    longName = cString(data, 0, data.length);
                } else if (type == 'K') {
                    longLink = cString(data, 0, data.length);
                } else if (type == 'x') {
                    for (String[] record : pax(data)) {
                        switch (record[0]) {
                            case "path" -> paxPath = record[1];
                            case "linkpath" -> paxLink = record[1];
                            case "size" -> paxSize = parseLong(record[1]);
                            case "uid" -> paxUid = parseLong(record[1]);
                            case "gid" -> paxGid = parseLong(record[1]);
                            default -> { }
                        }
                    }
                }
                // Global headers ('g') set defaults no layer writer relies on; they are skipped.
                continue;
            }
            String name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
            String link = paxLink != null ? paxLink : longLink != null ? longLink : cString(header, 157, 100);
            long entrySize = paxSize >= 0 ? paxSize : size;
            ArchiveLimits.checkSize("The entry " + shorten(name), entrySize);
            boolean hasData = type != '1' && type != '2' && type != '3' && type != '4' && type != '5' && type != '6';
            remaining = hasData ? entrySize : 0;
            padding = hasData ? (BLOCK - entrySize % BLOCK) % BLOCK : 0;
            int mode = (int) (number(100, 8) & 07777);
            return new Header(name, type, entrySize, mode, paxUid >= 0 ? paxUid : number(108, 8),
                    paxGid >= 0 ? paxGid : number(116, 8), link);
        }
    }

    /** Reads the current entry's content; -1 at its end. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("The archive ends inside an entry (" + remaining + " bytes missing)");
        }
        remaining -= n;
        return n;
    }

    /** The current entry's content as a stream (closing it does nothing). */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = TarStream.this.read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return TarStream.this.read(b, off, len);
            }
        };
    }

    private void skipRest() throws IOException {
        long toSkip = remaining + padding;
        remaining = 0;
        padding = 0;
        if (toSkip > 0) {
            byte[] scratch = new byte[(int) Math.min(toSkip, 64 * 1024)];
            while (toSkip > 0) {
                int n = in.read(scratch, 0, (int) Math.min(scratch.length, toSkip));
                if (n < 0) {
                    throw new EOFException("The archive ends inside an entry");
                }
                toSkip -= n;
            }
        }
    }

    /** False at a clean end of stream (no byte of the block); a partial block is an error. */
    private boolean readBlock() throws IOException {
        int read = 0;
        while (read < BLOCK) {
            int n = in.read(header, read, BLOCK - read);
            if (n < 0) {
                if (read == 0) {
                    return false;
                }
                throw new EOFException("The archive ends inside a tar header");
            }
            read += n;
        }
        return true;
    }

    private byte[] readData(int size) throws IOException {
        byte[] data = new byte[size];
        int read = 0;
        while (read < size) {
            int n = in.read(data, read, size - read);
            if (n < 0) {
                throw new EOFException("The archive ends inside an extended header");
            }
            read += n;
        }
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        remaining = 0;
        padding = pad;
        skipRest();
        return data;
    }

    private void verifyChecksum() throws ArchiveException {
        long stored = number(148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i >= 148 && i < 156 ? (byte) ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new ArchiveException("A tar header is corrupt (its checksum does not match)");
        }
    }

    /** Octal (possibly space or NUL padded), or base-256 when the high bit is set. */
    private long number(int offset, int length) throws ArchiveException {
        if ((header[offset] & 0x80) != 0) {
            if (length > 9 && (header[offset] & 0x40) != 0) {
                throw new ArchiveException("A tar header holds a negative number");
            }
            long value = header[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                if ((value >>> 55) != 0) {
                    throw new ArchiveException("A tar header holds a number too large");
                }
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int end = offset + length;
        int i = offset;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new ArchiveException("A tar header holds an invalid number");
            }
            value = (value << 3) + (b - '0');
        }
        return value;
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        // ustar splits long names into a prefix (at 345) and a name.
        if (header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a' && header[261] == 'r'
                && header[262] == 0) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        int limit = offset + length;
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** PAX records: {@code <length> <key>=<value>\n}. */
    private static java.util.List<String[]> pax(byte[] data) throws ArchiveException {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new ArchiveException("A PAX header is malformed");
            }
            if (length <= space - i || i + length > data.length) {
                throw new ArchiveException("A PAX header is malformed");
            }
            String record = new String(data, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                out.add(new String[] {record.substring(0, eq), record.substring(eq + 1)});
            }
            i += length;
        }
        return out;
    }

    private static long parseLong(String s) throws ArchiveException {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ArchiveException("A PAX header holds an invalid number: " + shorten(s));
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
