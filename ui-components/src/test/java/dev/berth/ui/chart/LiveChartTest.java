package dev.berth.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveChartTest {

    private LiveChart chart;
    private ChartSeries used;
    private Sparkline sparkline;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("CPU");
        used = new ChartSeries("used", Color.web("#0969da"));
        chart.getSeries().add(used);
        chart.setValueFormat(v -> String.format("%.1f%%", v));
        sparkline = new Sparkline();
        sparkline.setPrefSize(120, 30);
        stage.setScene(new Scene(new VBox(chart, sparkline), 500, 260));
        stage.show();
    }

    @Test
    void theAxisEndsAtARoundNumberAboveTheDataAndAtLeastTheMinimum(FxRobot robot) {
        assertThat(LiveChart.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(LiveChart.niceCeiling(7)).isEqualTo(10);
        assertThat(LiveChart.niceCeiling(180)).isEqualTo(200);
        assertThat(LiveChart.niceCeiling(2.2)).isEqualTo(2.5);
        assertThat(LiveChart.niceCeiling(1000)).isEqualTo(1000);

        long now = 1_000_000;
        robot.interact(() -> used.add(now, 0.01));
        assertThat(chart.axisMax()).as("an idle line does not fill the chart").isEqualTo(1);
        robot.interact(() -> used.add(now + 1000, 42));
        assertThat(chart.axisMax()).isEqualTo(50);
        robot.interact(() -> chart.setFixedMax(100));
        assertThat(chart.axisMax()).isEqualTo(100);
    }

    @Test
    void pointsOlderThanTheWindowAreDropped() {
        TimeSeries series = new TimeSeries(5000);
        for (int i = 0; i < 200; i++) {
            series.add(i * 1000L, i);
        }
        assertThat(series.size()).isEqualTo(6);
        assertThat(series.time(0)).isEqualTo(194_000);
        assertThat(series.latest()).isEqualTo(199);
        assertThat(series.max(0)).isEqualTo(199);
    }

    @Test
    void theLegendShowsTheCurrentValueBesideTheName(FxRobot robot) {
        robot.interact(() -> {
            used.add(1000, 3.25);
            used.add(2000, 12.5);
        });
        Label value = robot.lookup(".chart-series-value").queryAs(Label.class);
        assertThat(value.getText()).isEqualTo("12.5%");
    }

    @Test
    void theLineIsDrawnInTheSeriesColour(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 60; i++) {
                used.add(i * 5000L, 50);
            }
            sparkline.setValues(new double[] {1, 5, 3, 9, 4});
        });
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = chart.snapshot(null, null));
        boolean found = false;
        for (int y = 0; y < image[0].getHeight() && !found; y++) {
            for (int x = 0; x < image[0].getWidth(); x++) {
                Color c = image[0].getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - 0x09 / 255.0) < 0.05 && Math.abs(c.getBlue() - 0xda / 255.0) < 0.08
                        && c.getOpacity() > 0.9) {
                    found = true;
                    break;
                }
            }
        }
        assertThat(found).as("a pixel in the series colour").isTrue();
        WritableImage[] spark = new WritableImage[1];
        robot.interact(() -> spark[0] = sparkline.snapshot(null, null));
        long coloured = 0;
        for (int y = 0; y < spark[0].getHeight(); y++) {
            for (int x = 0; x < spark[0].getWidth(); x++) {
                if (spark[0].getPixelReader().getColor(x, y).getBlue() > 0.6
                        && spark[0].getPixelReader().getColor(x, y).getRed() < 0.5) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("the sparkline draws its line").isGreaterThan(20);
    }
}
