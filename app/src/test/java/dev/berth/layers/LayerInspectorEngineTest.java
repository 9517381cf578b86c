package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;



import dev.berth.engine.Cancellation;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineException;
import dev.berth.engine.build.Builder;
import dev.berth.layers.PathChange.Kind;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The analysis of images built by the real engine, with both builders. */
@RealEngine
class LayerInspectorEngineTest {

    private static final Engine engine = TestEngine.shared();
    private final LayerInspector inspector = new LayerInspector(engine.layers());

    @AfterAll
    static void removeImages() {
        TestResources.removeImages(engine);
    }

    private ImageAnalysis analyze(String imageId) throws ArchiveException {
        LayerInspector.Overview overview = inspector.overview(imageId);
        return inspector.analyze(overview, new Cancellation(), null);
    }

    private static Map<String, Kind> kinds(List<PathChange> changes) {
        return changes.stream().collect(Collectors.toMap(PathChange::path, PathChange::kind));
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void eachLayerShowsWhatItAddedModifiedAndRemoved(Builder builder) throws Exception {
        String id = LayerFixtures.build(engine, builder, "changes", LayerFixtures.CHANGES, Map.of());

        ImageAnalysis analysis = analyze(id);

        assertThat(analysis.complete()).isTrue();
        assertThat(analysis.warnings()).isEmpty();
        // After the base image's steps; the classic builder may append a LABEL step for the build's labels.
        int base = inspector.overview(TestImages.BUSYBOX).steps().size();
        List<ImageStep> own = analysis.steps().subList(base, base + 6);
        assertThat(own).extracting(s -> s.instruction().keyword())
                .containsExactly("ENV", "RUN", "RUN", "RUN", "LABEL", "CMD");
        assertThat(own).extracting(ImageStep::isEmpty).containsExactly(true, false, false, false, true, true);
        int create = own.get(1).layerIndex();
        int change = own.get(2).layerIndex();
        int link = own.get(3).layerIndex();
        assertThat(analysis.stack().size()).isEqualTo(link + 1);

        assertThat(kinds(analysis.stack().changes(create))).containsEntry("app/data/a", Kind.ADDED)
                .containsEntry("app/cache/big", Kind.ADDED).containsEntry("opq/old", Kind.ADDED);
        Map<String, Kind> changed = kinds(analysis.stack().changes(change));
        assertThat(changed).containsEntry("app/data/a", Kind.MODIFIED).containsEntry("app/data/b", Kind.REMOVED)
                .containsEntry("app/cache", Kind.REMOVED).containsEntry("app/cache/big", Kind.REMOVED)
                .containsEntry("opq/old", Kind.REMOVED).containsEntry("opq/old2", Kind.REMOVED)
                .containsEntry("opq/new", Kind.ADDED);
        assertThat(analysis.stack().snapshot(change)).containsKeys("opq/new", "app/data/a")
                .doesNotContainKeys("opq/old", "app/cache/big", "app/data/b");

        Map<String, LayerEntry> top = analysis.stack().snapshot(link);
        assertThat(top.get("app/link")).extracting(LayerEntry::type, LayerEntry::link)
                .containsExactly(EntryType.SYMLINK, "/app/data/a");
        assertThat(top.get("app/hard").type()).isEqualTo(EntryType.HARDLINK);
        assertThat(top.get("app/hard").link()).isIn("/app/data/a", "/app/hard");
        assertThat(top.get("bin/sh")).extracting(LayerEntry::type).isEqualTo(EntryType.SYMLINK);

        assertThat(analysis.efficiency().wastedBytes()).isGreaterThanOrEqualTo(300 * 1024 + 4 + 4);
        assertThat(analysis.efficiency().wastes().get(0)).extracting(Efficiency.Waste::path,
                Efficiency.Waste::removed).containsExactly("/app/cache/big", true);
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void theEnginesHistoryAndTheConfigurationAgreeOnWhichStepMadeWhichLayer(Builder builder) throws Exception {
        String id = LayerFixtures.build(engine, builder, "changes", LayerFixtures.CHANGES, Map.of());

        LayerInspector.Overview overview = inspector.overview(id);
        ImageAnalysis analysis = inspector.analyze(overview, new Cancellation(), null);

        assertThat(overview.steps()).extracting(ImageStep::layerIndex)
                .containsExactlyElementsOf(analysis.steps().stream().map(ImageStep::layerIndex).toList());
        assertThat(overview.steps()).extracting(s -> s.instruction().text())
                .containsExactlyElementsOf(analysis.steps().stream().map(s -> s.instruction().text()).toList());
    }

    @ParameterizedTest
    @EnumSource(Builder.class)
    void twoImagesFromOneCacheShareTheirLeadingLayersAndDivergeAtTheChangedStep(Builder builder) throws Exception {
        String common = "RUN echo shared-%s > /shared";
        String a = LayerFixtures.build(engine, builder, "prefix-a", List.of("FROM berth-test/busybox:1", common,
                "RUN echo a > /which"), Map.of());
        String b = LayerFixtures.build(engine, builder, "prefix-b", List.of("FROM berth-test/busybox:1", common,
                "RUN echo b > /which && echo more > /extra"), Map.of());

        ImageComparison comparison = ImageComparison.of(analyze(a), analyze(b));

        int base = engine.layers().inspect("berth-test/busybox:1").diffIds().size();
        assertThat(comparison.sharedLayers()).isEqualTo(base + 1);
        assertThat(comparison.leftStep().instruction().text()).isEqualTo("RUN echo a > /which");
        assertThat(comparison.rightStep().instruction().text()).isEqualTo("RUN echo b > /which && echo more > /extra");
        assertThat(kinds(comparison.changes())).containsEntry("which", Kind.MODIFIED).containsEntry("extra", Kind.ADDED)
                .doesNotContainKey("shared");
    }

    @Test
    void cancellingStopsTheStreamAndTheEngineStaysUsable() throws Exception {
        String id = LayerFixtures.build(engine, Builder.CLASSIC, "cancel", List.of("FROM berth-test/busybox:1",
                "RUN dd if=/dev/urandom of=/big bs=1M count=24 2>/dev/null"), Map.of());
        LayerInspector.Overview overview = inspector.overview(id);
        Cancellation cancellation = new Cancellation();
        long[] seen = new long[1];

        assertThatThrownBy(() -> inspector.analyze(overview, cancellation, read -> {
            seen[0] = read;
            if (read >= 2 << 20) {
                cancellation.cancel();
            }
        })).isInstanceOf(CancellationException.class);

        assertThat(seen[0]).isLessThan(20L << 20);
        assertThat(analyze(id).stack().snapshot(analyze(id).stack().size() - 1).get("big").size()).isEqualTo(24L << 20);
    }

    @Test
    void anUnknownImageIsTheEnginesOwnMessage() {
        assertThatThrownBy(() -> inspector.overview("berth-test/no-such-image:0")).isInstanceOf(EngineException.class)
                .hasMessageContaining("No such image");
        assertThatThrownBy(() -> engine.layers().save("berth-test/no-such-image:0").close())
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
}
