package dev.berth.ui.jsontree;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class JsonTreeViewTest {

    private static final String DOC = """
            {"Id":"abc","State":{"Status":"running","Pid":42,"Health":null,"Running":true},
             "Config":{"Env":["PATH=/bin","MODE=prod"],"Labels":{"com.example.team":"web"}}}""";

    private JsonTreeView view;

    @Start
    void start(Stage stage) {
        view = new JsonTreeView(DOC);
        stage.setScene(new Scene(view, 520, 400));
        stage.show();
    }

    @Test
    void showsTopLevelFieldsWithTheirValuesAndCollapsesDeeperOnes(FxRobot robot) {
        TreeItem<JsonEntry> root = view.rootProperty().get();

        assertThat(root.getChildren()).extracting(i -> i.getValue().key()).containsExactly("Id", "State", "Config");
        assertThat(root.getChildren().get(1).isExpanded()).isFalse();
        assertThat(root.getChildren().get(0).getValue().valueText()).isEqualTo("\"abc\"");
        assertThat(root.getChildren().get(1).getValue().valueText()).isEqualTo("{4}");
        assertThat(robot.lookup(".json-kind-string").queryAs(Label.class).getText()).isEqualTo("\"abc\"");
    }

    @Test
    void searchExpandsToEachMatchAndEnterMovesThroughThem(FxRobot robot) {
        robot.clickOn(".json-search").write("MODE");

        assertThat(view.getMatches()).extracting(i -> i.getValue().path()).containsExactly(".Config.Env[1]");
        assertThat(view.getSelected().getValue().path()).isEqualTo(".Config.Env[1]");
        assertThat(view.getSelected().getParent().isExpanded()).isTrue();
        assertThat(view.getSelected().getParent().getParent().isExpanded()).isTrue();

        robot.doubleClickOn(".json-search").eraseText(4).write("run");
        assertThat(view.getMatches()).extracting(i -> i.getValue().path())
                .containsExactly(".State.Status", ".State.Running");
        assertThat(robot.lookup(".json-match-count").queryAs(Label.class).getText()).isEqualTo("1 of 2");
        robot.type(KeyCode.ENTER);
        assertThat(view.getSelected().getValue().path()).isEqualTo(".State.Running");
        robot.type(KeyCode.ENTER);
        assertThat(view.getSelected().getValue().path()).isEqualTo(".State.Status");
        @SuppressWarnings("unchecked")
        TreeView<JsonEntry> tree = robot.lookup(".json-tree").queryAs(TreeView.class);
        assertThat(tree.getSelectionModel().getSelectedItem()).isSameAs(view.getSelected());

        robot.clickOn(".json-search").type(KeyCode.ESCAPE);
        assertThat(robot.lookup(".json-search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(view.getMatches()).isEmpty();
    }

    @Test
    void copiesValuesPathsAndTheWholeDocument(FxRobot robot) {
        robot.interact(() -> view.setSearchText("com.example"));
        TreeItem<JsonEntry> label = view.getSelected();
        assertThat(label.getValue().path()).isEqualTo(".Config.Labels[\"com.example.team\"]");

        robot.interact(() -> view.copyValue(label));
        assertThat(clipboard(robot)).isEqualTo("web");
        robot.interact(() -> view.copyPath(label));
        assertThat(clipboard(robot)).isEqualTo(".Config.Labels[\"com.example.team\"]");
        robot.interact(() -> view.copyValue(label.getParent()));
        assertThat(clipboard(robot)).contains("\"com.example.team\" : \"web\"");
        robot.clickOn(".json-copy-all");
        assertThat(clipboard(robot)).startsWith("{").contains("\"Pid\" : 42").contains("\"Health\" : null");
    }

    @Test
    void textThatIsNotJsonSaysSo(FxRobot robot) {
        robot.interact(() -> view.setJson("{not json"));

        assertThat(view.rootProperty().get()).isNull();
        assertThat(view.problemProperty().get()).startsWith("Not JSON");
        assertThat(robot.lookup(".json-problem").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void expandAllAndCollapseAll(FxRobot robot) {
        robot.interact(view::expandAll);
        assertThat(view.rootProperty().get().getChildren().get(2).getChildren().get(0).isExpanded()).isTrue();
        robot.interact(view::collapseAll);
        assertThat(view.rootProperty().get().getChildren().get(2).isExpanded()).isFalse();
        assertThat(view.rootProperty().get().isExpanded()).isTrue();
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
