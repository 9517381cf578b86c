package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's description, disk use and container prune, on the real engine. */
@RealEngine
class SystemApiTest {

    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
    }

    @Test
    void detailsDescribeTheEngine() {
        EngineDetails d = engine.system().details();

        assertThat(d.version()).isEqualTo(engine.state().info().version());
        assertThat(d.cpus()).isPositive();
        assertThat(d.memoryBytes()).isPositive();
        assertThat(d.storageDriver()).isNotBlank();
        assertThat(d.rootDir()).startsWith("/");
    }

    @Test
    void aStoppedContainersWritableLayerCountsAsReclaimableAndAPruneFreesIt() {
        Map<String, String> prunable = Map.of(TestResources.LABEL, TestResources.RUN_ID, "system-prune", "yes");
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX).withName(TestResources.name("df"))
                .withCommand("dd", "if=/dev/zero", "of=/blob", "bs=1024", "count=400")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID).withLabel("system-prune", "yes"));
        engine.containers().start(id);
        Await.until("the writer to finish", Duration.ofSeconds(20),
                () -> !engine.containers().inspect(id).state().isRunning());

        DiskUsage usage = engine.system().diskUsage();
        assertThat(usage.kinds()).extracting(DiskUsage.Kind::name)
                .containsExactly(SystemApi.IMAGES, SystemApi.CONTAINERS, SystemApi.VOLUMES, SystemApi.BUILD_CACHE);
        DiskUsage.Kind containers = usage.kind(SystemApi.CONTAINERS);
        assertThat(containers.count()).isPositive();
        assertThat(containers.reclaimableBytes()).isGreaterThanOrEqualTo(400 * 1024L);
        assertThat(usage.kind(SystemApi.IMAGES).bytes()).isPositive();
        assertThat(usage.totalBytes()).isGreaterThanOrEqualTo(usage.reclaimableBytes());

        assertThat(engine.system().pruneContainers(prunable)).isGreaterThanOrEqualTo(400 * 1024L);
        assertThat(engine.containers().find(id)).isEmpty();
    }
}
