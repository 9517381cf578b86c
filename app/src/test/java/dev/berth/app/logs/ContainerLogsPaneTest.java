package dev.berth.app.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.app.common.AppServices;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.logs.MergedLogs;
import dev.berth.testing.RealEngine;
import dev.berth.testing.Screenshots;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import dev.berth.testing.UiTestSupport;
import dev.berth.ui.logview.LogLine;
import dev.berth.ui.logview.LogView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The logs panes on real containers, in a real window. */
@RealEngine
@ExtendWith(ApplicationExtension.class)
class ContainerLogsPaneTest {

    /** Coloured lines, an error on stderr, then a tick every 0.1 s; exits with code 2 on SIGTERM. */
    static final String COLOURED = String.join("; ",
            "trap 'exit 2' TERM",
            "printf '\\033[32mINFO\\033[0m server listening on \\033[1m:8080\\033[0m\\n'",
            "printf '\\033[33mWARN\\033[0m slow request \\033[4m/api/items\\033[0m took 1200 ms\\n'",
            "printf '\\033[1;31mERROR\\033[0m database connection refused\\n' >&2",
            "printf '\\033[38;5;208m256-colour orange\\033[0m and \\033[38;2;80;160;255mtrue-colour blue\\033[0m\\n'",
            "printf '\\033[7m inverse \\033[0m \\033[9mstruck\\033[0m \\033[3mitalic\\033[0m \\033[2mdim\\033[0m\\n'",
            "i=0",
            "while true; do i=$((i+1)); printf '\\033[36mDEBUG\\033[0m tick %d request handled in %d ms\\n' $i $((i*7%100)); sleep 0.1; done");

    private static Engine engine;
    private static AppServices services;
    private Stage stage;
    private StackPane host;
    private AutoCloseable pane;
    private ThemeManager theme;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
        services = UiTestSupport.services(engine);
    }


    @Start
    void start(Stage stage) {
        this.stage = stage;
        host = new StackPane();
        Scene scene = new Scene(host, 1180, 620);
        theme = new ThemeManager(null);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (pane != null) {
            AutoCloseable p = pane;
            robot.interact(() -> {
                try {
                    p.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        robot.interact(() -> theme.darkProperty().set(false));
    }

    static String startContainer(String suffix, String script) {
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name(suffix))
                .withCommand("sh", "-c", script)
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(id);
        return id;
    }

    private ContainerLogsPane showPane(FxRobot robot, String id) {
        ContainerLogsPane logs = new ContainerLogsPane(services);
        pane = logs;
        robot.interact(() -> {
            host.getChildren().setAll(logs.node());
            logs.show(id);
        });
        return logs;
    }

    private static boolean hasLine(LogView view, String text) {
        return view.getLines().stream().anyMatch(l -> l.text().contains(text));
    }

    @Test
    void showsAColouredLogAndFindsInIt(FxRobot robot) {
        String id = startContainer("logs-colour", COLOURED);
        ContainerLogsPane logs = showPane(robot, id);
        LogView view = logs.logView();

        UiTestSupport.waitUntil("ticks", 15, () -> hasLine(view, "tick 12"));
        // The view keeps taking lines on the FX thread: copy them there.
        List<LogLine> shown = UiTestSupport.onFx(() -> List.copyOf(view.getLines()));
        LogLine info = shown.stream().filter(l -> l.text().startsWith("INFO")).findFirst().orElseThrow();
        assertThat(info.text()).isEqualTo("INFO server listening on :8080");
        assertThat(info.spanCount()).isGreaterThan(1);
        LogLine error = shown.stream().filter(l -> l.text().startsWith("ERROR")).findFirst().orElseThrow();
        assertThat(error.kind()).isEqualTo(LogLine.Kind.ERROR);
        assertThat(shown).noneMatch(l -> l.text().contains("\u001b"));

        robot.clickOn("#log-search").write("request");
        robot.interact(view::searchNow);
        UiTestSupport.waitUntil("matches", 5, () -> view.matchCountProperty().get() >= 10);
        robot.clickOn("#log-next");
        assertThat(view.currentMatchProperty().get()).isPositive();
        assertThat(view.isFollow()).isFalse();
        robot.clickOn("#log-timestamps");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), "logs-coloured-search");

        robot.interact(() -> theme.darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, stage.getScene(), "logs-coloured-search-dark");
    }

    @Test
    void allLinesComeWithoutTimesWhileTheyAreHiddenAndShowingTimesReadsThemAgainWithTimes(FxRobot robot) {
        String id = startContainer("logs-all-times", "for i in $(seq 1 300); do echo \"line $i\"; done; "
                + "i=300; while true; do i=$((i+1)); echo \"line $i\"; sleep 0.1; done");
        ContainerLogsPane logs = showPane(robot, id);
        LogView view = logs.logView();
        UiTestSupport.waitUntil("the history", 15, () -> hasLine(view, "line 300"));
        robot.interact(() -> {
            ComboBox<LogHistory> history = robot.lookup("#log-history").queryComboBox();
            history.getSelectionModel().select(history.getItems().stream()
                    .filter(h -> h.label().equals("All lines")).findFirst().orElseThrow());
        });
        UiTestSupport.waitUntil("the whole log again, then live lines", 15, () -> view.getLines().stream().anyMatch(l -> l.text().equals("line 1"))
                && view.getLines().stream().anyMatch(l -> l.text().startsWith("line ") && l.hasTime()));
        assertThat(UiTestSupport.onFx(() -> view.getLines().get(0)).hasTime()).as("the history's lines, read without times").isFalse();

        robot.clickOn("#log-timestamps");

        UiTestSupport.waitUntil("every line with its time", 15, () -> view.getLines().stream().anyMatch(l -> l.text().equals("line 1"))
                && view.getLines().stream().allMatch(LogLine::hasTime));
        List<String> texts = UiTestSupport.onFx(() -> view.getLines().stream().map(LogLine::text)
                .filter(t -> t.startsWith("line ")).toList());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i)).isEqualTo("line " + (i + 1));
        }
    }

    @Test
    void scrollingBackHoldsTheViewWhileLinesArriveAndJumpToEndFollowsAgain(FxRobot robot) {
        String id = startContainer("logs-scroll", "i=0; while true; do i=$((i+1)); echo \"line $i\"; sleep 0.02; done");
        ContainerLogsPane logs = showPane(robot, id);
        LogView view = logs.logView();
        UiTestSupport.waitUntil("a screenful", 15, () -> view.getLines().size() > 80);

        robot.moveTo("#container-logs #log-lines").scroll(15, VerticalDirection.UP);
        UiTestSupport.waitUntil("follow off", 5, () -> !view.isFollow());
        int before = view.getLines().size();
        UiTestSupport.waitUntil("more lines", 10, () -> view.getLines().size() > before + 20);
        assertThat(view.isFollow()).isFalse();
        assertThat(robot.lookup("#log-jump-to-end").queryButton().isVisible()).isTrue();

        robot.clickOn("#log-jump-to-end");
        UiTestSupport.waitUntil("following", 5, view::isFollow);
    }

    @Test
    void aRestartAndARemovalShowAsNotesAndTheLogContinues(FxRobot robot) throws Exception {
        String id = startContainer("logs-restart", "trap 'exit 1' TERM; echo run; i=0; while true; do i=$((i+1)); echo \"line $i\"; sleep 0.1; done");
        ContainerLogsPane logs = showPane(robot, id);
        LogView view = logs.logView();
        UiTestSupport.waitUntil("first lines", 15, () -> hasLine(view, "line 3"));

        engine.containers().restart(id);
        UiTestSupport.waitUntil("the second run", 20, () -> view.getLines().stream().filter(l -> l.text().equals("run")).count() == 2
                && view.getLines().stream().filter(l -> l.text().equals("line 2")).count() == 2);
        assertThat(UiTestSupport.onFx(() -> List.copyOf(view.getLines()))).anyMatch(l -> l.kind() == LogLine.Kind.NOTE
                && (l.text().equals("Container exited with code 1") || l.text().equals("Container restarted")));

        engine.containers().remove(id, true, false);
        UiTestSupport.waitUntil("the removal note", 15, () -> view.getLines().stream()
                .anyMatch(l -> l.kind() == LogLine.Kind.NOTE && l.text().equals("Container removed")));
    }

    @Test
    void savesTheWholeLogOrTheFilteredLines(FxRobot robot, @TempDir Path dir) throws Exception {
        String id = startContainer("logs-save", "for i in 1 2 3 4 5 6; do echo \"line $i\"; done; sleep 0.5; echo 'oops' >&2; sleep 30");
        ContainerLogsPane logs = showPane(robot, id);
        LogView view = logs.logView();
        UiTestSupport.waitUntil("all lines", 15, () -> hasLine(view, "oops"));

        Path all = dir.resolve("all.log");
        robot.interact(() -> view.save(all, false));
        UiTestSupport.waitUntil("saved", 10, () -> Files.exists(all) && fileLines(all).size() == 7);
        assertThat(fileLines(all)).containsExactly("line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "oops");

        robot.clickOn("#log-search").write("line [246]");
        robot.clickOn("#log-regex");
        robot.clickOn("#log-filter");
        robot.interact(view::searchNow);
        Path filtered = dir.resolve("filtered.log");
        int written = WaitForAsyncUtils.asyncFx(() -> view.save(filtered, true)).get().get(10, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(3);
        assertThat(fileLines(filtered)).containsExactly("line 2", "line 4", "line 6");
    }

    private static List<String> fileLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void aggregatesSeveralContainersWithNamedPrefixesInTimeOrderAndTogglesASource(FxRobot robot) {
        String web = startContainer("agg-web", "i=0; while true; do i=$((i+1)); echo \"GET /items $i\"; sleep 0.15; done");
        String db = startContainer("agg-db", "i=0; while true; do i=$((i+1)); echo \"query $i\"; sleep 0.2; done");
        AggregatedLogsPane logs = new AggregatedLogsPane(services,
                List.of(new MergedLogs.Source(web, "web"), new MergedLogs.Source(db, "db")));
        pane = logs;
        robot.interact(() -> host.getChildren().setAll(logs.node()));
        LogView view = logs.logView();

        UiTestSupport.waitUntil("both sources", 15, () -> hasLine(view, "GET /items 8") && hasLine(view, "query 6"));
        List<LogLine> lines = UiTestSupport.onFx(() -> List.copyOf(view.getLines()));
        assertThat(lines).allMatch(l -> l.source() != null);
        long previous = Long.MIN_VALUE;
        for (LogLine line : lines) {
            assertThat(line.timeNanos()).as("merged in time order").isGreaterThanOrEqualTo(previous);
            previous = line.timeNanos();
        }
        robot.clickOn("#log-timestamps");
        Screenshots.save(robot, stage.getScene(), "logs-aggregated");

        robot.clickOn("#log-source-db");
        assertThat(UiTestSupport.onFx(() -> List.copyOf(view.getShownLines()))).isNotEmpty().allMatch(l -> l.source().name().equals("web"));
    }
}
