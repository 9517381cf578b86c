package dev.berth.ui.logview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LogViewTest {

    private LogView view;

    @Start
    void start(Stage stage) {
        view = new LogView();
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    private static List<LogLine> lines(int from, int count) {
        List<LogLine> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(LogLine.of("line " + i + (i % 10 == 0 ? " ERROR disk full" : " ok")));
        }
        return out;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    private static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private LogViewSkin skin() {
        return (LogViewSkin) view.getSkin();
    }

    @Test
    void linesAppendedFromAnotherThreadArriveInBatchesAndTheViewFollowsTheEnd(FxRobot robot) throws Exception {
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 50; i++) {
                view.append(lines(i * 100, 100));
            }
        });
        producer.start();
        producer.join();

        waitFor("5000 lines", () -> view.getLines().size() == 5000);
        waitFor("the last line in view", () -> skin().isAtEnd());
        assertThat(view.isFollow()).isTrue();
        assertThat(view.getLines().get(4999).text()).isEqualTo("line 4999 ok");
    }

    @Test
    void searchCountsEveryOccurrenceAndNextPreviousWalkThroughThem(FxRobot robot) {
        view.append(lines(0, 1000));
        waitFor("lines", () -> view.getLines().size() == 1000);

        robot.clickOn("#log-search").write("error");
        waitFor("100 matches", () -> view.matchCountProperty().get() == 100);
        assertThat(robot.lookup("#log-match-count").queryLabeled().getText()).isEqualTo("100 matches");

        robot.interact(() -> view.findNext());
        long first = view.currentMatchProperty().get();
        assertThat(first).isPositive();
        robot.interact(() -> view.findNext());
        assertThat(view.currentMatchProperty().get()).isEqualTo(first + 1);
        robot.interact(() -> view.findPrevious());
        assertThat(view.currentMatchProperty().get()).isEqualTo(first);
        assertThat(view.isFollow()).as("moving to a match stops following").isFalse();
        assertThat(view.getSelectedLines()).singleElement().extracting(LogLine::text).asString().contains("ERROR");

        robot.clickOn("#log-match-case");
        waitFor("case-sensitive search finds none", () -> view.matchCountProperty().get() == 0);
        robot.clickOn("#log-match-case");
        robot.clickOn("#log-regex");
        robot.interact(() -> view.setSearchText("line \\d*0 ERROR"));
        robot.interact(view::searchNow);
        assertThat(view.matchCountProperty().get()).isEqualTo(100);
        robot.interact(() -> view.setSearchText("line ("));
        robot.interact(view::searchNow);
        assertThat(view.searchErrorProperty().get()).isNotNull();
        assertThat(view.matchCountProperty().get()).isZero();
    }

    @Test
    void matchesAreHighlightedBehindTheText(FxRobot robot) {
        view.append(List.of(LogLine.of("alpha beta gamma beta")));
        waitFor("line", () -> view.getLines().size() == 1);
        robot.interact(() -> {
            view.setSearchText("beta");
            view.searchNow();
            view.findNext();
        });
        LineLayout layout = onFx(() -> LineLayout.of(view.getShownLines().get(0), skin().lineStyle()));
        assertThat(layout.backgroundCount).isEqualTo(2);
        assertThat(layout.chars.substring(layout.backgroundStart[0], layout.backgroundEnd[0])).isEqualTo("beta");
        assertThat(layout.backgroundStart[1]).isEqualTo(17);
        assertThat(layout.backgroundFill[0]).isEqualTo(TerminalPalette.LIGHT.currentMatch());
        assertThat(layout.backgroundFill[1]).isEqualTo(TerminalPalette.LIGHT.match());
    }

    @Test
    void filterModeShowsOnlyMatchingLinesAndKeepsFilteringNewOnes(FxRobot robot) {
        view.append(lines(0, 200));
        waitFor("lines", () -> view.getLines().size() == 200);
        robot.interact(() -> {
            view.setSearchText("ERROR");
            view.setFilterMode(true);
            view.searchNow();
        });
        assertThat(view.getShownLines()).hasSize(20).allMatch(l -> l.text().contains("ERROR"));

        view.append(lines(200, 100));
        waitFor("new matching lines shown", () -> view.getShownLines().size() == 30);
        assertThat(view.matchCountProperty().get()).isEqualTo(30);
        view.append(List.of(LogLine.note("container restarted", LogLine.NO_TIME)));
        waitFor("notes stay visible", () -> view.getShownLines().size() == 31);

        robot.interact(() -> view.setFilterMode(false));
        assertThat(view.getShownLines()).hasSize(301);
    }

    @Test
    void scrollingUpStopsFollowingAndJumpToEndResumes(FxRobot robot) {
        view.append(lines(0, 2000));
        waitFor("lines at the end", () -> view.getLines().size() == 2000 && skin().isAtEnd());

        robot.moveTo("#log-lines").scroll(10, VerticalDirection.UP);
        waitFor("follow off", () -> !view.isFollow());
        int firstVisible = onFx(() -> skin().firstVisibleIndex());
        LogLine topLine = onFx(() -> view.getShownLines().get(firstVisible));

        view.append(lines(2000, 500));
        waitFor("new lines taken in", () -> view.getLines().size() == 2500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.getShownLines().get(skin().firstVisibleIndex()))).as("the view stays put")
                .isEqualTo(topLine);
        assertThat(robot.lookup("#log-jump-to-end").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#log-jump-to-end").queryButton().getText()).contains("500 new");

        robot.clickOn("#log-jump-to-end");
        waitFor("following again at the end", () -> view.isFollow() && skin().isAtEnd());
        view.append(lines(2500, 10));
        waitFor("still at the end", () -> view.getLines().size() == 2510 && skin().isAtEnd());
    }

    @Test
    void theLineBeingReadStaysInPlaceWhileOldLinesAreDroppedBelowTheCap(FxRobot robot) {
        robot.interact(() -> view.setMaxLines(1000));
        view.append(lines(0, 1000));
        waitFor("full", () -> view.getLines().size() == 1000 && skin().isAtEnd());
        robot.moveTo("#log-lines").scroll(5, VerticalDirection.UP);
        waitFor("follow off", () -> !view.isFollow());
        LogLine top = onFx(() -> view.getShownLines().get(skin().firstVisibleIndex()));

        view.append(lines(1000, 300));
        waitFor("300 dropped", () -> view.droppedCountProperty().get() == 300);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> view.getShownLines().get(skin().firstVisibleIndex()))).isEqualTo(top);
        assertThat(view.getLines().get(0).text()).startsWith("line 300 ");
    }

    @Test
    void wrappingGivesALongLineSeveralRowsAndFollowStillShowsTheEnd(FxRobot robot) {
        view.append(lines(0, 100));
        view.append(List.of(LogLine.of("long " + "word ".repeat(600))));
        waitFor("lines", () -> view.getLines().size() == 101);
        robot.interact(() -> view.setWrapText(true));
        WaitForAsyncUtils.waitForFxEvents();
        LineFlow flow = skin().flow();
        LineLayout last = onFx(() -> LineLayout.of(view.getShownLines().get(100), skin().lineStyle()));
        int columns = onFx(() -> (int) Math.floor((flow.getWidth() - 40) / skin().lineStyle().advance));
        assertThat(last.rows(columns)).isGreaterThan(3);
        waitFor("the end of the wrapped line in view", () -> skin().isAtEnd());

        robot.interact(() -> view.setWrapText(false));
        waitFor("still at the end", () -> skin().isAtEnd());
    }

    @Test
    void theLineCapDropsTheOldestAndSaysSo(FxRobot robot) {
        robot.interact(() -> view.setMaxLines(1000));
        for (int i = 0; i < 30; i++) {
            view.append(lines(i * 100, 100));
        }
        waitFor("capped", () -> view.getLines().size() == 1000 && view.droppedCountProperty().get() == 2000);
        assertThat(view.getLines().get(0).text()).startsWith("line 2000 ");
        assertThat(robot.lookup("#log-dropped").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#log-dropped").queryLabeled().getText()).contains("2,000 older lines were dropped");

        robot.clickOn("#log-clear");
        assertThat(view.getLines()).isEmpty();
        assertThat(robot.lookup("#log-dropped").queryLabeled().isVisible()).isFalse();
    }

    @Test
    void savesAllLinesOrOnlyTheShownOnes(FxRobot robot, @TempDir Path dir) throws Exception {
        view.append(lines(0, 50));
        waitFor("lines", () -> view.getLines().size() == 50);
        robot.interact(() -> {
            view.setSearchText("ERROR");
            view.setFilterMode(true);
            view.searchNow();
        });

        Path all = dir.resolve("all.log");
        Path shown = dir.resolve("shown.log");
        assertThat(onFx(() -> view.save(all, false)).get(10, TimeUnit.SECONDS)).isEqualTo(50);
        assertThat(onFx(() -> view.save(shown, true)).get(10, TimeUnit.SECONDS)).isEqualTo(5);

        assertThat(Files.readAllLines(all)).hasSize(50).startsWith("line 0 ERROR disk full", "line 1 ok");
        assertThat(Files.readAllLines(shown)).containsExactly("line 0 ERROR disk full", "line 10 ERROR disk full",
                "line 20 ERROR disk full", "line 30 ERROR disk full", "line 40 ERROR disk full");
    }

    @Test
    void clickingAndShiftClickingSelectsLinesAndStopsFollowing(FxRobot robot) {
        view.append(lines(0, 5));
        waitFor("lines", () -> view.getLines().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        LineFlow flow = skin().flow();
        robot.clickOn(flow.localToScreen(60, onFx(() -> flow.centerOf(1))));
        robot.press(javafx.scene.input.KeyCode.SHIFT).clickOn(flow.localToScreen(60, onFx(() -> flow.centerOf(3))))
                .release(javafx.scene.input.KeyCode.SHIFT);

        assertThat(onFx(view::getSelectedLines)).extracting(LogLine::text)
                .containsExactly("line 1 ok", "line 2 ok", "line 3 ok");
        assertThat(view.isFollow()).isFalse();
    }

    @Test
    void selectedLinesAreCopiedAsPlainText(FxRobot robot) {
        view.append(lines(0, 5));
        waitFor("lines", () -> view.getLines().size() == 5);
        robot.interact(() -> {
            view.select(1, 2);
            robot.lookup("#log-lines").query().requestFocus();
        });
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C, javafx.scene.input.KeyCode.CONTROL);
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("line 1 ok\nline 2 ok\n");
    }

    @Test
    void hidingASourceHidesItsLines(FxRobot robot) {
        LogSource web = new LogSource("web");
        LogSource db = new LogSource("db");
        robot.interact(() -> view.getSources().setAll(web, db));
        view.append(List.of(LogLine.builder("GET /").source(web).build(), LogLine.builder("ready").source(db).build(),
                LogLine.builder("GET /health").source(web).build()));
        waitFor("lines", () -> view.getLines().size() == 3);

        robot.clickOn("#log-source-web");

        assertThat(view.getShownLines()).extracting(LogLine::text).containsExactly("ready");
        assertThat(new LogSource("web").colorSlot()).as("a source keeps its colour").isEqualTo(web.colorSlot());
    }

    @Test
    void ansiStylesAreDrawnAndAVeryLongLineIsCutWithAMarker(FxRobot robot) {
        robot.interact(() -> view.setMaxLineLength(50));
        LogLine red = LogLine.builder("FAIL compile").style(0, 4, SpanStyle.foreground(TermColor.indexed(1)).withBold(true))
                .build();
        view.append(List.of(red, LogLine.builder("x".repeat(200)).omitted(1000).build()));
        waitFor("lines", () -> view.getLines().size() == 2);

        LineLayout styled = onFx(() -> LineLayout.of(view.getShownLines().get(0), skin().lineStyle()));
        assertThat(styled.chars).isEqualTo("FAIL compile");
        assertThat(styled.runFill[0]).isEqualTo(TerminalPalette.LIGHT.resolve(TermColor.indexed(1), Color.BLACK));
        assertThat(styled.runFont[0].getStyle()).containsIgnoringCase("bold");
        assertThat(styled.runFill[1]).isEqualTo(TerminalPalette.LIGHT.foreground());

        LineLayout cut = onFx(() -> LineLayout.of(view.getShownLines().get(1), skin().lineStyle()));
        assertThat(cut.chars).startsWith("x".repeat(50) + " ").contains("1,150 more characters").doesNotContain("x".repeat(51));
    }

    @Test
    void tabsAndWideCharactersKeepTheGrid(FxRobot robot) {
        view.append(List.of(LogLine.of("a\tb \u65e5\u672c z")));
        waitFor("line", () -> view.getLines().size() == 1);
        LineLayout layout = onFx(() -> LineLayout.of(view.getShownLines().get(0), skin().lineStyle()));
        assertThat(layout.chars).isEqualTo("a       b \u65e5\u672c z");
        assertThat(layout.columns[layout.chars.indexOf('z')]).isEqualTo(15);
        assertThat(layout.rows(10)).isEqualTo(2);
    }
}
