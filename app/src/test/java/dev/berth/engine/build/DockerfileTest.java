package dev.berth.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dockerfile reader: instructions at their lines, problems before a build, steps placed on lines. */
class DockerfileTest {

    @Test
    void joinsContinuationsSkipsCommentsAndKeepsLines() {
        Dockerfile file = Dockerfile.parse(String.join("\n",
                "# syntax=docker/dockerfile:1",
                "ARG BASE=scratch",
                "FROM ${BASE} AS build",
                "",
                "# install things",
                "RUN echo one \\",
                "    # a comment inside a continuation",
                "    && echo two",
                "copy a.txt /a.txt",
                "FROM build",
                "CMD [\"sh\"]"));

        assertThat(file.problems()).isEmpty();
        assertThat(file.instructions()).extracting(Dockerfile.Instruction::keyword)
                .containsExactly("ARG", "FROM", "RUN", "COPY", "FROM", "CMD");
        assertThat(file.instructions()).extracting(Dockerfile.Instruction::line).containsExactly(2, 3, 6, 9, 10, 11);
        Dockerfile.Instruction run = file.instructions().get(2);
        assertThat(run.arguments()).isEqualTo("echo one     && echo two");
        assertThat(run.endLine()).isEqualTo(8);
        assertThat(file.stages()).extracting(Dockerfile.Stage::name).containsExactly("build", null);
        assertThat(file.instructions().get(0).stage()).isEqualTo(-1);
        assertThat(file.instructions().get(3).stage()).isZero();
        assertThat(file.checkTarget("build")).isEmpty();
        assertThat(file.checkTarget("nope")).get().extracting(Dockerfile.Problem::message)
                .isEqualTo("target stage nope could not be found");
    }

    @Test
    void marksEachProblemAtItsLine() {
        Dockerfile file = Dockerfile.parse(String.join("\n",
                "RUN echo before from",
                "FROM scratch AS 1bad",
                "FORM scratch",
                "COPY onlyone",
                "ENV",
                "ENV NAME",
                "ONBUILD FROM x",
                "FROM a b",
                "FROM scratch AS dup",
                "FROM scratch AS dup"));

        assertThat(file.problems()).extracting(Dockerfile.Problem::line, Dockerfile.Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "no build stage in current context"),
                org.assertj.core.groups.Tuple.tuple(2, "invalid name for build stage: \"1bad\", name can't start with a number or contain symbols"),
                org.assertj.core.groups.Tuple.tuple(3, "unknown instruction: FORM"),
                org.assertj.core.groups.Tuple.tuple(4, "COPY requires at least two arguments, but only one was provided. Destination could not be determined."),
                org.assertj.core.groups.Tuple.tuple(5, "ENV requires at least one argument"),
                org.assertj.core.groups.Tuple.tuple(6, "ENV must have two arguments"),
                org.assertj.core.groups.Tuple.tuple(7, "FROM isn't allowed as an ONBUILD trigger"),
                org.assertj.core.groups.Tuple.tuple(8, "FROM requires either one or three arguments"),
                org.assertj.core.groups.Tuple.tuple(10, "duplicate stage name \"dup\""));
    }

    @Test
    void anEmptyFileAndTheBacktickEscapeAreHandled() {
        assertThat(Dockerfile.parse("# only a comment\n").firstProblem()).get()
                .extracting(Dockerfile.Problem::message).isEqualTo("the Dockerfile cannot be empty");
        Dockerfile windows = Dockerfile.parse("# escape=`\nFROM scratch\nRUN echo a `\n  b\n");
        assertThat(windows.problems()).isEmpty();
        assertThat(windows.instructions().get(1).arguments()).isEqualTo("echo a   b");
    }

    @Test
    void classicStepsMapByNumberAndBuildkitStepsByStageAndText() {
        Dockerfile file = Dockerfile.parse(String.join("\n",
                "FROM scratch AS base",
                "COPY busybox /bin/busybox",
                "ENV A=b",
                "RUN [\"/bin/busybox\", \"--install\"]",
                "FROM base",
                "ARG V=1",
                "COPY app-${V} /app",
                "RUN echo done"));

        Map<String, Integer> classic = StepLines.locate(file, Builder.CLASSIC, List.of(
                step("step-1", null, 1, "FROM scratch AS base"), step("step-3", null, 3, "ENV A=b"),
                step("step-8", null, 8, "RUN echo done"), step("step-9", null, 9, "LABEL x=y")));
        assertThat(classic).containsEntry("step-1", 1).containsEntry("step-3", 3).containsEntry("step-8", 8)
                .doesNotContainKey("step-9");

        Map<String, Integer> buildkit = StepLines.locate(file, Builder.BUILDKIT, List.of(
                step("a", "base", 1, "COPY busybox /bin/busybox"),
                step("b", "base", 2, "RUN [\"/bin/busybox\",\"--install\"]"),
                step("c", "stage-1", 1, "COPY app-1 /app"),
                step("d", "stage-1", 2, "RUN echo done"),
                step("e", null, 0, "[internal] load build context")));
        assertThat(buildkit).containsEntry("a", 2).containsEntry("b", 4).containsEntry("c", 7).containsEntry("d", 8)
                .doesNotContainKey("e");
    }

    private static BuildStep step(String key, String stage, int number, String instruction) {
        return new BuildStep(key, stage, number, 9, instruction, true, false, Instant.EPOCH, null, null, null);
    }
}
