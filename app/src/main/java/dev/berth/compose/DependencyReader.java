package dev.berth.compose;

import dev.berth.compose.YamlNodes.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads each service's {@code depends_on} and finds the cycles among them. */
final class DependencyReader {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    /** A {@code depends_on} entry, kept with its node to point at a cycle. */
    record Dependency(String service, Node node, String path, ComposeService.Condition condition) {
    }

    private final YamlNodes nodes;

    DependencyReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    /** A list of services, or a mapping of service to {@code {condition, restart, required}}. */
    List<Dependency> read(String self, Node value, String at, Set<String> services) {
        List<Dependency> out = new ArrayList<>();
        if (!(value instanceof MappingNode)) {
            nodes.eachItem(value, at, (item, itemAt) -> dependency(self, nodes.text(item, itemAt), item, itemAt,
                    services, true, null, out));
            return out;
        }
        for (Entry e : nodes.entries(value, at)) {
            String entryAt = at + "." + e.key();
            boolean required = true;
            ComposeService.Condition condition = null;
            for (Entry option : nodes.entries(e.value(), entryAt)) {
                switch (option.key()) {
                    case "condition" -> condition = condition(option.value(), entryAt + ".condition");
                    case "required" -> required = !Boolean.FALSE.equals(nodes.bool(option.value(), entryAt + ".required"));
                    case "restart" -> { } // only matters to compose's own restart command
                    default -> nodes.unknownKey(option, entryAt, List.of("condition", "restart", "required"));
                }
            }
            dependency(self, e.key(), e.keyNode(), entryAt, services, required, condition, out);
        }
        return out;
    }

    /** What to wait for; null for {@code service_started}, which needs nothing beyond the start order. */
    private ComposeService.Condition condition(Node value, String at) {
        String condition = nodes.text(value, at);
        if (condition != null && !CONDITIONS.contains(condition)) {
            nodes.problem(value, at, "condition is service_started, service_healthy or service_completed_successfully");
        }
        return "service_healthy".equals(condition) ? ComposeService.Condition.HEALTHY
                : "service_completed_successfully".equals(condition) ? ComposeService.Condition.COMPLETED : null;
    }

    private void dependency(String self, String other, Node node, String at, Set<String> services, boolean required,
                            ComposeService.Condition condition, List<Dependency> into) {
        if (other == null) {
            return;
        }
        if (other.equals(self)) {
            nodes.problem(node, at, "service '" + self + "' depends on itself");
        } else if (services.contains(other)) {
            into.add(new Dependency(other, node, at, condition));
        } else if (required) {
            nodes.problem(node, at, "service '" + other + "' is not defined in this file");
        }
    }

    /** Each cycle is reported once, at the entry that closes it. */
    void reportCycles(Map<String, List<Dependency>> graph) {
        // false while the service is on the path being followed, true once all it needs was seen.
        Map<String, Boolean> finished = new HashMap<>();
        for (String service : graph.keySet()) {
            visit(service, graph, finished, new ArrayList<>());
        }
    }

    private void visit(String service, Map<String, List<Dependency>> graph, Map<String, Boolean> finished,
                       List<String> trail) {
        if (finished.containsKey(service)) {
            return;
        }
        finished.put(service, false);
        trail.add(service);
        for (Dependency d : graph.getOrDefault(service, List.of())) {
            if (Boolean.FALSE.equals(finished.get(d.service()))) {
                List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(d.service()), trail.size()));
                cycle.add(d.service());
                nodes.problem(d.node(), d.path(), "dependency cycle: " + String.join(" -> ", cycle));
            } else {
                visit(d.service(), graph, finished, trail);
            }
        }
        trail.remove(trail.size() - 1);
        finished.put(service, true);
    }
}
