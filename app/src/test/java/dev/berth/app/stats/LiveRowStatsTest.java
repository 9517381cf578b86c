package dev.berth.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Notifier;
import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Engine;
import dev.berth.stats.StatsHub;
import dev.berth.stats.StatsSample;
import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Table rows fed from the shared stats streams, without a window (updates on the calling thread). */
@RealEngine
class LiveRowStatsTest {

    private static Engine engine;

    /** A stand-in row: an ID and a state, like the containers table's rows. */
    private record Row(String id, ObjectProperty<ContainerState> state) {
    }

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }


    @Test
    void runningRowsGetLiveNumbersAndStoppedOrRemovedRowsStopBeingWatched() {
        String id = engine.containers().create(TestResources.sleeper("row-stats"));
        engine.containers().start(id);
        AppServices services = new AppServices(engine, BackgroundExecutor.sameThread(), Notifier.silent());
        StatsHub hub = StatsHub.of(engine);
        int before = hub.openStreams();
        Row running = new Row(id, new SimpleObjectProperty<>(ContainerState.RUNNING));
        Row stopped = new Row("not-running", new SimpleObjectProperty<>(ContainerState.EXITED));
        ObservableList<Row> rows = FXCollections.observableArrayList(running, stopped);
        Map<Row, StatsSample> shown = new ConcurrentHashMap<>();

        try (LiveRowStats<Row> live = new LiveRowStats<>(services, rows, Row::id, Row::state, (row, sample) -> {
            if (sample == null) {
                shown.remove(row);
            } else {
                shown.put(row, sample);
            }
            return true;
        })) {
            assertThat(live.watchedCount()).isEqualTo(1);
            assertThat(hub.openStreams()).isEqualTo(before + 1);
            Await.until("numbers for the running row", Duration.ofSeconds(15), () -> shown.containsKey(running));
            assertThat(shown.get(running).memoryUsed()).isPositive();
            assertThat(shown).doesNotContainKey(stopped);

            running.state().set(ContainerState.EXITED);
            assertThat(live.watchedCount()).isZero();
            assertThat(shown).doesNotContainKey(running);
            assertThat(hub.openStreams()).isEqualTo(before);

            running.state().set(ContainerState.RUNNING);
            assertThat(live.watchedCount()).isEqualTo(1);
            rows.remove(running);
            assertThat(live.watchedCount()).isZero();
            assertThat(hub.openStreams()).isEqualTo(before);
        }
    }
}
