package dev.berth.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CanvasTextTest {

    private CanvasText text;
    private StackPane parent;

    @Start
    void start(Stage stage) {
        text = new CanvasText();
        text.setFill(Color.BLACK);
        text.setAlignment(TextAlignment.RIGHT);
        parent = new StackPane(text);
        parent.setStyle("-fx-background-color: white;");
        stage.setScene(new Scene(parent, 200, 40));
        stage.show();
    }

    @Test
    void newTextIsPaintedWithoutAskingForALayout(FxRobot robot) {
        robot.interact(() -> text.setText("12.5 %"));
        robot.interact(() -> { });
        assertThat(dark(robot, 100, 200)).as("the text is painted at the right").isPositive();
        assertThat(dark(robot, 0, 100)).as("right-aligned: nothing at the left").isZero();

        boolean[] laidOut = new boolean[1];
        robot.interact(() -> {
            text.setText("99.9 %");
            laidOut[0] = parent.isNeedsLayout() || text.isNeedsLayout();
        });
        assertThat(laidOut[0]).as("a new text needs no layout").isFalse();
        assertThat(text.getText()).isEqualTo("99.9 %");

        robot.interact(() -> text.setAlignment(TextAlignment.LEFT));
        assertThat(dark(robot, 0, 100)).as("left-aligned now").isPositive();
        robot.interact(() -> text.setText(null));
        assertThat(dark(robot, 0, 200)).as("no text, nothing painted").isZero();
    }

    /** Dark pixels in columns [from, to) of the text's snapshot. */
    private int dark(FxRobot robot, int from, int to) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = parent.snapshot(null, null));
        int count = 0;
        for (int x = from; x < Math.min(to, (int) shot[0].getWidth()); x++) {
            for (int y = 0; y < shot[0].getHeight(); y++) {
                if (shot[0].getPixelReader().getColor(x, y).getBrightness() < 0.5) {
                    count++;
                }
            }
        }
        return count;
    }
}
