package dev.berth.ui.badge;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BadgeTest {

    private Badge badge;

    @Start
    void start(Stage stage) {
        badge = new Badge("running", Badge.Tone.SUCCESS);
        stage.setScene(new Scene(new StackPane(badge), 200, 80));
        stage.show();
    }

    @Test
    void changingTheToneSwapsExactlyOneToneStyleClass(FxRobot robot) {
        robot.interact(() -> badge.setTone(Badge.Tone.DANGER));

        assertThat(badge.getStyleClass()).contains("badge", "badge-danger")
                .doesNotContain("badge-success", "badge-neutral");
    }

    @Test
    void toneColoursTheBackground(FxRobot robot) {
        robot.interact(() -> badge.setTone(Badge.Tone.SUCCESS));
        robot.interact(() -> badge.applyCss());
        var green = badge.getBackground().getFills().get(0).getFill();

        robot.interact(() -> badge.setTone(Badge.Tone.DANGER));
        robot.interact(() -> badge.applyCss());
        var red = badge.getBackground().getFills().get(0).getFill();

        assertThat(green).isNotEqualTo(red);
    }
}
