package dev.berth.compose;

import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose stack the engine has containers of, whoever started it.
 *
 * @param project    the project name
 * @param configFile the compose file its containers name, or null when they name none
 * @param containers its containers, ordered by service
 */
public record StackSummary(String project, Path configFile, List<ContainerSummary> containers) {

    public StackSummary {
        containers = List.copyOf(containers);
    }

    public long running() {
        return containers.stream().filter(c -> c.state() == ContainerState.RUNNING).count();
    }

    /** Groups containers by their project label, projects sorted by name. */
    public static List<StackSummary> of(List<ContainerSummary> containers) {
        Map<String, List<ContainerSummary>> byProject = new LinkedHashMap<>();
        containers.stream().filter(c -> c.composeProject() != null)
                .sorted(Comparator.comparing((ContainerSummary c) -> c.labels().getOrDefault(ComposeLabels.SERVICE, ""))
                        .thenComparing(ContainerSummary::name))
                .forEach(c -> byProject.computeIfAbsent(c.composeProject(), k -> new ArrayList<>()).add(c));
        return byProject.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new StackSummary(e.getKey(), configFile(e.getValue()), e.getValue())).toList();
    }

    /** The CLI joins several files with commas; the first is the one to open. */
    private static Path configFile(List<ContainerSummary> containers) {
        return containers.stream().map(c -> c.labels().get(ComposeLabels.CONFIG_FILES))
                .filter(f -> f != null && !f.isBlank()).findFirst()
                .map(f -> Path.of(f.split(",")[0].strip())).orElse(null);
    }
}
