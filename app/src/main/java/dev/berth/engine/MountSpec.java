package dev.berth.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One mount of a container, in the {@code --mount} model.
 *
 * @param kind          volume, bind or tmpfs
 * @param source        volume name (empty for an anonymous volume) or absolute host path; empty for tmpfs
 * @param target        absolute path inside the container
 * @param readOnly      mounted read-only
 * @param tmpfsSizeBytes size limit of a tmpfs, 0 for the engine's default
 */
public record MountSpec(Kind kind, String source, String target, boolean readOnly, long tmpfsSizeBytes) {

    /** The three kinds of mount. */
    public enum Kind {
        VOLUME, BIND, TMPFS;

        /** The word {@code --mount type=} uses. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MountSpec {
        Objects.requireNonNull(kind, "kind");
        source = source == null ? "" : source;
        target = target == null ? "" : target;
    }

    public static MountSpec volume(String name, String target) {
        return new MountSpec(Kind.VOLUME, name, target, false, 0);
    }

    public static MountSpec bind(String hostPath, String target) {
        return new MountSpec(Kind.BIND, hostPath, target, false, 0);
    }

    public static MountSpec tmpfs(String target, long sizeBytes) {
        return new MountSpec(Kind.TMPFS, "", target, false, sizeBytes);
    }

    public MountSpec asReadOnly() {
        return new MountSpec(kind, source, target, true, tmpfsSizeBytes);
    }

    /** The value of a CLI {@code --mount} flag, e.g. {@code type=bind,source=/srv,target=/data,readonly}. */
    public String cliValue() {
        List<String> fields = new ArrayList<>();
        fields.add("type=" + kind.word());
        if (kind != Kind.TMPFS && !source.isEmpty()) {
            fields.add(csv("source=" + source));
        }
        fields.add(csv("target=" + target));
        if (readOnly) {
            fields.add("readonly");
        }
        if (kind == Kind.TMPFS && tmpfsSizeBytes > 0) {
            fields.add("tmpfs-size=" + tmpfsSizeBytes);
        }
        return String.join(",", fields);
    }

    /** The CLI reads {@code --mount} as one CSV record: quote fields holding a comma or quote. */
    private static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
