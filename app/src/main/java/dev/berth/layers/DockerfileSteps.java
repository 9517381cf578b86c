package dev.berth.layers;

import dev.berth.engine.build.Dockerfile;
import java.util.Arrays;
import java.util.List;

/** Which Dockerfile line made which step of an image, and how to name a line to a person. */
public final class DockerfileSteps {

    private DockerfileSteps() {
    }

    /** Instructions of the last stage, FROM included: the stage the image is built from. */
    public static List<Dockerfile.Instruction> finalStage(Dockerfile dockerfile) {
        List<Dockerfile.Instruction> all = dockerfile.instructions();
        if (all.isEmpty()) {
            return List.of();
        }
        int last = all.get(all.size() - 1).stage();
        return all.stream().filter(l -> l.stage() == last).toList();
    }

    /**
     * Which final-stage instruction made each step, matched from the top of the image down by
     * keyword: a builder may add steps of its own (the classic builder's LABEL for build labels)
     * and leave some out (BuildKit records no ARG). One element per step: the instruction, or
     * null for steps of the base image.
     */
    public static List<Dockerfile.Instruction> linesOf(Dockerfile dockerfile, List<ImageStep> steps) {
        List<Dockerfile.Instruction> own = finalStage(dockerfile).stream()
                .filter(l -> !l.keyword().equals("FROM")).toList();
        Dockerfile.Instruction[] matched = new Dockerfile.Instruction[steps.size()];
        int s = steps.size() - 1;
        int d = own.size() - 1;
        while (s >= 0 && d >= 0) {
            Dockerfile.Instruction line = own.get(d);
            String keyword = steps.get(s).instruction().keyword();
            if (keyword.equals(line.keyword())) {
                matched[s--] = line;
                d--;
            } else if (keyword.equals("LABEL")) {
                s--;
            } else {
                d--;
            }
        }
        return Arrays.asList(matched);
    }

    /** "line 7" or "lines 7–9". */
    public static String where(Dockerfile.Instruction line) {
        return line.line() == line.endLine() ? "line " + line.line() : "lines " + line.line() + "–" + line.endLine();
    }
}
