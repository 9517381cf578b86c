package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileTest {

    @Test
    void continuationsCommentsAndLineNumbers() {
        Dockerfile df = Dockerfile.parse(String.join("\n",
                "# syntax=docker/dockerfile:1",
                "FROM alpine AS build",
                "",
                "# install",
                "RUN apk add \\",
                "    # a comment inside",
                "    curl \\",
                "    git",
                "COPY . /src",
                "FROM alpine",
                "COPY --from=build /src /app",
                "CMD [\"sh\"]"));

        List<Dockerfile.Line> lines = df.instructions();
        assertThat(lines).extracting(Dockerfile.Line::keyword).containsExactly("FROM", "RUN", "COPY", "FROM", "COPY", "CMD");
        assertThat(lines.get(1).arguments()).isEqualTo("apk add  curl  git");
        assertThat(lines.get(1).lines()).isEqualTo("lines 5–8");
        assertThat(lines.get(2).lines()).isEqualTo("line 9");
        assertThat(df.finalStage()).extracting(Dockerfile.Line::keyword).containsExactly("FROM", "COPY", "CMD");
        assertThat(df.finalStage().get(1).stage()).isEqualTo(1);
    }

    @Test
    void escapeDirectiveAndHereDocuments() {
        Dockerfile df = Dockerfile.parse(String.join("\n",
                "# escape=`",
                "FROM mcr.microsoft.com/windows",
                "RUN dir `",
                "  c:\\",
                "RUN <<EOF",
                "echo one",
                "echo two",
                "EOF",
                "CMD x"));

        assertThat(df.instructions()).extracting(Dockerfile.Line::keyword).containsExactly("FROM", "RUN", "RUN", "CMD");
        assertThat(df.instructions().get(1).arguments()).isEqualTo("dir  c:\\");
        assertThat(df.instructions().get(2).lines()).isEqualTo("lines 5–8");
        assertThat(df.instructions().get(3).lines()).isEqualTo("line 9");
    }

    @Test
    void stepsMapToTheirLinesDespiteBuilderAddedAndMissingSteps() {
        Dockerfile df = Dockerfile.parse(String.join("\n", "FROM base", "ARG V=1", "ENV A=1", "RUN make", "CMD run"));
        ImageAnalysis image = Analyses.steps(
                "/bin/sh -c #(nop) ADD file:abc in / ", new Tars.Layer().file("base", "b").tar(),
                "ENV A=1", null,
                "RUN |1 V=1 /bin/sh -c make # buildkit", new Tars.Layer().file("out", "o").tar(),
                "CMD [\"run\"]", null,
                "LABEL dev.berth.test=x", null);

        List<Dockerfile.Line> lines = df.linesOf(image.steps());

        assertThat(lines.get(0)).isNull();
        assertThat(lines.get(1).lines()).isEqualTo("line 3");
        assertThat(lines.get(2).lines()).isEqualTo("line 4");
        assertThat(lines.get(3).lines()).isEqualTo("line 5");
        assertThat(lines.get(4)).isNull();
    }
}
