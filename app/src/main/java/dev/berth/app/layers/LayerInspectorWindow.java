package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Opens the layer inspector in a window of its own, one per image; asking again for the same
 * image brings its window to the front. The window follows the main window's theme, and closing
 * it stops any reading in progress.
 *
 * <pre>{@code
 * LayerInspectorWindow.open(services, "my-app:1.1");
 * LayerInspectorWindow.open(services, "my-app:1.1").explainCache("my-app:1.0", dockerfile, contextDir);
 * }</pre>
 */
public final class LayerInspectorWindow {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String MAIN_ROOT_ID = "berth-root";
    private static final Map<String, LayerInspectorWindow> OPEN = new HashMap<>();

    private final Stage stage;
    private final LayerInspectorView view;

    private LayerInspectorWindow(Stage stage, LayerInspectorView view) {
        this.stage = stage;
        this.view = view;
    }

    /** Opens (or brings forward) the inspector of {@code imageReference}. Call on the FX thread. */
    public static LayerInspectorWindow open(AppServices services, String imageReference) {
        Objects.requireNonNull(imageReference, "imageReference");
        String key = imageReference.strip();
        LayerInspectorWindow existing = OPEN.get(key);
        if (existing != null) {
            existing.stage.toFront();
            existing.stage.requestFocus();
            return existing;
        }
        LayerInspectorView view = new LayerInspectorView(services, key);
        Stage stage = new Stage();
        Scene scene = new Scene(view.root(), 1180, 760);
        Runnable unfollow = followTheme(scene);
        stage.setScene(scene);
        stage.setTitle("Layers of " + view.model().imageName() + " · Berth");
        view.model().overviewProperty().addListener((obs, old, o) ->
                stage.setTitle("Layers of " + view.model().imageName() + " · Berth"));
        mainWindow().ifPresent(main -> {
            if (main instanceof Stage owner) {
                stage.getIcons().setAll(owner.getIcons());
            }
        });
        if (stage.getIcons().isEmpty()) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    LayerInspectorWindow.class.getResource("/dev/berth/icons/berth-64.png")).toExternalForm()));
        }
        LayerInspectorWindow window = new LayerInspectorWindow(stage, view);
        OPEN.put(key, window);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            OPEN.remove(key);
            unfollow.run();
            view.close();
        });
        stage.show();
        return window;
    }

    /**
     * The main window's stylesheets and light/dark choice, kept in step while both are open;
     * returns what stops following.
     */
    private static Runnable followTheme(Scene scene) {
        java.util.Optional<Window> main = mainWindow();
        if (main.isEmpty()) {
            scene.getStylesheets().add(Objects.requireNonNull(
                    LayerInspectorWindow.class.getResource("/dev/berth/app/theme/berth.css")).toExternalForm());
            return () -> { };
        }
        Scene mainScene = main.get().getScene();
        scene.getStylesheets().setAll(mainScene.getStylesheets());
        javafx.collections.ObservableSet<PseudoClass> states = mainScene.getRoot().getPseudoClassStates();
        scene.getRoot().pseudoClassStateChanged(DARK, states.contains(DARK));
        SetChangeListener<PseudoClass> follow = c -> scene.getRoot().pseudoClassStateChanged(DARK, states.contains(DARK));
        states.addListener(follow);
        return () -> states.removeListener(follow);
    }

    private static java.util.Optional<Window> mainWindow() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && MAIN_ROOT_ID.equals(w.getScene().getRoot().getId()))
                .findFirst();
    }

    public Stage stage() {
        return stage;
    }

    public LayerInspectorView view() {
        return view;
    }

    /** Shows the comparison with another image. */
    public LayerInspectorWindow compareWith(String otherReference) {
        view.compareWith(otherReference);
        return this;
    }

    /**
     * Shows why the build of this image missed the cache. For a build view: pass the image the
     * tag pointed to before the build, and the build's Dockerfile and context folder.
     */
    public LayerInspectorWindow explainCache(String previousReference, Path dockerfile, Path context) {
        view.explainCache(previousReference, dockerfile, context);
        return this;
    }
}
