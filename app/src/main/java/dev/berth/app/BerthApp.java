package dev.berth.app;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Browser;
import dev.berth.app.common.Notifier;
import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.Engine;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The desktop application: one window on the local engine. */
public final class BerthApp extends Application {

    /** The engine, connecting since {@link #connectEarly()}; null when the app was launched otherwise. */
    private static volatile CompletableFuture<Engine> early;

    private Engine engine;
    private BackgroundExecutor executor;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node("dev/berth");
        Browser.use(getHostServices()::showDocument);
        engine = early != null ? early.join() : Engine.forThisMachine();
        executor = BackgroundExecutor.forFx();
        // The window replaces this with its own toast layer; nothing notifies before it exists.
        Notifier none = Notifier.silent();
        ThemeManager theme = new ThemeManager(prefs);
        window = new MainWindow(new AppServices(engine, executor, none, prefs), theme);
        WindowGeometry geometry = new WindowGeometry(prefs);
        Scene scene = new Scene(window.root(), geometry.width(), geometry.height());
        theme.install(scene);
        stage.setTitle("Berth");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    BerthApp.class.getResource("/dev/berth/icons/berth-" + size + ".png")).toExternalForm()));
        }
        stage.setScene(scene);
        geometry.restore(stage);
        stage.show();
        if (early == null) {
            engine.start();
        }
    }

    /**
     * Finds and connects to the engine on a background thread while JavaFX starts, so the first
     * container list is ready about when the window is. Call before {@code Application.launch}.
     */
    static void connectEarly() {
        CompletableFuture<Engine> connected = new CompletableFuture<>();
        early = connected;
        Thread t = new Thread(() -> {
            try {
                Engine connecting = Engine.forThisMachine();
                connecting.start();
                // Icon packs are large enums; initialising them here, on the other core, spares the FX thread.
                Material2AL.values();
                Material2MZ.values();
                Material2OutlinedAL.values();
                connected.complete(connecting);
            } catch (RuntimeException | Error e) {
                connected.completeExceptionally(e);
            }
            // Early, before the optimising compiler has started on the code that starts the app.
            CompilerPolicy.apply();
        }, "berth-early-connect");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
