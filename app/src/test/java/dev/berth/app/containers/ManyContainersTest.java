package dev.berth.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 500 containers in the table: a change the engine reports updates its one row in place; the
 * table is never rebuilt (the same tree items and rows before and after, no rows removed and
 * added back).
 */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ManyContainersTest {

    private static final int COUNT = 500;
    private static Engine engine;
    private static final List<String> ids = new ArrayList<>();
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void createMany() throws Exception {
        engine = TestEngine.shared();
        // Created, not started, eight at a time: the engine's slowest part is starting them.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                String suffix = String.format("many-%03d", i);
                created.add(pool.submit(() -> engine.containers().create(TestResources.sleeper(suffix))));
            }
            for (Future<String> f : created) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    static void removeMany() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> removed = new ArrayList<>();
            for (ContainerSummary c : engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID)) {
                removed.add(pool.submit(() -> engine.containers().remove(c.id(), true, true)));
            }
            for (Future<?> f : removed) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = UiTestSupport.show(stage, engine, new ThemeManager(null));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.close());
    }

    @Test
    void anEngineEventUpdatesItsRowInPlaceWithoutRebuildingTheTable(FxRobot robot) {
        robot.interact(() -> robot.lookup("#container-filter").queryAs(TextField.class)
                .setText(TestResources.RUN_ID + " many-"));
        UiTestSupport.waitUntil("all " + COUNT + " rows are shown", 60,
                () -> ContainersUi.table(robot).getRoot().getChildren().size() == COUNT);

        Map<TreeItem<ContainerEntry>, ContainerEntry> before = new IdentityHashMap<>();
        AtomicInteger structural = new AtomicInteger();
        robot.interact(() -> {
            for (TreeItem<ContainerEntry> item : ContainersUi.table(robot).getRoot().getChildren()) {
                before.put(item, item.getValue());
            }
            ContainersUi.table(robot).getRoot().getChildren().addListener((ListChangeListener<TreeItem<ContainerEntry>>) c -> {
                while (c.next()) {
                    if (c.wasAdded() || c.wasRemoved()) {
                        structural.incrementAndGet();
                    }
                }
            });
        });
        String started = ids.get(123);
        String renamed = ids.get(321);
        TreeItem<ContainerEntry> startedItem = itemOf(robot, started);
        TreeItem<ContainerEntry> renamedItem = itemOf(robot, renamed);

        engine.containers().start(started);
        engine.containers().rename(renamed, TestResources.name("many-renamed"));

        UiTestSupport.waitUntil("the started container's row shows running", 20,
                () -> startedItem.getValue().stateProperty().getValue() == ContainerState.RUNNING);
        UiTestSupport.waitUntil("the renamed container's row shows its new name", 20,
                () -> TestResources.name("many-renamed").equals(renamedItem.getValue().nameProperty().getValue()));
        robot.interact(() -> { });

        robot.interact(() -> {
            List<TreeItem<ContainerEntry>> after = ContainersUi.table(robot).getRoot().getChildren();
            assertThat(after).hasSize(COUNT);
            assertThat(after).allSatisfy(item -> {
                assertThat(before).containsKey(item);
                assertThat(item.getValue()).isSameAs(before.get(item));
            });
        });
        assertThat(structural.get()).as("rows removed or added while two rows changed").isZero();
        assertThat(itemOf(robot, started)).isSameAs(startedItem);
        assertThat(itemOf(robot, renamed)).isSameAs(renamedItem);
        Screenshots.save(robot, stage.getScene(), "containers-500");
    }

    private static TreeItem<ContainerEntry> itemOf(FxRobot robot, String id) {
        List<TreeItem<ContainerEntry>> found = new ArrayList<>();
        robot.interact(() -> ContainersUi.table(robot).getRoot().getChildren().stream()
                .filter(i -> i.getValue() instanceof ContainerRow row && row.id().equals(id)).forEach(found::add));
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
