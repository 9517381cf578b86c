package dev.berth.testing;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Notifier;
import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.app.shell.MainWindow;
import dev.berth.app.theme.ThemeManager;
import dev.berth.engine.Engine;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens Berth's real main window on a given engine, for TestFX tests. */
public final class UiTestSupport {

    private UiTestSupport() {
    }

    /** The app's services for a test window: callbacks on the FX thread, no notifications. */
    public static AppServices services(Engine engine) {
        return new AppServices(engine, BackgroundExecutor.forFx(), Notifier.silent());
    }

    /** Shows the main window on the stage; the caller closes the returned window. */
    public static MainWindow show(Stage stage, Engine engine, ThemeManager theme) {
        MainWindow window = new MainWindow(services(engine), theme);
        Scene scene = new Scene(window.root(), 1280, 780);
        theme.install(scene);
        stage.setTitle("Berth");
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** Waits for a condition checked on the FX thread. */
    public static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                boolean[] result = new boolean[1];
                WaitForAsyncUtils.asyncFx(() -> result[0] = condition.getAsBoolean()).get();
                return result[0];
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
        }
    }

    /** Reads a value on the FX thread, where the views change their lists (at once when already on it). */
    public static <T> T onFx(Supplier<T> read) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return read.get();
        }
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading on the FX thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not read on the FX thread", e);
        }
    }
}
