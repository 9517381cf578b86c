package dev.berth.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Notifier;
import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.PortMapping;
import dev.berth.testing.Await;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model on the real engine, without a window (results delivered on the calling thread). */
@RealEngine
class ContainersViewModelTest {

    private static final Engine engine = TestEngine.shared();
    private final List<String> errors = new ArrayList<>();
    private ContainersViewModel model;
    /** Stands in for the FX thread: the model is only touched from here. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createModel() {
        Notifier notifier = new Notifier() {
            @Override
            public void info(String message) {
            }

            @Override
            public void show(String title, String message, boolean isError) {
                errors.add(title + ": " + message);
            }
        };
        model = new ContainersViewModel(new AppServices(engine, BackgroundExecutor.withUi(ui::execute), notifier));
        onUi(() -> {
            model.attach();
            return null;
        });
    }

    @AfterEach
    void closeModel() {
        onUi(() -> {
            model.close();
            return null;
        });
        ui.shutdownNow();
    }

    private <T> T onUi(Callable<T> read) {
        try {
            return ui.submit(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eventsUpdateTheSameRowInPlaceAndRemoveItOnDestroy() {
        String id = engine.containers().create(TestResources.sleeper("vm-inplace"));
        ContainerRow row = awaitRow(id);
        assertThat(onUi(row::state)).isEqualTo(ContainerState.CREATED);

        engine.containers().start(id);
        Await.until("row shows running", () -> onUi(row::state) == ContainerState.RUNNING);
        assertThat(rowOf(id)).containsSame(row);
        // The CPU and memory cells fill in from the container's stats stream while it runs.
        Await.until("live CPU and memory", () -> onUi(() -> !Double.isNaN(row.cpuPercentProperty().get())
                && row.memoryBytesProperty().get() > 0 && row.cpuHistoryProperty().get().length > 0));

        engine.containers().stop(id);
        Await.until("row shows exited", () -> onUi(row::state) == ContainerState.EXITED);
        Await.until("no CPU for a stopped container", () -> onUi(() -> Double.isNaN(row.cpuPercentProperty().get())
                && row.memoryBytesProperty().get() < 0));
        assertThat(onUi(row.statusProperty()::get)).startsWith("Exited (0)");
        assertThat(rowOf(id)).containsSame(row);

        engine.containers().remove(id, true, false);
        Await.until("row removed", () -> rowOf(id).isEmpty());
    }

    @Test
    void aFailedActionIsReportedWithTheEnginesMessageAndTheOthersStillRun() {
        String id = engine.containers().create(TestResources.sleeper("vm-partial"));
        ContainerRow real = awaitRow(id);
        ContainerRow ghost = new ContainerRow(summary("0000000000000000000000000000000000000000000000000000000000000000",
                "ghost"));

        onUi(() -> {
            model.start(List.of(ghost, real));
            return null;
        });

        Await.until("the real container started", () -> onUi(real::state) == ContainerState.RUNNING);
        Await.until("the report arrives", () -> onUi(() -> model.lastReportProperty().get()) != null);
        BulkReport report = onUi(() -> model.lastReportProperty().get());
        assertThat(report.action()).isEqualTo(BulkAction.START);
        assertThat(report.outcomes()).extracting(BulkReport.Outcome::name).containsExactly("ghost", real.name());
        assertThat(report.outcomes().get(0).failure()).startsWith("No such container");
        assertThat(report.outcomes().get(1).succeeded()).isTrue();
        assertThat(report.summary()).isEqualTo("Started 1 of 2 containers; 1 failed");
        assertThat(onUi(() -> List.copyOf(errors))).as("several containers report in the pane, not in toasts").isEmpty();

        onUi(() -> {
            model.stop(List.of(ghost));
            return null;
        });
        Await.until("a single failure is told as a toast", () -> onUi(() -> List.copyOf(errors)).size() == 1);
        assertThat(onUi(() -> List.copyOf(errors))).singleElement().asString()
                .startsWith("Could not stop ghost: No such container");
    }

    @Test
    void theRemovalQuestionNamesEachContainerAndTheRunningOnes() {
        ContainerRow web = new ContainerRow(summary("a".repeat(64), "web"));
        ContainerRow db = new ContainerRow(new ContainerSummary("b".repeat(64), "db", "postgres", "sha256:1",
                ContainerState.RUNNING, "Up 2 minutes", List.of(), Instant.now(), Map.of(), "postgres"));

        ContainersViewModel.RemovalQuestion one = ContainersViewModel.removalQuestion(List.of(web));
        ContainersViewModel.RemovalQuestion two = ContainersViewModel.removalQuestion(List.of(web, db));

        assertThat(one.title()).isEqualTo("Remove container web?");
        assertThat(one.body()).contains("web").doesNotContain("Still running");
        assertThat(two.title()).isEqualTo("Remove 2 containers?");
        assertThat(two.body()).contains("web, db").contains("Still running, will be stopped first: db.");
    }

    private static ContainerSummary summary(String id, String name) {
        return new ContainerSummary(id, name, "busybox", "sha256:0", ContainerState.CREATED, "Created",
                List.<PortMapping>of(), Instant.now(), Map.of(), "sh");
    }

    private Optional<ContainerRow> rowOf(String id) {
        return onUi(() -> model.rows().stream().filter(r -> r.id().equals(id)).findFirst());
    }

    private ContainerRow awaitRow(String id) {
        try {
            Await.until("row for " + id, () -> rowOf(id).isPresent());
        } catch (AssertionError e) {
            // Say what the engine and the model saw, so a failure under load can be understood.
            throw new AssertionError(e.getMessage() + "; engine " + engine.state().phase()
                    + ", engine lists it: " + engine.containers().find(id).isPresent()
                    + ", model rows: " + onUi(() -> model.rows().size())
                    + ", loading: " + onUi(() -> model.loadingProperty().get()), e);
        }
        return rowOf(id).orElseThrow();
    }
}
