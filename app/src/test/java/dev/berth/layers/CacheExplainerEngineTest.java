package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.build.Dockerfile;

import dev.berth.engine.Cancellation;
import dev.berth.engine.Engine;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import dev.berth.layers.CacheExplanation.Change;
import dev.berth.layers.CacheExplanation.Verdict;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A rebuild on the real engine after editing one file: the explanation names that file. */
@RealEngine
class CacheExplainerEngineTest {

    private static final Engine engine = TestEngine.shared();

    @AfterAll
    static void removeImages() {
        TestResources.removeImages(engine);
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void aRebuildAfterEditingOneFileBlamesThatFile(Builder builder) throws Exception {
        List<String> dockerfile = List.of("FROM berth-test/busybox:1", "WORKDIR /app", "COPY . .",
                "RUN cat *.txt > /all-%s", "CMD [\"sh\"]");
        Path context = LayerFixtures.context(dockerfile, Map.of(".dockerignore", "Dockerfile\n.dockerignore\n",
                "a.txt", "alpha " + TestResources.RUN_ID + "\n", "b.txt", "beta\n"));
        try {
            BuildResult first = engine.builds().build(LayerFixtures.request(context, builder, "cache-v1"));
            Files.writeString(context.resolve("b.txt"), "beta, edited\n");
            BuildResult second = engine.builds().build(LayerFixtures.request(context, builder, "cache-v2"));
            assertThat(first.succeeded()).as(String.valueOf(first.error())).isTrue();
            assertThat(second.succeeded()).as(String.valueOf(second.error())).isTrue();

            LayerInspector inspector = new LayerInspector(engine.layers());
            ImageAnalysis previous = inspector.analyze(inspector.overview(first.imageId()), new Cancellation(), null);
            List<ImageStep> now = inspector.overview(second.imageId()).steps();
            assertThat(now).extracting(ImageStep::layerIndex).containsExactlyElementsOf(inspector
                    .analyze(inspector.overview(second.imageId()), new Cancellation(), null).steps().stream()
                    .map(ImageStep::layerIndex).toList());
            CacheExplanation why = CacheExplainer.explain(previous, now,
                    Dockerfile.parse(Files.readString(context.resolve("Dockerfile"))), context);

            assertThat(why.verdict()).isEqualTo(Verdict.FILES_CHANGED);
            assertThat(DockerfileSteps.where(why.line())).isEqualTo("line 3");
            assertThat(why.files()).extracting(CacheExplanation.ContextFileChange::contextPath,
                    CacheExplanation.ContextFileChange::imagePath, CacheExplanation.ContextFileChange::change)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b.txt", "/app/b.txt", Change.CHANGED));
        } finally {
            BuildContexts.delete(context);
        }
    }
}
