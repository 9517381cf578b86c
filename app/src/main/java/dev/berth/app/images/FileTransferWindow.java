package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Formats;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ErrorMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * {@code docker save} to a file or {@code docker load} from one, with a progress bar: bytes move
 * on a background thread and the bar reads a counter once per frame.
 */
final class FileTransferWindow {

    private final Stage stage = new Stage();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label detail = new Label();
    private final Button cancel = new Button("Cancel");
    private final Cancellation cancellation = new Cancellation();
    private final AtomicLong bytes = new AtomicLong();
    private AnimationTimer ticker;

    private FileTransferWindow(Window owner, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("view-title");
        heading.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("file-transfer-progress");
        detail.setId("file-transfer-detail");
        detail.setWrapText(true);
        cancel.setId("file-transfer-cancel");
        cancel.setOnAction(e -> {
            if (cancel.getText().equals("Close")) {
                stage.close();
            } else {
                cancellation.cancel();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(spacer, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, heading, bar, detail, buttons);
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 480, 180);
        ChildWindows.styleLike(stage, scene, owner);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setOnHidden(e -> cancellation.cancel());
    }

    /** Saves images to a file; the bar estimates from their size, since the engine does not say in advance. */
    static void save(AppServices services, Window owner, List<String> references, long estimatedBytes, Path file) {
        FileTransferWindow window = new FileTransferWindow(owner, "Saving " + String.join(", ", references));
        window.run(estimatedBytes, "written", () -> {
            services.engine().images().save(references, file, window.bytes::set, window.cancellation);
            return "Saved to " + file + " (" + Formats.bytes(window.bytes.get()) + ")";
        }, services);
    }

    static void load(AppServices services, Window owner, Path file) {
        FileTransferWindow window = new FileTransferWindow(owner, "Loading " + file.getFileName());
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            services.notifier().error("Could not read " + file, e);
            return;
        }
        window.run(size, "sent", () -> {
            List<String> loaded = services.engine().images().load(file, window.bytes::set, window.cancellation);
            return loaded.isEmpty() ? "Loaded" : "Loaded " + String.join(", ", loaded);
        }, services);
    }

    private void run(long total, String verb, java.util.concurrent.Callable<String> work, AppServices services) {
        stage.show();
        ticker = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long done = bytes.get();
                bar.setProgress(total > 0 ? Math.min(0.99, (double) done / total) : ProgressBar.INDETERMINATE_PROGRESS);
                detail.setText(Formats.bytes(done) + (total > 0 ? " of about " + Formats.bytes(total) : "") + " " + verb);
            }
        };
        ticker.start();
        services.executor().submit(work, result -> {
            ticker.stop();
            bar.setProgress(1);
            detail.setText(result);
            cancel.setText("Close");
            services.notifier().info(result);
        }, error -> {
            ticker.stop();
            cancel.setText("Close");
            if (error instanceof CancellationException) {
                detail.setText("Cancelled");
                bar.setProgress(0);
            } else {
                detail.setText(ErrorMessages.describe(error));
                detail.getStyleClass().add("form-problem");
            }
        });
    }
}
