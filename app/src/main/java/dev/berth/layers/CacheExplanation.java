package dev.berth.layers;

import dev.berth.engine.build.Dockerfile;
import java.util.List;

/**
 * Why a build missed the cache, for the first step that missed it, in plain words.
 *
 * @param step     the first step of the new image that did not come from the cache, or null
 * @param line     its Dockerfile line, when the Dockerfile is known
 * @param summary  one sentence
 * @param details  a few more lines (before/after texts, changed build args)
 * @param files    for COPY/ADD: the context files that differ from the previous image's layer
 */
public record CacheExplanation(Verdict verdict, ImageStep step, Dockerfile.Instruction line, String summary,
                               List<String> details, List<ContextFileChange> files) {

    public enum Verdict {
        ALL_CACHED, BASE_IMAGE_CHANGED, INSTRUCTION_CHANGED, BUILD_ARG_CHANGED, FILES_CHANGED, NEW_STEP,
        NOT_FROM_CACHE
    }

    /**
     * A context file that makes a COPY or ADD differ.
     *
     * @param contextPath  relative to the build context; for {@link Change#GONE}, the path the previous image held
     * @param imagePath    where the step puts it in the image
     */
    public record ContextFileChange(String contextPath, String imagePath, Change change, long sizeBefore,
                                    long sizeNow) {
    }

    public enum Change {
        CHANGED("content changed"), NEW("new"), GONE("no longer in the context"), MODE("permissions changed");

        private final String words;

        Change(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "Step 7 (line 5): RUN npm ci". */
    public String where() {
        if (step == null) {
            return "";
        }
        return "Step " + step.number() + (line == null ? "" : " (" + DockerfileSteps.where(line) + ")") + ": "
                + (line == null ? step.instruction().text() : line.text());
    }
}
