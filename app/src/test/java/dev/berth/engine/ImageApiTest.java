package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing, tagging, removing, pruning, saving and loading images on the real engine. */
@RealEngine
class ImageApiTest {

    private static final Map<String, String> OURS = Map.of(TestResources.LABEL, TestResources.RUN_ID);
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeImages(engine);
    }

    @Test
    void listShowsEveryTagOfAnImageAndUntaggedOnesAsDangling() {
        String first = TestResources.name("list") + ":1";
        String id = build("list", first);
        String second = TestResources.name("list-alias") + ":2";
        engine.images().tag(first, second);
        // Building the same tag again from other content leaves the first image untagged.
        String rebuilt = build("list-again", first);

        List<ImageSummary> ours = engine.images().listByLabel(TestResources.LABEL, TestResources.RUN_ID);

        assertThat(ours).filteredOn(i -> i.id().equals(id)).singleElement().satisfies(i -> {
            assertThat(i.repoTags()).containsExactly(second);
            assertThat(i.size()).isPositive();
            assertThat(i.shortId()).hasSize(12);
        });
        assertThat(ours).filteredOn(i -> i.id().equals(rebuilt)).singleElement()
                .satisfies(i -> assertThat(i.repoTags()).containsExactly(first));
        build("list-alias-again", second);
        assertThat(engine.images().listByLabel(TestResources.LABEL, TestResources.RUN_ID))
                .filteredOn(i -> i.id().equals(id)).singleElement().satisfies(i -> assertThat(i.isDangling()).isTrue());
    }

    @Test
    void removingAnImageAContainerUsesIsRefusedUnlessForced() {
        String tag = TestResources.name("in-use") + ":1";
        String id = build("in-use", tag);
        String container = engine.containers().create(dev.berth.engine.ContainerSpec.of(tag)
                .withName(TestResources.name("uses-image")).withCommand("true").withLabel(TestResources.LABEL, TestResources.RUN_ID));

        assertThatThrownBy(() -> engine.images().remove(id, false))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).isConflict()).isTrue())
                .hasMessageContaining(ImageSummary.shortId(container.substring(0, 12)));
        assertThat(engine.images().exists(id)).isTrue();

        engine.containers().remove(container, true, true);
        engine.images().remove(tag, false);
        assertThat(engine.images().exists(id)).isFalse();
    }

    @Test
    void prunePreviewListsWhatGoesAndPruneRemovesExactlyThat() {
        String keptTag = TestResources.name("prune-kept") + ":1";
        String dangling = build("prune-old", TestResources.name("prune") + ":1");
        String current = build("prune-new", TestResources.name("prune") + ":1");
        String used = build("prune-used", keptTag);
        engine.containers().create(dev.berth.engine.ContainerSpec.of(keptTag)
                .withName(TestResources.name("prune-user")).withCommand("true").withLabel(TestResources.LABEL, TestResources.RUN_ID));

        PrunePlan danglingOnly = engine.images().prunePreview(false, OURS);
        PrunePlan unused = engine.images().prunePreview(true, OURS);

        assertThat(danglingOnly.images()).extracting(ImageSummary::id).contains(dangling)
                .doesNotContain(current, used);
        assertThat(danglingOnly.reclaimedBytes()).isPositive();
        assertThat(unused.images()).extracting(ImageSummary::id).contains(dangling, current).doesNotContain(used);

        long reclaimed = engine.images().prune(false, OURS);

        assertThat(reclaimed).isPositive();
        assertThat(engine.images().exists(dangling)).isFalse();
        assertThat(engine.images().exists(current)).isTrue();
        assertThat(engine.images().prunePreview(false, OURS).images()).extracting(ImageSummary::id).doesNotContain(dangling);

        engine.images().prune(true, OURS);
        assertThat(engine.images().exists(current)).isFalse();
        assertThat(engine.images().exists(used)).isTrue();
    }

    @Test
    void saveThenLoadBringsTheImageBackWithItsTag() throws Exception {
        String tag = TestResources.name("saved") + ":1";
        String id = build("saved", tag);
        Path file = Files.createTempFile("berth-save", ".tar");
        try {
            AtomicLong written = new AtomicLong();
            engine.images().save(List.of(tag), file, written::set, new Cancellation());
            assertThat(written.get()).isEqualTo(Files.size(file)).isPositive();

            engine.images().remove(tag, false);
            assertThat(engine.images().exists(id)).isFalse();

            AtomicLong read = new AtomicLong();
            List<String> loaded = engine.images().load(file, read::set, new Cancellation());

            assertThat(loaded).containsExactly(tag);
            assertThat(read.get()).isEqualTo(Files.size(file));
            assertThat(engine.images().idOf(tag)).isEqualTo(id);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void loadingSomethingThatIsNotAnImageArchiveSaysSo() throws Exception {
        Path file = Files.createTempFile("berth-not-a-tar", ".tar");
        try {
            Files.writeString(file, "this is not a tar");
            assertThatThrownBy(() -> engine.images().load(file, n -> { }, new Cancellation()))
                    .isInstanceOf(EngineException.class);
            assertThat(engine.state().isConnected()).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String build(String salt, String tag) {
        Path dir = BuildContexts.twoFiles(salt);
        try {
            return engine.images().build(dir, tag, OURS);
        } finally {
            BuildContexts.delete(dir);
        }
    }
}
