package dev.berth.app.layers;

import dev.berth.app.common.Formats;
import dev.berth.app.theme.Css;
import dev.berth.engine.build.Dockerfile;
import dev.berth.layers.ImageStep;
import dev.berth.ui.filetree.FileTreeView;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The steps of the image (empty ones greyed) beside the files the selected step's layer changed. */
final class LayersTab {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty-step");

    private final SplitPane root = new SplitPane();

    LayersTab(LayerInspectorViewModel model) {
        TableView<ImageStep> steps = new TableView<>(model.steps());
        steps.setId("layer-steps");
        steps.getStyleClass().add(Css.LAYER_STEPS);
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.setPlaceholder(new Label("Reading the history…"));
        TableColumn<ImageStep, ImageStep> number = TextColumns.of("#", 44, s -> String.valueOf(s.number()));
        TableColumn<ImageStep, ImageStep> line = TextColumns.of("Line", 56, s -> lineOf(model, s));
        line.visibleProperty().bind(model.advice().dockerfileProperty().isNotNull());
        TableColumn<ImageStep, ImageStep> instruction = new TableColumn<>("Instruction");
        instruction.setPrefWidth(380);
        instruction.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        instruction.setCellFactory(c -> new InstructionCell());
        TableColumn<ImageStep, ImageStep> size = TextColumns.of("Size", 80, s -> s.isEmpty() ? "—" : Formats.bytes(s.size()));
        size.setStyle("-fx-alignment: center-right;");
        TableColumn<ImageStep, ImageStep> created = TextColumns.of("Created", 110,
                s -> Formats.ago(s.created(), Instant.now()));
        steps.getColumns().setAll(List.of(number, line, instruction, size, created));
        steps.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImageStep step, boolean empty) {
                super.updateItem(step, empty);
                pseudoClassStateChanged(EMPTY, !empty && step != null && step.isEmpty());
                setTooltip(!empty && step != null && step.isEmpty()
                        ? new Tooltip("No layer: this step only changes the image's settings") : null);
            }
        });
        model.advice().stepLinesProperty().addListener((obs, old, now) -> steps.refresh());
        steps.getSelectionModel().selectedItemProperty().addListener((obs, old, step) -> {
            if (step != null) {
                model.files().selectedStepProperty().set(step);
            }
        });
        model.files().selectedStepProperty().addListener((obs, old, step) -> {
            if (step != null && steps.getSelectionModel().getSelectedItem() != step) {
                steps.getSelectionModel().select(step);
                steps.scrollTo(Math.max(0, steps.getItems().indexOf(step) - 3));
            }
        });

        Label caption = new Label();
        caption.setId("layer-tree-caption");
        caption.getStyleClass().add(Css.VIEW_SUBTITLE);
        caption.textProperty().bind(model.files().captionProperty());
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);
        ToggleButton whole = new ToggleButton("Whole filesystem", new FontIcon(Material2AL.ACCOUNT_TREE));
        whole.setId("layer-whole-filesystem");
        whole.setMinWidth(Region.USE_PREF_SIZE);
        whole.setTooltip(new Tooltip("Show everything in the image as of this step, with this step's changes marked"));
        whole.selectedProperty().bindBidirectional(model.files().wholeFilesystemProperty());
        HBox header = new HBox(8, caption, whole);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 6, 0));

        FileTreeView tree = new FileTreeView();
        tree.setId("layer-file-tree");
        tree.setSizeFormat(Formats::bytes);
        tree.setPlaceholderText("No files in this view");
        tree.modelProperty().bind(model.files().treeProperty());
        VBox right = new VBox(header, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 8));

        BorderPane left = new BorderPane(steps);
        left.setPadding(new Insets(0, 8, 0, 0));
        root.getItems().setAll(left, right);
        root.setDividerPositions(0.46);
        root.getStyleClass().add("layers-split");
    }

    Node node() {
        return root;
    }

    private static String lineOf(LayerInspectorViewModel model, ImageStep step) {
        List<Dockerfile.Instruction> lines = model.advice().stepLinesProperty().get();
        int index = model.steps().indexOf(step);
        if (index < 0 || index >= lines.size() || lines.get(index) == null) {
            return "";
        }
        return String.valueOf(lines.get(index).line());
    }

    /** The keyword as a small tag, then the rest of the instruction in monospace. */
    private static final class InstructionCell extends TableCell<ImageStep, ImageStep> {
        private final Label keyword = new Label();
        private final Label rest = new Label();
        private final HBox box = new HBox(6, keyword, rest);

        InstructionCell() {
            keyword.getStyleClass().add(Css.STEP_KEYWORD);
            keyword.setMinWidth(Region.USE_PREF_SIZE);
            rest.getStyleClass().add(Css.MONOSPACE);
            rest.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ImageStep step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String word = step.instruction().keyword();
            keyword.setText(word.isEmpty() ? "?" : word);
            rest.setText(step.instruction().textWithoutContentHashes().substring(word.length()).strip()
                    .replaceAll("\\s+", " "));
            setGraphic(box);
            setTooltip(new Tooltip(step.createdBy()));
        }
    }
}
