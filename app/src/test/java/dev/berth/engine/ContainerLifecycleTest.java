package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against the real engine: each lifecycle call works and its change arrives on the event stream. */
@RealEngine
class ContainerLifecycleTest {

    private static final Engine engine = TestEngine.shared();

    @Test
    void connectsAndIdentifiesTheEngine() {
        EngineInfo info = engine.state().info();

        assertThat(engine.state().isConnected()).isTrue();
        assertThat(info.version()).isNotBlank();
        assertThat(info.apiVersion()).matches("\\d+\\.\\d+");
        assertThat(info.os()).isNotBlank();
        assertThat(info.summary()).contains(info.version()).contains("API " + info.apiVersion());
    }

    @Test
    void createStartStopRemoveEachArriveThroughTheEventStream() throws Exception {
        BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        try (Subscription ignored = engine.onEvent(e -> {
            if (e.isAbout("container")) {
                events.add(e);
            }
        })) {
            String id = engine.containers().create(TestResources.sleeper("lifecycle"));
            expect(events, id, "create");
            assertThat(engine.containers().find(id)).get().extracting(ContainerSummary::state)
                    .isEqualTo(ContainerState.CREATED);

            engine.containers().start(id);
            expect(events, id, "start");
            assertThat(engine.containers().find(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);

            engine.containers().stop(id);
            expect(events, id, "die");
            expect(events, id, "stop");
            ContainerSummary stopped = engine.containers().find(id).orElseThrow();
            assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
            assertThat(stopped.status()).startsWith("Exited (0)");

            engine.containers().restart(id);
            expect(events, id, "restart");
            assertThat(engine.containers().find(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);

            engine.containers().remove(id, true, true);
            expect(events, id, "destroy");
            assertThat(engine.containers().find(id)).isEmpty();
        }
    }

    @Test
    void listShowsStoppedContainersWithTheirLabelsAndName() {
        String id = engine.containers().create(TestResources.sleeper("listed"));

        List<ContainerSummary> all = engine.containers().list();

        assertThat(all).filteredOn(c -> c.id().equals(id)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(TestResources.name("listed"));
            assertThat(c.image()).isEqualTo(TestImages.BUSYBOX);
            assertThat(c.labels()).containsEntry(TestResources.LABEL, TestResources.RUN_ID);
            assertThat(c.state()).isEqualTo(ContainerState.CREATED);
        });
    }

    @Test
    void startingARunningContainerIsNotAnError() {
        String id = engine.containers().create(TestResources.sleeper("twice"));
        engine.containers().start(id);

        engine.containers().start(id);

        assertThat(engine.containers().find(id).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void failuresCarryTheEnginesOwnMessage() {
        assertThatThrownBy(() -> engine.containers().start("berth-no-such-container"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("No such container: berth-no-such-container")
                .satisfies(e -> assertThat(((EngineException) e).isNotFound()).isTrue());

        String id = engine.containers().create(TestResources.sleeper("dup"));
        assertThat(id).isNotBlank();
        assertThatThrownBy(() -> engine.containers().create(TestResources.sleeper("dup")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("is already in use")
                .satisfies(e -> assertThat(((EngineException) e).isConflict()).isTrue());
    }

    private static void expect(BlockingQueue<EngineEvent> events, String id, String action) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            EngineEvent e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && id.equals(e.id()) && action.equals(e.baseAction())) {
                return;
            }
        }
        throw new AssertionError("no '" + action + "' event for " + id);
    }
}
