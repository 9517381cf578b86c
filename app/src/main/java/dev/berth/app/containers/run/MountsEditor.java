package dev.berth.app.containers.run;

import atlantafx.base.theme.Styles;
import dev.berth.engine.MountSpec;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The mounts of the run form: a row per mount (kind, source, target, read-only) and add buttons. */
final class MountsEditor extends VBox {

    private final ObservableList<MountRow> mounts;
    private final VBox rows = new VBox(6);

    MountsEditor(ObservableList<MountRow> mounts) {
        super(6);
        this.mounts = mounts;
        setId("mounts-editor");
        Button volume = addButton("Volume", MountSpec.Kind.VOLUME, Material2MZ.STORAGE);
        Button bind = addButton("Bind mount", MountSpec.Kind.BIND, Material2AL.FOLDER_OPEN);
        Button tmpfs = addButton("tmpfs", MountSpec.Kind.TMPFS, Material2MZ.MEMORY);
        HBox buttons = new HBox(6, volume, bind, tmpfs);
        mounts.addListener((ListChangeListener<MountRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
        getChildren().addAll(rows, buttons);
    }

    private Button addButton(String text, MountSpec.Kind kind, org.kordamp.ikonli.Ikon icon) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId("add-mount-" + kind.word());
        button.getStyleClass().add(Styles.SMALL);
        button.setOnAction(e -> {
            mounts.add(new MountRow(kind));
            // Left to right: a tmpfs has no source, so it starts at the target.
            rows.getChildren().get(rows.getChildren().size() - 1)
                    .lookup(kind == MountSpec.Kind.TMPFS ? ".mount-target" : ".mount-source").requestFocus();
        });
        return button;
    }

    private void rebuild() {
        rows.getChildren().clear();
        for (MountRow row : mounts) {
            rows.getChildren().add(row(row));
        }
    }

    private VBox row(MountRow row) {
        ComboBox<MountSpec.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(MountSpec.Kind.values());
        kind.valueProperty().bindBidirectional(row.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(MountSpec.Kind k) {
                return k == null ? "" : switch (k) {
                    case VOLUME -> "Volume";
                    case BIND -> "Bind mount";
                    case TMPFS -> "tmpfs";
                };
            }

            @Override
            public MountSpec.Kind fromString(String s) {
                return null;
            }
        });
        kind.getStyleClass().add("mount-kind");
        kind.setMinWidth(Region.USE_PREF_SIZE);
        TextField source = new TextField();
        source.getStyleClass().add("mount-source");
        source.textProperty().bindBidirectional(row.sourceProperty());
        source.setPrefColumnCount(8);
        TextField target = new TextField();
        target.getStyleClass().add("mount-target");
        target.setPromptText("/path/in/container");
        target.textProperty().bindBidirectional(row.targetProperty());
        target.setPrefColumnCount(8);
        TextField size = new TextField();
        size.getStyleClass().add("mount-size");
        size.setPromptText("size, e.g. 64m");
        size.setPrefColumnCount(7);
        size.textProperty().bindBidirectional(row.sizeProperty());
        CheckBox readOnly = new CheckBox("read-only");
        readOnly.setMinWidth(Region.USE_PREF_SIZE);
        readOnly.selectedProperty().bindBidirectional(row.readOnlyProperty());
        Button browse = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setTooltip(new Tooltip("Choose a folder"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder to mount");
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                row.sourceProperty().set(dir.getAbsolutePath());
            }
        });
        Runnable byKind = () -> {
            MountSpec.Kind k = row.kindProperty().get();
            source.setPromptText(k == MountSpec.Kind.BIND ? "/path/on/host" : "volume (empty: anonymous)");
            source.setVisible(k != MountSpec.Kind.TMPFS);
            source.setManaged(k != MountSpec.Kind.TMPFS);
            browse.setVisible(k == MountSpec.Kind.BIND);
            browse.setManaged(k == MountSpec.Kind.BIND);
            size.setVisible(k == MountSpec.Kind.TMPFS);
            size.setManaged(k == MountSpec.Kind.TMPFS);
        };
        row.kindProperty().addListener((obs, old, now) -> byKind.run());
        byKind.run();
        Button remove = new Button(null, new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.getStyleClass().addAll(Styles.FLAT, "mount-remove");
        remove.setTooltip(new Tooltip("Remove this mount"));
        remove.setOnAction(e -> mounts.remove(row));
        Label arrow = new Label("→");
        HBox.setHgrow(source, Priority.ALWAYS);
        HBox.setHgrow(target, Priority.ALWAYS);
        HBox fields = new HBox(6, kind, source, browse, arrow, target, size, readOnly, remove);
        fields.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(row.problemProperty());
        problem.visibleProperty().bind(row.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        row.problemProperty().addListener((obs, old, now) -> {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, now != null);
            source.pseudoClassStateChanged(Styles.STATE_DANGER, now != null);
        });
        VBox box = new VBox(2, fields, problem);
        box.getStyleClass().add("mount-row");
        return box;
    }
}
