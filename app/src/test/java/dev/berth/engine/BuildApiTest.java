package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.build.BuildListener;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.BuildStep;
import dev.berth.engine.build.Builder;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Builds on the real engine with both builders, reading each step's cache use from the stream. */
class BuildApiTest {

    private static Engine engine;
    private final List<Path> contexts = new ArrayList<>();

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterEach
    void deleteContexts() {
        contexts.forEach(BuildContexts::delete);
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeImages(engine);
    }

    @Test
    void thisEngineOffersBuildKit() {
        assertThat(engine.builds().supportsBuildKit()).isTrue();
        assertThat(engine.builds().preferredBuilder()).isEqualTo(Builder.BUILDKIT);
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void buildingTwiceServesEveryStepFromTheCacheTheSecondTime(Builder builder) {
        Path dir = context("twice-" + builder);
        BuildRequest request = request(dir, builder, "twice");

        BuildResult first = engine.builds().build(request);
        BuildResult second = engine.builds().build(request);

        assertThat(first.succeeded()).as(String.valueOf(first.error())).isTrue();
        assertThat(instructions(first)).containsSubsequence("COPY busybox /bin/busybox", "COPY first.txt /first.txt",
                "RUN cat /first.txt > /seen-first", "COPY second.txt /second.txt");
        assertThat(cacheable(first)).filteredOn(s -> s.instruction().contains("first.txt"))
                .hasSize(2).noneMatch(BuildStep::cached);
        assertThat(first.steps()).allSatisfy(s -> {
            assertThat(s.completed()).isNotNull();
            assertThat(s.failed()).isFalse();
        });

        assertThat(second.succeeded()).isTrue();
        assertThat(second.imageId()).isEqualTo(first.imageId());
        assertThat(cacheable(second)).hasSizeGreaterThanOrEqualTo(6).allMatch(BuildStep::cached);
        assertThat(engine.images().exists(tag(builder, "twice"))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void changingOneCopiedFileRebuildsExactlyTheStepsFromThatCopyOn(Builder builder) {
        Path dir = context("change-" + builder);
        BuildRequest request = request(dir, builder, "change");
        assertThat(engine.builds().build(request).succeeded()).isTrue();

        BuildContexts.write(dir, "second.txt", "changed " + TestResources.RUN_ID + "\n");
        List<String> output = new CopyOnWriteArrayList<>();
        BuildResult rebuilt = engine.builds().build(request, new BuildListener() {
            @Override
            public void output(String stepKey, String line) {
                output.add(line);
            }
        }, new Cancellation());

        assertThat(rebuilt.succeeded()).as(String.valueOf(rebuilt.error())).isTrue();
        List<BuildStep> steps = cacheable(rebuilt);
        int copy = indexOf(steps, "COPY second.txt /second.txt");
        assertThat(copy).isPositive();
        assertThat(steps.subList(0, copy)).extracting(BuildStep::instruction)
                .contains("COPY busybox /bin/busybox", "COPY first.txt /first.txt", "RUN cat /first.txt > /seen-first");
        assertThat(steps.subList(0, copy)).allMatch(BuildStep::cached);
        assertThat(steps.subList(copy, steps.size())).extracting(BuildStep::instruction)
                .contains("COPY second.txt /second.txt", "RUN cat /second.txt && cat /second.txt > /seen-second");
        assertThat(steps.subList(copy, steps.size())).noneMatch(BuildStep::cached);
        assertThat(output).contains("changed " + TestResources.RUN_ID);
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void aFailingStepCarriesTheBuildersErrorAndNothingIsTagged(Builder builder) {
        Path dir = context("fail-" + builder);
        BuildContexts.write(dir, "Dockerfile", String.join("\n", BuildContexts.DOCKERFILE.subList(0, 3))
                + "\nRUN echo about to fail " + TestResources.RUN_ID + " && exit 3\nRUN echo never\n");

        BuildResult result = engine.builds().build(request(dir, builder, "fail"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.imageId()).isNull();
        assertThat(result.error()).contains("3");
        assertThat(result.failedStep()).get().satisfies(step -> {
            assertThat(step.instruction()).isEqualTo("RUN echo about to fail " + TestResources.RUN_ID + " && exit 3");
            assertThat(step.error()).isNotBlank();
        });
        // BuildKit lists the whole graph up front; the step after the failure never starts.
        assertThat(result.steps()).filteredOn(s -> s.instruction().contains("never")).allMatch(s -> s.started() == null);
        assertThat(engine.images().exists(tag(builder, "fail"))).isFalse();
        // Only this run's failing step: other runs on the same engine may be building the same thing.
        assertThat(engine.containers().list()).noneMatch(c -> c.command() != null
                && c.command().contains("about to fail " + TestResources.RUN_ID));
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void argsTargetDockerfilePathAndDockerignoreAreHonoured(Builder builder) throws Exception {
        Path dir = context("options-" + builder);
        Files.writeString(dir.resolve(".dockerignore"), "secret*\n!secret-but-wanted.txt\n");
        Files.writeString(dir.resolve("secret.txt"), "do not send");
        Files.writeString(dir.resolve("secret-but-wanted.txt"), "send me");
        Path dockerfile = Files.createTempFile("berth-other", ".Dockerfile");
        Files.writeString(dockerfile, String.join("\n",
                "FROM scratch AS base",
                "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
                "FROM base AS check",
                "ARG GREETING=unset",
                "COPY . /ctx/",
                "RUN test ! -e /ctx/secret.txt && test -e /ctx/secret-but-wanted.txt && echo \"greeting=$GREETING\"",
                "FROM check AS never",
                "RUN exit 1", ""));
        try {
            List<String> output = new CopyOnWriteArrayList<>();
            BuildResult result = engine.builds().build(request(dir, builder, "options")
                            .withDockerfile(dockerfile).withTarget("check").withNoCache(true)
                            .withBuildArgs(Map.of("GREETING", "hello-" + TestResources.RUN_ID)),
                    new BuildListener() {
                        @Override
                        public void output(String stepKey, String line) {
                            output.add(line);
                        }
                    }, new Cancellation());

            assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
            assertThat(output).anyMatch(line -> line.contains("greeting=hello-" + TestResources.RUN_ID));
            assertThat(result.steps()).noneMatch(s -> s.instruction().equals("RUN exit 1"));
            assertThat(cacheable(result)).noneMatch(BuildStep::cached);
        } finally {
            Files.delete(dockerfile);
        }
    }

    @Test
    void aMissingDockerfileIsRefusedBeforeAnythingIsSent() {
        Path dir = context("missing");
        BuildRequest request = request(dir, Builder.BUILDKIT, "missing").withDockerfile(dir.resolve("Nope.Dockerfile"));

        assertThatThrownBy(() -> engine.builds().build(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot locate specified Dockerfile").hasMessageContaining("Nope.Dockerfile");
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void cancellingStopsAStepThatWouldRunForAMinute(Builder builder) {
        Path dir = context("cancel-" + builder);
        BuildContexts.write(dir, "Dockerfile", String.join("\n", BuildContexts.DOCKERFILE.subList(0, 3))
                + "\nRUN echo started-" + TestResources.RUN_ID + " && sleep 60\n");
        Cancellation cancellation = new Cancellation();
        long start = System.nanoTime();

        assertThatThrownBy(() -> engine.builds().build(request(dir, builder, "cancel"), new BuildListener() {
            @Override
            public void output(String stepKey, String line) {
                if (line.contains("started-" + TestResources.RUN_ID)) {
                    cancellation.cancel();
                }
            }
        }, cancellation)).isInstanceOf(CancellationException.class);

        assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(30);
        assertThat(engine.state().isConnected()).isTrue();
    }

    private Path context(String salt) {
        Path dir = BuildContexts.twoFiles(salt);
        contexts.add(dir);
        return dir;
    }

    private static BuildRequest request(Path dir, Builder builder, String name) {
        return BuildRequest.of(dir, builder).withTags(tag(builder, name))
                .withLabel(TestResources.LABEL, TestResources.RUN_ID);
    }

    private static String tag(Builder builder, String name) {
        return TestResources.name("build-" + name + "-" + builder.name().toLowerCase()) + ":1";
    }

    private static List<BuildStep> cacheable(BuildResult result) {
        return result.steps().stream().filter(BuildStep::cacheable).toList();
    }

    private static List<String> instructions(BuildResult result) {
        return result.dockerfileSteps().stream().map(BuildStep::instruction).toList();
    }

    private static int indexOf(List<BuildStep> steps, String instruction) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).instruction().equals(instruction)) {
                return i;
            }
        }
        return -1;
    }
}
