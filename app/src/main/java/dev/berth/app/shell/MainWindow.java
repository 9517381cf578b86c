package dev.berth.app.shell;

import dev.berth.app.common.AppServices;
import dev.berth.app.theme.Css;
import dev.berth.app.theme.ThemeManager;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window's content: sidebar, the current section's view, the connection banner, the status
 * bar and the toast layer. Views are created the first time their section is opened and kept.
 */
public final class MainWindow implements AutoCloseable {

    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Map<Section, View> views = new EnumMap<>(Section.class);
    private final Function<Section, View> viewFactory;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(this, "section");
    private final ToggleGroup navigation = new ToggleGroup();
    private final ConnectionViewModel connection;

    /**
     * @param services    engine, executor; the notifier is replaced by this window's toasts
     * @param theme       light/dark switch
     */
    public MainWindow(AppServices services, ThemeManager theme) {
        ToastNotifier toasts = new ToastNotifier();
        AppServices withToasts = services.withNotifier(toasts).withNavigator(project -> {
            show(Section.COMPOSE);
            currentView().reveal(project);
        });
        this.viewFactory = s -> Views.create(s, withToasts);
        this.connection = new ConnectionViewModel(services.engine(), services.executor().ui());

        VBox main = new VBox(new ConnectionBanner(connection), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        BorderPane frame = new BorderPane(main);
        frame.setLeft(sidebar(theme));
        frame.setBottom(new StatusBar(connection));
        root.getChildren().addAll(frame, toasts.layer());
        root.setId("berth-root");
        show(Section.CONTAINERS);
    }

    private VBox sidebar(ThemeManager theme) {
        Label name = new Label("Berth", new FontIcon(Material2AL.ANCHOR));
        name.getStyleClass().add(Css.APP_NAME);
        VBox bar = new VBox(name);
        bar.getStyleClass().add(Css.SIDEBAR);
        for (Section s : Section.values()) {
            ToggleButton button = new ToggleButton(s.title(), new FontIcon(s.icon()));
            button.setId(s.navId());
            button.getStyleClass().add(Css.SIDEBAR_BUTTON);
            button.setToggleGroup(navigation);
            button.setUserData(s);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> show(s));
            bar.getChildren().add(button);
        }
        // A click on the selected entry must not leave nothing selected.
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleButton dark = new ToggleButton("Dark theme", new FontIcon(Material2MZ.NIGHTS_STAY));
        dark.setId("toggle-dark");
        dark.getStyleClass().add(Css.SIDEBAR_BUTTON);
        dark.setMaxWidth(Double.MAX_VALUE);
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        bar.getChildren().addAll(spacer, dark);
        return bar;
    }

    /** Opens a section, creating its view the first time. */
    public void show(Section target) {
        View view = views.computeIfAbsent(target, viewFactory);
        content.getChildren().setAll(view.node());
        section.set(target);
        navigation.getToggles().stream().filter(t -> t.getUserData() == target).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    /** The view of the section shown, or null before the first. */
    public View currentView() {
        return section.get() == null ? null : views.get(section.get());
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        views.values().forEach(View::close);
        views.clear();
        connection.close();
    }
}
