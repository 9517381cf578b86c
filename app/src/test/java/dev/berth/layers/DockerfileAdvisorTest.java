package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.build.Dockerfile;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Advice for learners, each pointing at the right lines. */
class DockerfileAdvisorTest {

    private static final String DOCKERFILE = String.join("\n",
            "FROM node:20",
            "WORKDIR /app",
            "COPY . .",
            "RUN npm ci",
            "RUN apt-get update && apt-get install -y curl",
            "RUN curl -o /tmp/big.tar https://example.invalid/big.tar && tar xf /tmp/big.tar",
            "RUN rm /tmp/big.tar",
            "RUN echo a > /a",
            "RUN echo b > /b",
            "CMD [\"node\", \"server.js\"]");

    static ImageAnalysis image() {
        return Analyses.steps(
                "/bin/sh -c #(nop) ADD file:0123456789012345678901234567890123456789012345678901234567890123 in / ",
                new Tars.Layer().dir("bin").file("bin/sh", 100).tar(),
                "WORKDIR /app", null,
                "COPY . . # buildkit", new Tars.Layer().dir("app").file("app/server.js", 300).file("app/package.json", 50).tar(),
                "RUN /bin/sh -c npm ci # buildkit", new Tars.Layer().dir("app/node_modules").file("app/node_modules/x.js", 1000)
                        .dir("root/.npm/_cacache").file("root/.npm/_cacache/blob", 200_000).tar(),
                "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
                new Tars.Layer().file("usr/bin/curl", 5000).dir("var/lib/apt/lists").file("var/lib/apt/lists/deb_Packages", 300_000).tar(),
                "RUN /bin/sh -c curl -o /tmp/big.tar https://example.invalid/big.tar && tar xf /tmp/big.tar # buildkit",
                new Tars.Layer().dir("tmp").file("tmp/big.tar", 500_000).file("data.bin", 400_000).tar(),
                "RUN /bin/sh -c rm /tmp/big.tar # buildkit", new Tars.Layer().whiteout("tmp/big.tar").tar(),
                "RUN /bin/sh -c echo a > /a # buildkit", new Tars.Layer().file("a", "a").tar(),
                "RUN /bin/sh -c echo b > /b # buildkit", new Tars.Layer().file("b", "b").tar(),
                "CMD [\"node\", \"server.js\"]", null);
    }

    @Test
    void withTheDockerfileEachAdvicePointsAtItsLines() {
        List<Advice> advice = DockerfileAdvisor.advise(image(), Dockerfile.parse(DOCKERFILE));

        assertThat(advice).extracting(Advice::kind).containsExactlyInAnyOrder(
                Advice.Kind.BROAD_COPY_BEFORE_INSTALL,
                Advice.Kind.PACKAGE_CACHE, Advice.Kind.PACKAGE_CACHE,
                Advice.Kind.ADDED_THEN_DELETED, Advice.Kind.MANY_RUN_STEPS);
        Advice copy = advice.get(0);
        assertThat(copy.where()).containsExactly("line 3", "line 4");
        assertThat(copy.detail()).contains("Copy only package.json package-lock.json first");
        assertThat(advice).filteredOn(a -> a.kind() == Advice.Kind.PACKAGE_CACHE)
                .extracting(Advice::title, Advice::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("The npm cache stays in the image", List.of("line 4")),
                        org.assertj.core.groups.Tuple.tuple("The apt package lists stays in the image", List.of("line 5")));
        Advice deleted = advice.stream().filter(a -> a.kind() == Advice.Kind.ADDED_THEN_DELETED).findFirst().orElseThrow();
        assertThat(deleted.where()).containsExactly("line 6", "line 7");
        assertThat(deleted.bytes()).isEqualTo(500_000);
        assertThat(deleted.detail()).startsWith("/tmp/big.tar (500 kB) is added by");
        Advice runs = advice.stream().filter(a -> a.kind() == Advice.Kind.MANY_RUN_STEPS).findFirst().orElseThrow();
        assertThat(runs.title()).isEqualTo("6 RUN steps in a row");
        assertThat(runs.where()).containsExactly("line 4", "line 9");
    }

    @Test
    void withoutTheDockerfileTheStepsAreNamed() {
        List<Advice> advice = DockerfileAdvisor.advise(image(), null);

        Advice deleted = advice.stream().filter(a -> a.kind() == Advice.Kind.ADDED_THEN_DELETED).findFirst().orElseThrow();
        assertThat(deleted.where()).containsExactly("step 6", "step 7");
        assertThat(advice).anyMatch(a -> a.kind() == Advice.Kind.BROAD_COPY_BEFORE_INSTALL
                && a.where().equals(List.of("step 3", "step 4")));
    }

    @Test
    void aTidyImageGetsNoAdvice() {
        ImageAnalysis tidy = Analyses.steps("COPY package.json . # buildkit", new Tars.Layer().file("package.json", 10).tar(),
                "RUN /bin/sh -c npm ci && npm cache clean --force # buildkit", new Tars.Layer().file("node_modules/x", 10).tar(),
                "COPY . . # buildkit", new Tars.Layer().file("server.js", 10).tar());

        assertThat(DockerfileAdvisor.advise(tidy, null)).isEmpty();
    }
}
