package dev.berth.app.containers;

import java.util.List;

/**
 * How a bulk action went, container by container.
 *
 * @param action   what was done
 * @param outcomes one per container, in the order they were chosen
 */
public record BulkReport(BulkAction action, List<Outcome> outcomes) {

    /**
     * @param name    the container's name
     * @param failure the engine's reason, or null when it worked
     */
    public record Outcome(String id, String name, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    public BulkReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }

    public long succeededCount() {
        return outcomes.stream().filter(Outcome::succeeded).count();
    }

    /** "Stopped 5 containers" or "Stopped 4 of 5 containers; 1 failed". */
    public String summary() {
        int total = outcomes.size();
        long ok = succeededCount();
        String noun = total == 1 ? " container" : " containers";
        if (ok == total) {
            return action.done() + " " + total + noun;
        }
        if (ok == 0) {
            return "Could not " + action.verb() + " " + (total == 1 ? "the container" : "any of the " + total + noun);
        }
        return action.done() + " " + ok + " of " + total + noun + "; " + (total - ok) + " failed";
    }
}
