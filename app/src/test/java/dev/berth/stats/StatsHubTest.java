package dev.berth.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.engine.Subscription;
import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared stats streams on a real container. */
@RealEngine
class StatsHubTest {

    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }


    @Test
    void watchersShareOneStreamThatClosesWithTheLastAndSeeLiveNumbers() {
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name("stats-busy"))
                .withCommand("sh", "-c", "trap 'exit 0' TERM; while true; do seq 1 20000 > /dev/null; done")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(id);
        StatsHub hub = StatsHub.of(engine);
        assertThat(StatsHub.of(engine)).isSameAs(hub);
        int before = hub.openStreams();
        List<StatsSample> first = new CopyOnWriteArrayList<>();
        List<StatsSample> second = new CopyOnWriteArrayList<>();

        Subscription a = hub.watch(id, first::add);
        Subscription b = hub.watch(id, second::add);
        assertThat(hub.openStreams()).isEqualTo(before + 1);

        Await.until("two samples each", Duration.ofSeconds(15), () -> first.size() >= 3 && second.size() >= 2);
        StatsSample latest = first.get(first.size() - 1);
        assertThat(latest.running()).isTrue();
        assertThat(latest.cpuPercent()).as("a busy loop uses CPU").isGreaterThan(1);
        assertThat(latest.memoryUsed()).isPositive();
        assertThat(latest.memoryLimit()).isGreaterThan(latest.memoryUsed());
        assertThat(latest.pids()).isGreaterThanOrEqualTo(1);
        assertThat(hub.history(id)).hasSizeGreaterThanOrEqualTo(first.size());

        a.close();
        assertThat(hub.openStreams()).isEqualTo(before + 1);
        b.close();
        b.close();
        assertThat(hub.openStreams()).isEqualTo(before);
        assertThat(hub.history(id)).isEmpty();
    }

    @Test
    void aStackAddsUpItsContainers() {
        StatsHub hub = StatsHub.of(engine);
        String one = engine.containers().create(TestResources.sleeper("stack-one"));
        String two = engine.containers().create(TestResources.sleeper("stack-two"));
        engine.containers().start(one);
        engine.containers().start(two);
        List<StatsTotals> totals = new CopyOnWriteArrayList<>();
        try (StackStats stack = StackStats.watch(hub, List.of(one, two), totals::add)) {
            Await.until("both containers counted", Duration.ofSeconds(15),
                    () -> !totals.isEmpty() && totals.get(totals.size() - 1).containers() == 2);
            StatsTotals t = stack.totals();
            assertThat(t.memoryUsed()).isPositive();
            assertThat(t.pids()).isGreaterThanOrEqualTo(2);
        }
    }
}
