package dev.berth.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One volume as {@code docker volume ls} knows it, with the containers that mount it.
 *
 * @param created    when the engine created it, or null when it does not say
 * @param usedBy     names of the containers (running or not) that mount it
 */
public record VolumeSummary(String name, String driver, String mountpoint, String scope, Instant created,
                            Map<String, String> labels, Map<String, String> options, List<String> usedBy) {

    /** The engine names an anonymous volume with 64 hex digits. */
    private static final Pattern ANONYMOUS = Pattern.compile("[0-9a-f]{64}");

    public VolumeSummary {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        usedBy = List.copyOf(usedBy);
    }

    public boolean isAnonymous() {
        return isAnonymousName(name);
    }

    /** True for a name the engine gave a volume nobody named. */
    public static boolean isAnonymousName(String volumeName) {
        return volumeName != null && ANONYMOUS.matcher(volumeName).matches();
    }

    public boolean isInUse() {
        return !usedBy.isEmpty();
    }

    /** The compose project that made it, or null. */
    public String composeProject() {
        return labels.get(ContainerSummary.COMPOSE_PROJECT_LABEL);
    }
}
