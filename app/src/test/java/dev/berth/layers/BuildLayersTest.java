package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.ImageHistoryEntry;
import dev.berth.engine.build.BuildStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BuildKit steps matched to the built image's history, as the engine records a BuildKit build. */
class BuildLayersTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static BuildStep step(String key, String stage, int number, int total, String instruction, int second) {
        return new BuildStep(key, stage, number, total, instruction, number > 1, false, T0.plusSeconds(second),
                T0.plusSeconds(second + 1), null, null);
    }

    private static ImageHistoryEntry history(String createdBy, long size) {
        return new ImageHistoryEntry("<missing>", T0, createdBy, size, "", List.of());
    }

    @Test
    void theFinalStagesStepsGetTheirLayersAndEarlierStagesAndMetadataStepsNone() {
        List<BuildStep> steps = List.of(
                step("b1", "builder", 1, 2, "FROM base AS builder", 0),
                step("b2", "builder", 2, 2, "RUN make app", 1),
                step("f1", "stage-1", 1, 4, "FROM base", 2),
                step("f2", "stage-1", 2, 4, "WORKDIR /app", 3),
                step("f3", "stage-1", 3, 4, "COPY --from=builder /out/app  /app/app", 4),
                step("f4", "stage-1", 4, 4, "RUN [\"/app/app\", \"--check\"]", 5));
        List<ImageStep> image = ImageSteps.fromHistory(List.of(
                history("/bin/sh -c #(nop) ADD file:abc in / ", 5_000),
                history("RUN /bin/sh -c make app # buildkit", 0),
                history("WORKDIR /app", 0),
                history("COPY /out/app /app/app # buildkit", 2_000),
                history("RUN /app/app --check # buildkit", 300)),
                List.of("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64), "sha256:" + "c".repeat(64)));

        Map<String, ImageStep> layers = BuildLayers.match(steps, image);

        assertThat(layers.get("f4").diffId()).isEqualTo("sha256:" + "c".repeat(64));
        // COPY --from is recorded without its flag: the step has no match and no layer is guessed.
        assertThat(layers).doesNotContainKeys("f3", "f1", "b1", "b2");
        // WORKDIR matched a step without a layer.
        assertThat(layers).doesNotContainKey("f2");
    }

    @Test
    void shellAndExecFormsAndSpacingMatchAsTheHistoryRecordsThem() {
        List<BuildStep> steps = List.of(
                step("1", "", 1, 3, "FROM scratch", 0),
                step("2", "", 2, 3, "copy  busybox /bin/busybox", 1),
                step("3", "", 3, 3, "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]", 2));
        List<ImageStep> image = ImageSteps.fromHistory(List.of(
                history("COPY busybox /bin/busybox # buildkit", 1_000_000),
                history("RUN /bin/busybox --install -s /bin # buildkit", 4_000)),
                List.of("sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64)));

        Map<String, ImageStep> layers = BuildLayers.match(steps, image);

        assertThat(layers.get("2").diffId()).isEqualTo("sha256:" + "1".repeat(64));
        assertThat(layers.get("3").diffId()).isEqualTo("sha256:" + "2".repeat(64));
        assertThat(layers.get("3").size()).isEqualTo(4_000);
    }
}
