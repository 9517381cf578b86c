package dev.berth.compose;

import dev.berth.compose.YamlNodes.Entry;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.MountSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one service's {@code volumes:} items, short and long forms, into mounts. */
final class VolumeReader {

    private static final Set<String> MODES_NOT_APPLIED = Set.of("z", "Z", "cached", "delegated", "consistent",
            "nocopy", "shared", "rshared", "slave", "rslave", "private", "rprivate");
    private static final Set<String> LONG_VOLUME_KEYS = Set.of("type", "source", "target", "read_only", "tmpfs");

    private final YamlNodes nodes;
    private final Path directory;
    private final Set<String> declaredVolumes;
    private final List<MountSpec> mounts = new ArrayList<>();

    VolumeReader(YamlNodes nodes, Path directory, Set<String> declaredVolumes) {
        this.nodes = nodes;
        this.directory = directory;
        this.declaredVolumes = declaredVolumes;
    }

    List<MountSpec> mounts() {
        return mounts;
    }

    /** Relative to the file's directory, {@code ~} for the user's home, as compose resolves host paths. */
    static Path hostPath(Path directory, String written) {
        if (written.equals("~") || written.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), written.substring(1).replaceFirst("^/", "")).normalize();
        }
        return directory.resolve(written).normalize();
    }

    /** {@code [source:]target[:mode]} or the long form; named volumes must be declared at the top. */
    void read(Node item, String at) {
        if (item instanceof MappingNode) {
            longVolume(item, at);
            return;
        }
        String text = nodes.text(item, at);
        if (text == null) {
            return;
        }
        // A Windows drive's ':' is not a separator.
        int drive = text.matches("[A-Za-z]:[\\\\/].*") ? 2 : 0;
        String[] parts = text.substring(drive).split(":", -1);
        parts[0] = text.substring(0, drive) + parts[0];
        if (parts.length > 3 || parts[0].isEmpty() && parts.length > 1) {
            nodes.problem(item, at, "write a volume as source:target or source:target:ro");
            return;
        }
        boolean readOnly = false;
        for (String mode : parts.length == 3 ? parts[2].split(",") : new String[0]) {
            if (mode.equals("ro") || mode.equals("rw")) {
                readOnly |= mode.equals("ro");
            } else if (MODES_NOT_APPLIED.contains(mode)) {
                nodes.warning(item, at, "volume mode " + mode + " is not applied by Berth");
            } else {
                nodes.problem(item, at, "unknown volume mode '" + mode + "': use ro or rw");
                return;
            }
        }
        String source = parts.length == 1 ? "" : parts[0];
        boolean bind = drive > 0 || source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        String target = parts[parts.length == 1 ? 0 : 1];
        if (containerPath(target, item, at)) {
            mount(bind ? "bind" : "volume", source, target, readOnly, 0, item, at);
        }
    }

    private void longVolume(Node item, String at) {
        Map<String, Node> field = new HashMap<>();
        for (Entry e : nodes.entries(item, at)) {
            if (LONG_VOLUME_KEYS.contains(e.key())) {
                field.put(e.key(), e.value());
            } else {
                nodes.otherKey(e, at, LONG_VOLUME_KEYS, Set.of("bind", "volume", "consistency", "image"), "");
            }
        }
        String type = nodes.text(field.get("type"), at + ".type");
        String source = nodes.text(field.get("source"), at + ".source");
        String target = nodes.text(field.get("target"), at + ".target");
        Boolean readOnly = field.containsKey("read_only") ? nodes.bool(field.get("read_only"), at + ".read_only") : false;
        long size = 0;
        for (Entry e : nodes.entries(field.get("tmpfs"), at + ".tmpfs")) {
            if (e.key().equals("size")) {
                String text = nodes.checked(e.value(), at + ".tmpfs.size", ContainerRules::size);
                size = text == null ? 0 : ContainerRules.sizeBytes(text);
            } else {
                nodes.otherKey(e, at + ".tmpfs", Set.of("size"), Set.of("mode"), "tmpfs ");
            }
        }
        if (type == null || !Set.of("volume", "bind", "tmpfs").contains(type)) {
            // Null with a value written means that value was already reported.
            if (type != null || YamlNodes.isNull(field.get("type"))) {
                nodes.problem(field.getOrDefault("type", item), at + (field.containsKey("type") ? ".type" : ""),
                        (type == null ? "type is missing" : "'" + type + "' is not a type Berth mounts")
                                + ": use volume, bind or tmpfs");
            }
        } else if (readOnly != null && containerPath(target, field.getOrDefault("target", item), at + ".target")) {
            mount(type, source == null ? "" : source, target, readOnly, size,
                    field.getOrDefault("source", item), at + (field.containsKey("source") ? ".source" : ""));
        }
    }

    private boolean containerPath(String target, Node node, String at) {
        Optional<String> wrong = ContainerRules.containerPath(target);
        wrong.ifPresent(m -> nodes.problem(node, at, m));
        return wrong.isEmpty();
    }

    /** Adds the mount; a named volume must be declared under the top-level volumes. */
    private void mount(String type, String source, String target, boolean readOnly, long size, Node at, String path) {
        MountSpec mount;
        if (type.equals("tmpfs")) {
            mount = MountSpec.tmpfs(target, size);
        } else if (type.equals("bind") && source.isEmpty()) {
            nodes.problem(at, path, "a bind mount needs a source: the host path to mount");
            return;
        } else if (type.equals("bind")) {
            mount = MountSpec.bind(hostPath(directory, source).toString(), target);
        } else if (!source.isEmpty() && !declaredVolumes.contains(source)) {
            nodes.problem(at, path, "volume '" + source + "' is not declared under the top-level volumes:");
            return;
        } else {
            mount = MountSpec.volume(source, target);
        }
        mounts.add(readOnly ? mount.asReadOnly() : mount);
    }
}
