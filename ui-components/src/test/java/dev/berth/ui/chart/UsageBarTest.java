package dev.berth.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class UsageBarTest {

    private UsageBar bar;

    @Start
    void start(Stage stage) {
        bar = new UsageBar();
        bar.setMaxSize(200, 12);
        bar.setPrefSize(200, 12);
        stage.setScene(new Scene(new StackPane(bar), 260, 60));
        stage.show();
    }

    @Test
    void theValueTakesItsShareOfTheScaleAndThePartItsShareOfTheValue(FxRobot robot) {
        robot.interact(() -> {
            bar.setScale(1000);
            bar.setValue(500);
            bar.setPart(100);
        });
        WaitForAsyncUtils.waitForFxEvents();

        double inner = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        assertThat(bar.valueWidth()).isCloseTo(inner / 2, within(0.5));
        assertThat(bar.partWidth()).isCloseTo(inner / 10, within(0.5));
        assertThat(bar.getChildrenUnmodifiable().get(1).getLayoutX() + bar.partWidth())
                .isCloseTo(bar.snappedLeftInset() + inner / 2, within(0.5));
    }

    @Test
    void nothingToScaleAgainstDrawsNothingAndTooMuchIsCappedAtTheTrack(FxRobot robot) {
        robot.interact(() -> {
            bar.setScale(0);
            bar.setValue(300);
        });
        assertThat(bar.valueWidth()).isZero();

        robot.interact(() -> {
            bar.setScale(100);
            bar.setValue(300);
            bar.setPart(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double inner = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        assertThat(bar.valueWidth()).isCloseTo(inner, within(0.5));
        assertThat(bar.partWidth()).isCloseTo(inner, within(0.5));
    }
}
