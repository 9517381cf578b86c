package dev.berth.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded build streams from a real engine (Docker 20.10), read back into step rows. */
class BuildProgressTest {

    private final List<BuildStep> updates = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private final List<String> outputSteps = new ArrayList<>();
    private final BuildListener listener = new BuildListener() {
        @Override
        public void step(BuildStep step) {
            updates.add(step);
        }

        @Override
        public void output(String stepKey, String line) {
            output.add(line);
            outputSteps.add(stepKey);
        }
    };

    @Test
    void classicBuildReadsStepsCacheHitsProducedImagesAndOutput() throws IOException {
        BuildProgress progress = replay("classic-partly-cached.jsonl");

        assertThat(progress.error()).isNull();
        assertThat(progress.imageId()).isEqualTo("sha256:2d81602aecaa99a19eac61b1e2da32f886318fb677863b487b74e839732d8b5d");
        List<BuildStep> steps = progress.steps();
        assertThat(steps).extracting(BuildStep::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(steps).extracting(BuildStep::total).containsOnly(7);
        assertThat(steps.get(0).instruction()).isEqualTo("FROM scratch");
        assertThat(steps.get(0).cacheable()).isFalse();
        assertThat(steps.subList(1, 6)).allMatch(BuildStep::cached).allMatch(BuildStep::cacheable);
        assertThat(steps.get(6).cached()).isFalse();
        assertThat(steps.get(6).instruction()).isEqualTo("RUN echo done");
        assertThat(steps.get(6).producedId()).isEqualTo("2d81602aecaa");
        assertThat(steps.get(1).producedId()).isEqualTo("c1db69489365");
        assertThat(steps).allMatch(s -> s.completed() != null && !s.failed());
        assertThat(output).contains("done", "Successfully built 2d81602aecaa", "Successfully tagged berth-rec:2")
                .noneMatch(line -> line.contains("--->") || line.startsWith("Removing intermediate"));
        assertThat(outputSteps.get(output.indexOf("done"))).isEqualTo(steps.get(6).key());
    }

    @Test
    void classicFailureMarksTheRunningStepAndKeepsUnterminatedOutputApart() throws IOException {
        BuildProgress progress = replay("classic-failed.jsonl");

        assertThat(progress.error()).isEqualTo("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
        assertThat(progress.imageId()).isNull();
        BuildStep last = progress.steps().get(progress.steps().size() - 1);
        assertThat(last.instruction()).isEqualTo("RUN exit 3");
        assertThat(last.failed()).isTrue();
        assertThat(progress.steps()).filteredOn(BuildStep::failed).hasSize(1);
        assertThat(progress.steps()).filteredOn(BuildStep::cacheable).noneMatch(BuildStep::cached);
        assertThat(output).contains("recorded first", "partial-line");
    }

    @Test
    void buildkitTraceGivesVertexesWithCacheFlagsTimesAndLogs() throws IOException {
        BuildProgress progress = replay("buildkit-cached.jsonl");

        assertThat(progress.error()).isNull();
        assertThat(progress.imageId()).startsWith("sha256:");
        List<BuildStep> numbered = progress.steps().stream().filter(BuildStep::isDockerfileStep).toList();
        assertThat(numbered).extracting(BuildStep::instruction).containsExactly(
                "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                "COPY first.txt /first.txt",
                "RUN cat /first.txt && echo partial-line | tr -d \"\\n\"",
                "COPY second.txt /second.txt",
                "RUN echo done");
        assertThat(numbered).extracting(BuildStep::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbered.subList(0, 5)).allMatch(BuildStep::cached);
        assertThat(numbered.get(5).cached()).isFalse();
        assertThat(numbered).allMatch(s -> s.started() != null && s.completed() != null);
        assertThat(numbered.get(5).duration(Instant.now())).isPositive().isLessThan(Duration.ofMinutes(1));
        assertThat(progress.steps()).anyMatch(s -> !s.isDockerfileStep() && s.instruction().equals("exporting to image"));
        assertThat(output).contains("done");
        assertThat(outputSteps.get(output.indexOf("done"))).isEqualTo(numbered.get(5).key());
    }

    @Test
    void buildkitFailureComesWithTheVertexError() throws IOException {
        BuildProgress progress = replay("buildkit-failed.jsonl");

        assertThat(progress.error()).isEqualTo("executor failed running [/bin/sh -c exit 3]: exit code: 3");
        BuildStep failed = progress.steps().stream().filter(BuildStep::failed).findFirst().orElseThrow();
        assertThat(failed.title()).isEqualTo("[6/6] RUN exit 3");
        assertThat(failed.error()).contains("exit code: 3");
        assertThat(output).contains("recorded first", "partial-line");
    }

    @Test
    void listenerSeesEachStepStartBeforeItFinishes() throws IOException {
        replay("buildkit-cached.jsonl");

        BuildStep firstSeen = updates.stream().filter(s -> s.instruction().equals("RUN echo done")).findFirst().orElseThrow();
        assertThat(firstSeen.completed()).isNull();
        assertThat(updates.get(updates.size() - 1).completed()).isNotNull();
    }

    @Test
    void stageNamesAndPaddedNumbersAreRead() {
        BuildStep step = BuildkitVertices.step(new BuildkitStatus.Vertex("sha256:x", List.of(),
                "[build  3/12] RUN make", false, null, null, null), null);

        assertThat(step.stage()).isEqualTo("build");
        assertThat(step.number()).isEqualTo(3);
        assertThat(step.total()).isEqualTo(12);
        assertThat(step.instruction()).isEqualTo("RUN make");
        assertThat(step.title()).isEqualTo("[build 3/12] RUN make");
        assertThat(BuildkitVertices.step(new BuildkitStatus.Vertex("sha256:y", List.of(), "[ 1/12] FROM docker.io/library/x",
                true, null, null, null), null)).satisfies(s -> {
                    assertThat(s.stage()).isNull();
                    assertThat(s.number()).isEqualTo(1);
                    assertThat(s.cacheable()).isFalse();
                });
    }

    @Test
    void anEmptyStreamIsAFailure() {
        BuildProgress progress = new BuildProgress(listener, Clock.systemUTC());
        progress.finish();

        assertThat(progress.error()).isEqualTo("The build ended without producing an image");
    }

    private BuildProgress replay(String resource) throws IOException {
        BuildProgress progress = new BuildProgress(listener, Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
        try (InputStream in = getClass().getResourceAsStream(resource);
             MappingIterator<JsonNode> messages = new ObjectMapper().readerFor(JsonNode.class).readValues(in)) {
            while (messages.hasNextValue()) {
                progress.accept(messages.nextValue());
            }
        }
        progress.finish();
        return progress;
    }
}
