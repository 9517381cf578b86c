package dev.berth.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.build.BuildStep;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which layer each BuildKit build step made. BuildKit reports no layer per step, but the built
 * image's history records the final stage's steps in order: matching them by instruction from the
 * newest back finds each step's layer. Steps of earlier stages are not in the image and get none.
 */
public final class BuildLayers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildLayers() {
    }

    /**
     * The image step (with its layer) of each build step that made one, by build step key.
     *
     * @param steps the build's steps as the builder reported them
     * @param image the built image's steps, oldest first ({@link ImageSteps})
     */
    public static Map<String, ImageStep> match(List<BuildStep> steps, List<ImageStep> image) {
        String finalStage = finalStage(steps);
        List<BuildStep> ours = steps.stream()
                .filter(s -> s.isDockerfileStep() && Objects.equals(s.stage(), finalStage))
                .sorted(Comparator.comparingInt(BuildStep::number))
                .toList();
        Map<String, ImageStep> out = new HashMap<>();
        int next = image.size() - 1;
        for (int i = ours.size() - 1; i >= 0 && next >= 0; i--) {
            BuildStep step = ours.get(i);
            String wanted = normalized(step.keyword(), afterKeyword(step.instruction()));
            for (int j = next; j >= 0; j--) {
                Instruction recorded = image.get(j).instruction();
                if (normalized(recorded.keyword(), recorded.arguments()).equals(wanted)) {
                    if (!image.get(j).isEmpty()) {
                        out.put(step.key(), image.get(j));
                    }
                    next = j - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** The stage whose Dockerfile step finished last: the one the image is made of. */
    private static String finalStage(List<BuildStep> steps) {
        String stage = null;
        Instant last = null;
        for (BuildStep s : steps) {
            if (s.isDockerfileStep() && s.completed() != null && (last == null || !s.completed().isBefore(last))) {
                last = s.completed();
                stage = s.stage();
            }
        }
        return stage;
    }

    private static String afterKeyword(String instruction) {
        String text = instruction.strip();
        int space = text.indexOf(' ');
        return space < 0 ? "" : text.substring(space + 1);
    }

    /**
     * One spelling for an instruction: keyword in upper case, single spaces, and an exec-form
     * command ({@code ["a", "b"]}) as its words, the way BuildKit records it in the history.
     */
    private static String normalized(String keyword, String arguments) {
        String args = arguments.strip();
        if (args.startsWith("[") && args.endsWith("]")) {
            try {
                args = String.join(" ", JSON.readValue(args, String[].class));
            } catch (IOException e) {
                // Not a JSON array after all: compare it as written.
            }
        }
        return keyword.toUpperCase(Locale.ROOT) + " " + args.replaceAll("\\s+", " ");
    }
}
