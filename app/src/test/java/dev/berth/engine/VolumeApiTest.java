package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating, listing, sizing, removing and pruning volumes on the real engine. */
@RealEngine
class VolumeApiTest {

    private static final Map<String, String> OURS = Map.of(TestResources.LABEL, TestResources.RUN_ID);
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeVolumes(engine);
    }

    private static Optional<VolumeSummary> find(String name) {
        return engine.volumes().list().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** A container (not started) mounting {@code volume} at /data. */
    private static String mounting(String volume, String suffix, String... command) {
        ContainerSpec spec = ContainerSpec.of(TestImages.BUSYBOX).withName(TestResources.name(suffix))
                .withLabel(TestResources.LABEL, TestResources.RUN_ID)
                .withMounts(List.of(new MountSpec(MountSpec.Kind.VOLUME, volume, "/data", false, 0)));
        return engine.containers().create(command.length == 0 ? spec.withCommand("sleep", "300") : spec.withCommand(command));
    }

    @Test
    void aCreatedVolumeIsListedWithItsLabelsAndTheContainersMountingItAndCannotBeRemovedWhileMounted() {
        Instant before = Instant.now().minusSeconds(2);
        String name = engine.volumes().create(TestResources.name("vol-list"), "local",
                Map.of(TestResources.LABEL, TestResources.RUN_ID, "purpose", "listing"), Map.of());

        VolumeSummary created = find(name).orElseThrow();
        assertThat(created.driver()).isEqualTo("local");
        assertThat(created.labels()).containsEntry("purpose", "listing");
        assertThat(created.created()).isAfter(before);
        assertThat(created.mountpoint()).endsWith("/" + name + "/_data");
        assertThat(created.isInUse()).isFalse();
        assertThat(created.isAnonymous()).isFalse();
        assertThat(engine.volumes().inspect(name)).contains("\"Name\" : \"" + name + "\"");

        String container = mounting(name, "vol-user");
        assertThat(find(name).orElseThrow().usedBy()).containsExactly(TestResources.name("vol-user"));
        assertThatThrownBy(() -> engine.volumes().remove(name))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.isConflict()).isTrue())
                .hasMessageContaining("in use");

        engine.containers().remove(container, true, false);
        engine.volumes().remove(name);
        assertThat(find(name)).isEmpty();
    }

    @Test
    void aBlankNameMakesAnAnonymousVolume() {
        String name = engine.volumes().create("", null, OURS, Map.of());

        assertThat(find(name).orElseThrow().isAnonymous()).isTrue();
    }

    @Test
    void sizesCountWhatContainersWrote() {
        String name = engine.volumes().create(TestResources.name("vol-size"), "local", OURS, Map.of());
        String writer = mounting(name, "vol-writer", "dd", "if=/dev/zero", "of=/data/blob", "bs=1024", "count=300");
        engine.containers().start(writer);
        Await.until("the writer to finish", Duration.ofSeconds(20),
                () -> !engine.containers().inspect(writer).state().isRunning());

        assertThat(engine.volumes().sizes().get(name)).isGreaterThanOrEqualTo(300 * 1024L);
    }

    @Test
    void pruneRemovesOnlyUnusedVolumesCarryingTheLabels() {
        Map<String, String> prunable = Map.of(TestResources.LABEL, TestResources.RUN_ID, "prune", "yes");
        String unused = engine.volumes().create(TestResources.name("vol-unused"), "local", prunable, Map.of());
        String used = engine.volumes().create(TestResources.name("vol-used"), "local", prunable, Map.of());
        String other = engine.volumes().create(TestResources.name("vol-other"), "local", OURS, Map.of());
        mounting(used, "vol-keeper");

        assertThat(engine.volumes().unused(prunable)).extracting(VolumeSummary::name).containsExactly(unused);
        assertThat(engine.volumes().prune(prunable).deleted()).containsExactly(unused);

        assertThat(find(unused)).isEmpty();
        assertThat(find(used)).isPresent();
        assertThat(find(other)).isPresent();
    }
}
