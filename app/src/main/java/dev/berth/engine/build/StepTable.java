package dev.berth.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The steps of one build in the order they appeared; every change is told to the listener. */
final class StepTable {

    private final Map<String, BuildStep> steps = new LinkedHashMap<>();
    private final BuildListener listener;

    StepTable(BuildListener listener) {
        this.listener = listener;
    }

    BuildStep get(String key) {
        return steps.get(key);
    }

    void put(BuildStep step) {
        BuildStep previous = steps.put(step.key(), step);
        if (!step.equals(previous)) {
            listener.step(step);
        }
    }

    void update(String key, UnaryOperator<BuildStep> change) {
        BuildStep step = steps.get(key);
        if (step != null) {
            put(change.apply(step));
        }
    }

    List<BuildStep> all() {
        return new ArrayList<>(steps.values());
    }

    /** The step that most recently started and has not finished, or null. */
    BuildStep lastRunning() {
        BuildStep found = null;
        for (BuildStep step : steps.values()) {
            if (step.isRunning()) {
                found = step;
            }
        }
        return found;
    }
}
