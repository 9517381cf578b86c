package dev.berth.layers;

/** Path rules of layer tars: normalising names and spotting whiteouts and escapes. */
final class LayerPaths {

    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";

    private LayerPaths() {
    }

    /**
     * {@code ./usr//bin/} → {@code usr/bin}; the root is "". Returns null when a {@code ..}
     * component appears: such an entry would leave the image root, and no builder writes one.
     */
    static String normalize(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        int n = raw.length();
        while (i < n) {
            int slash = raw.indexOf('/', i);
            int end = slash < 0 ? n : slash;
            int len = end - i;
            if (len == 2 && raw.charAt(i) == '.' && raw.charAt(i + 1) == '.') {
                return null;
            }
            if (len > 0 && !(len == 1 && raw.charAt(i) == '.')) {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(raw, i, end);
            }
            i = end + 1;
        }
        return out.toString();
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** True when a symlink at {@code path} pointing to a relative {@code target} climbs above the root. */
    static boolean symlinkEscapes(String path, String target) {
        if (target.startsWith("/")) {
            return false;
        }
        int depth = parent(path).isEmpty() ? 0 : parent(path).split("/").length;
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }
}
