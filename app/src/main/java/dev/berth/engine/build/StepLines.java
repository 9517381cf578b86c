package dev.berth.engine.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Dockerfile line of each step a builder reports. The classic builder numbers every
 * instruction in order; BuildKit numbers only the instructions that run, per stage, and may
 * expand variables in the text, so its steps are matched by text within their stage, then by
 * keyword in order.
 */
public final class StepLines {

    private static final Pattern UNNAMED_STAGE = Pattern.compile("^stage-(\\d+)$");

    private StepLines() {
    }

    /** Step key to 1-based line, for the steps that could be placed. */
    public static Map<String, Integer> locate(Dockerfile dockerfile, Builder builder, List<BuildStep> steps) {
        Map<String, Integer> lines = new HashMap<>();
        List<Dockerfile.Instruction> all = dockerfile.instructions();
        if (builder == Builder.CLASSIC) {
            for (BuildStep step : steps) {
                if (step.number() >= 1 && step.number() <= all.size()
                        && all.get(step.number() - 1).keyword().equals(step.keyword())) {
                    lines.put(step.key(), all.get(step.number() - 1).line());
                }
            }
            return lines;
        }
        Map<Integer, List<BuildStep>> byStage = new HashMap<>();
        for (BuildStep step : steps) {
            if (step.isDockerfileStep()) {
                byStage.computeIfAbsent(stageIndex(dockerfile, step.stage()), k -> new ArrayList<>()).add(step);
            }
        }
        byStage.forEach((stage, stageSteps) -> {
            List<Dockerfile.Instruction> candidates = all.stream().filter(i -> i.stage() == stage).toList();
            boolean[] used = new boolean[candidates.size()];
            stageSteps.sort(Comparator.comparingInt(BuildStep::number));
            int cursor = 0;
            for (BuildStep step : stageSteps) {
                int found = find(candidates, used, cursor, i -> normalize(i.text()).equals(normalize(step.instruction())));
                if (found < 0) {
                    found = find(candidates, used, cursor, i -> i.keyword().equals(step.keyword()));
                }
                if (found >= 0) {
                    used[found] = true;
                    cursor = found + 1;
                    lines.put(step.key(), candidates.get(found).line());
                }
            }
        });
        return lines;
    }

    private static int find(List<Dockerfile.Instruction> candidates, boolean[] used, int from,
                            java.util.function.Predicate<Dockerfile.Instruction> test) {
        for (int i = from; i < candidates.size(); i++) {
            if (!used[i] && test.test(candidates.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int stageIndex(Dockerfile dockerfile, String stage) {
        int last = dockerfile.stages().size() - 1;
        if (stage == null) {
            return last;
        }
        Matcher unnamed = UNNAMED_STAGE.matcher(stage);
        if (unnamed.matches()) {
            return Integer.parseInt(unnamed.group(1));
        }
        return dockerfile.stage(stage).map(Dockerfile.Stage::index).orElse(last);
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
