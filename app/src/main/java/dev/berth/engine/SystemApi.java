package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** The engine as a whole: its description, its disk use, and cleaning up what is unused. */
public final class SystemApi {

    public static final String IMAGES = "Images";
    public static final String CONTAINERS = "Containers";
    public static final String VOLUMES = "Local volumes";
    public static final String BUILD_CACHE = "Build cache";

    private final Engine engine;

    SystemApi(Engine engine) {
        this.engine = engine;
    }

    public EngineDetails details() {
        JsonNode i = engine.http(http -> http.getTree("/info"));
        return new EngineDetails(i.path("Name").asText(""), i.path("ServerVersion").asText(""),
                i.path("OperatingSystem").asText(""), i.path("KernelVersion").asText(""),
                i.path("Architecture").asText(""), i.path("NCPU").asInt(), i.path("MemTotal").asLong(),
                i.path("Driver").asText(""), i.path("LoggingDriver").asText(""), i.path("CgroupDriver").asText(""),
                i.path("CgroupVersion").asText(""), i.path("DockerRootDir").asText(""), i.path("Containers").asInt(),
                i.path("ContainersRunning").asInt(), i.path("Images").asInt());
    }

    /**
     * Disk use as {@code docker system df} reckons it. The engine walks every container's
     * writable layer and every volume for this: it can take a while on a busy engine.
     */
    public DiskUsage diskUsage() {
        JsonNode df = engine.http(http -> http.getTree("/system/df"));
        List<DiskUsage.Kind> kinds = new ArrayList<>();

        // Images: all layers once; in use is what images with containers hold beyond shared layers.
        int images = 0;
        int imagesActive = 0;
        long imagesUsed = 0;
        for (JsonNode image : df.path("Images")) {
            images++;
            if (image.path("Containers").asInt() > 0) {
                imagesActive++;
                long size = image.path("Size").asLong(-1);
                long shared = image.path("SharedSize").asLong(-1);
                if (size >= 0 && shared >= 0) {
                    imagesUsed += size - shared;
                }
            }
        }
        long layers = df.path("LayersSize").asLong();
        kinds.add(new DiskUsage.Kind(IMAGES, images, imagesActive, layers, Math.max(0, layers - imagesUsed)));

        kinds.add(tally(CONTAINERS, df.path("Containers"), c -> "running".equals(c.path("State").asText()),
                c -> c.path("SizeRw").asLong()));
        kinds.add(tally(VOLUMES, df.path("Volumes"), v -> v.path("UsageData").path("RefCount").asInt() > 0,
                v -> v.path("UsageData").path("Size").asLong()));
        // Shared cache records are counted but not sized: their bytes belong to another record.
        kinds.add(tally(BUILD_CACHE, df.path("BuildCache"), b -> b.path("InUse").asBoolean(),
                b -> b.path("Shared").asBoolean() ? 0 : b.path("Size").asLong()));
        return new DiskUsage(kinds);
    }

    /** Counts the entries and those in use, and sums their bytes and those of the entries not in use. */
    private static DiskUsage.Kind tally(String kind, JsonNode entries, Predicate<JsonNode> inUse,
                                        ToLongFunction<JsonNode> bytes) {
        int all = 0;
        int used = 0;
        long total = 0;
        long reclaimable = 0;
        for (JsonNode entry : entries) {
            all++;
            long size = Math.max(0, bytes.applyAsLong(entry));
            total += size;
            if (inUse.test(entry)) {
                used++;
            } else {
                reclaimable += size;
            }
        }
        return new DiskUsage.Kind(kind, all, used, total, reclaimable);
    }

    /** Removes stopped containers carrying all {@code labels} (none: every stopped one); returns bytes freed. */
    public long pruneContainers(Map<String, String> labels) {
        return engine.http(http -> EngineHttp.tree(http.post("/containers/prune", EngineHttp.filters(labels, Map.of()), Map.of(), null)))
                .path("SpaceReclaimed").asLong();
    }

    /** Removes all the build cache no build uses (what the disk use counts as reclaimable); returns bytes freed. */
    public long pruneBuildCache() {
        return engine.http(http -> EngineHttp.tree(http.post("/build/prune", new EngineHttp.Query().add("all", "1"),
                Map.of(), null))).path("SpaceReclaimed").asLong();
    }
}
