package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.build.Dockerfile;

import dev.berth.layers.CacheExplanation.Change;
import dev.berth.layers.CacheExplanation.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why the first missed step missed, from hand-made previous and new images. */
class CacheExplainerTest {

    private static final byte[] BASE = new Tars.Layer().dir("bin").file("bin/sh", 100).tar();
    private static final String FROM = "/bin/sh -c #(nop) ADD file:0123456789012345678901234567890123456789012345678901234567890123 in / ";

    @Test
    void aChangedInstructionIsQuotedBeforeAndAfter() {
        ImageAnalysis before = Analyses.steps(FROM, BASE, "/bin/sh -c apt-get install -y curl", new Tars.Layer().file("curl", 5).tar());
        ImageAnalysis now = Analyses.steps(FROM, BASE, "/bin/sh -c apt-get install -y curl git",
                new Tars.Layer().file("curl", 5).file("git", 7).tar());
        Dockerfile df = Dockerfile.parse("FROM debian\nRUN apt-get install -y curl git\n");

        CacheExplanation why = CacheExplainer.explain(before, now.steps(), df, null);

        assertThat(why.verdict()).isEqualTo(Verdict.INSTRUCTION_CHANGED);
        assertThat(why.step().number()).isEqualTo(2);
        assertThat(DockerfileSteps.where(why.line())).isEqualTo("line 2");
        assertThat(why.details()).containsExactly("Before: RUN apt-get install -y curl", "Now: RUN apt-get install -y curl git");
        assertThat(why.where()).isEqualTo("Step 2 (line 2): RUN apt-get install -y curl git");
    }

    @Test
    void aChangedBuildArgIsNamedWithBothValues() {
        ImageAnalysis before = Analyses.steps(FROM, BASE, "ENV X=1", null,
                "|1 VERSION=1.0 /bin/sh -c echo $VERSION > /v", new Tars.Layer().file("v", "1.0\n").tar());
        ImageAnalysis now = Analyses.steps(FROM, BASE, "ENV X=1", null,
                "|1 VERSION=1.1 /bin/sh -c echo $VERSION > /v", new Tars.Layer().file("v", "1.1\n").tar());

        CacheExplanation why = CacheExplainer.explain(before, now.steps(), null, null);

        assertThat(why.verdict()).isEqualTo(Verdict.BUILD_ARG_CHANGED);
        assertThat(why.summary()).isEqualTo("Build arg VERSION changed from 1.0 to 1.1.");
        assertThat(why.step().number()).isEqualTo(3);
    }

    @Test
    void aCopyListsTheContextFilesThatDifferFromThePreviousLayer(@TempDir Path context) throws Exception {
        byte[] copied = new Tars.Layer().dir("app").file("app/a.txt", "one").file("app/b.txt", "bee")
                .file("app/same.txt", "same").tar();
        ImageAnalysis before = Analyses.steps(FROM, BASE, "/bin/sh -c #(nop) WORKDIR /app", null,
                "COPY . . # buildkit", copied);
        Files.writeString(context.resolve("Dockerfile"), "FROM base\nWORKDIR /app\nCOPY . .\n");
        Files.writeString(context.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n");
        Files.writeString(context.resolve("a.txt"), "two");
        Files.writeString(context.resolve("c.txt"), "new file");
        Files.writeString(context.resolve("same.txt"), "same");
        Files.setPosixFilePermissions(context.resolve("same.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        byte[] copiedNow = new Tars.Layer().dir("app").file("app/a.txt", "two").file("app/c.txt", "new file")
                .file("app/same.txt", "same").tar();
        ImageAnalysis now = Analyses.steps(FROM, BASE, "/bin/sh -c #(nop) WORKDIR /app", null,
                "COPY . . # buildkit", copiedNow);

        CacheExplanation why = CacheExplainer.explain(before, now.steps(),
                Dockerfile.parse(Files.readString(context.resolve("Dockerfile"))), context);

        assertThat(why.verdict()).isEqualTo(Verdict.FILES_CHANGED);
        assertThat(DockerfileSteps.where(why.line())).isEqualTo("line 3");
        assertThat(why.files()).extracting(CacheExplanation.ContextFileChange::contextPath,
                CacheExplanation.ContextFileChange::imagePath, CacheExplanation.ContextFileChange::change)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a.txt", "/app/a.txt", Change.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("c.txt", "/app/c.txt", Change.NEW),
                        org.assertj.core.groups.Tuple.tuple("b.txt", "/app/b.txt", Change.GONE));
        assertThat(why.summary()).isEqualTo("Files this step copies changed since the previous build (2 files changed or new, 1 file gone).");
    }

    @Test
    void identicalImagesCameWhollyFromTheCache() {
        ImageAnalysis a = Analyses.steps(FROM, BASE, "/bin/sh -c make", new Tars.Layer().file("m", 1).tar());

        assertThat(CacheExplainer.explain(a, a.steps(), null, null).verdict()).isEqualTo(Verdict.ALL_CACHED);
    }

    @Test
    void aDifferentBaseImageIsBlamedOnFrom() {
        ImageAnalysis before = Analyses.steps(FROM, BASE, "/bin/sh -c make", new Tars.Layer().file("m", 1).tar());
        ImageAnalysis now = Analyses.steps(FROM.replace("0123", "4567"), new Tars.Layer().file("other", 1).tar(),
                "/bin/sh -c make", new Tars.Layer().file("m", 1).tar());

        CacheExplanation why = CacheExplainer.explain(before, now.steps(),
                Dockerfile.parse("FROM debian:12\nRUN make\n"), null);

        assertThat(why.verdict()).isEqualTo(Verdict.BASE_IMAGE_CHANGED);
        assertThat(why.summary()).isEqualTo("The base image changed (FROM debian:12), so every step of the Dockerfile ran again.");
    }

    @Test
    void anUnchangedRunThatRanAgainSaysTheCacheWasNotUsed() {
        ImageAnalysis before = Analyses.steps(FROM, BASE, "/bin/sh -c date > /d", new Tars.Layer().file("d", "1").tar());
        ImageAnalysis now = Analyses.steps(FROM, BASE, "/bin/sh -c date > /d", new Tars.Layer().file("d", "2").tar());

        CacheExplanation why = CacheExplainer.explain(before, now.steps(), null, null);

        assertThat(why.verdict()).isEqualTo(Verdict.NOT_FROM_CACHE);
        assertThat(why.details().get(0)).contains("--no-cache");
    }

    @Test
    void copySourcesAndDestinationsFollowWorkdirAndForms() {
        CacheExplainer.CopySpec spec = CacheExplainer.CopySpec.parse("--chown=1:1 package.json yarn.lock ./", "/app");
        assertThat(spec.sources()).containsExactly("package.json", "yarn.lock");
        assertThat(spec.destination()).isEqualTo("/app/./");
        assertThat(spec.destinationIsDir()).isTrue();
        CacheExplainer.CopySpec json = CacheExplainer.CopySpec.parse("[\"src\", \"/srv/src\"]", "/");
        assertThat(json.sources()).containsExactly("src");
        assertThat(json.destination()).isEqualTo("/srv/src");
        assertThat(CacheExplainer.CopySpec.parse("--from=build /out /app", "/").fromStage()).isEqualTo("build");
        Dockerfile df = Dockerfile.parse("FROM x\nWORKDIR /a\nWORKDIR b\nCOPY . .\nWORKDIR /c\n");
        assertThat(CacheExplainer.workdirBefore(df, df.instructions().get(3))).isEqualTo("/a/b");
        assertThat(CacheExplainer.workdirBefore(df, df.instructions().get(1))).isEqualTo("/");
    }
}
