package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Volume operations of the {@link Engine} facade. Plain Engine API requests: docker-java's volume
 * model has no creation time or scope.
 */
public final class VolumeApi {

    private final Engine engine;

    VolumeApi(Engine engine) {
        this.engine = engine;
    }

    /** Every volume, each with the names of the containers that mount it. */
    public List<VolumeSummary> list() {
        Map<String, List<String>> usedBy = usage();
        JsonNode root = engine.http(http -> http.getTree("/volumes"));
        List<VolumeSummary> out = new ArrayList<>();
        for (JsonNode v : root.path("Volumes")) {
            out.add(summary(v, usedBy.getOrDefault(v.path("Name").asText(), List.of())));
        }
        return out;
    }

    /** The engine's inspect document of one volume, as JSON text. */
    public String inspect(String name) {
        return engine.http(http -> http.getTree("/volumes/" + name)).toPrettyString();
    }

    /**
     * How much each volume holds on disk, by name (from the engine's disk usage report, which
     * walks every volume: it can take a while). A volume whose size the engine cannot tell is left out.
     */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new HashMap<>();
        for (JsonNode v : engine.http(http -> http.getTree("/system/df")).path("Volumes")) {
            long size = v.path("UsageData").path("Size").asLong(-1);
            if (size >= 0) {
                sizes.put(v.path("Name").asText(), size);
            }
        }
        return sizes;
    }

    /** Creates a volume; a blank name lets the engine pick one. Returns its name. */
    public String create(String name, String driver, Map<String, String> labels, Map<String, String> driverOptions) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            body.put("Name", name.strip());
        }
        body.put("Driver", driver == null || driver.isBlank() ? "local" : driver.strip());
        body.put("Labels", labels);
        body.put("DriverOpts", driverOptions);
        return engine.http(http -> http.postJson("/volumes/create", null, body)).path("Name").asText();
    }

    /** Removes a volume; the engine refuses while a container mounts it. */
    public void remove(String name) {
        engine.run(c -> c.removeVolumeCmd(name).exec());
    }

    /**
     * What a prune would remove: every local volume no container mounts that carries all of
     * {@code labels} (none: every unused one), named volumes included, as {@code docker volume
     * prune} on Docker 20.10 does. The engine does not prune volumes of other drivers.
     */
    public List<VolumeSummary> unused(Map<String, String> labels) {
        return list().stream().filter(v -> !v.isInUse() && "local".equals(v.driver())
                && v.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /**
     * What a prune did, as the engine reports it.
     *
     * @param deleted the volumes removed
     * @param bytes   the space freed
     */
    public record Pruned(List<String> deleted, long bytes) {
    }

    /** Prunes as {@link #unused} describes. */
    public Pruned prune(Map<String, String> labels) {
        EngineHttp.Query query = EngineHttp.filters(labels, engine.apiAtLeast(1, 42) ? Map.of("all", "true") : Map.of());
        JsonNode answer = engine.http(http -> EngineHttp.tree(http.post("/volumes/prune", query, Map.of(), null)));
        List<String> deleted = new ArrayList<>();
        answer.path("VolumesDeleted").forEach(name -> deleted.add(name.asText()));
        return new Pruned(deleted, answer.path("SpaceReclaimed").asLong(0));
    }

    /** Volume name → names of the containers mounting it, sorted. */
    private Map<String, List<String>> usage() {
        List<Container> containers = engine.call(c -> c.listContainersCmd().withShowAll(true).exec());
        Map<String, TreeSet<String>> names = new HashMap<>();
        for (Container c : containers) {
            if (c.getMounts() == null) {
                continue;
            }
            String container = ContainerApi.summary(c).name();
            for (ContainerMount m : c.getMounts()) {
                if (m.getName() != null && !m.getName().isEmpty()) {
                    names.computeIfAbsent(m.getName(), k -> new TreeSet<>()).add(container);
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        names.forEach((volume, set) -> out.put(volume, List.copyOf(set)));
        return out;
    }

    static VolumeSummary summary(JsonNode v, List<String> usedBy) {
        return new VolumeSummary(v.path("Name").asText(), v.path("Driver").asText("local"),
                v.path("Mountpoint").asText(""), v.path("Scope").asText("local"),
                ContainerDetails.instant(v.path("CreatedAt").asText(null)), strings(v.path("Labels")),
                strings(v.path("Options")), usedBy);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
