package dev.berth.layers;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** What an archive member is, judged by its first bytes: names and media types are not trusted. */
enum BlobFormat {
    TAR, GZIP, ZSTD, JSON, OTHER_COMPRESSION, UNKNOWN;

    static BlobFormat sniff(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        if (length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h'
                || length >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
            return OTHER_COMPRESSION;
        }
        if (length >= 512 && (TarArchiveInputStream.matches(head, length) || allZero(head, 512)
                || checksumMatches(head))) {
            return TAR;
        }
        for (int i = 0; i < length; i++) {
            byte b = head[i];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[' ? JSON : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Old (v7) tar headers carry no magic; their header checksum still identifies them. */
    private static boolean checksumMatches(byte[] header) {
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                stored = stored * 8 + (b - '0');
                digits = true;
            } else if (digits || (b != ' ' && b != 0)) {
                break;
            }
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : (header[i] & 0xff);
        }
        return digits && stored == sum;
    }

    private static boolean allZero(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
