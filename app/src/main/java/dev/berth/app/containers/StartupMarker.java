package dev.berth.app.containers;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeTableView;

/**
 * For the startup benchmark: with {@code -Dberth.startupMarker=true}, prints one line when the
 * first full container list has been laid out in the table, e.g.
 * {@code berth-startup: containers=201 labelled=200 rendered_rows=28 epoch_ms=1718000000000}, where
 * {@code labelled} counts the rows carrying the label {@code -Dberth.startupMarker.label=key=value}.
 */
final class StartupMarker {

    static final String PROPERTY = "berth.startupMarker";
    static final String LABEL_PROPERTY = "berth.startupMarker.label";

    private StartupMarker() {
    }

    private static long labelled(ContainersViewModel model) {
        String label = System.getProperty(LABEL_PROPERTY, "");
        int eq = label.indexOf('=');
        if (eq < 0) {
            return 0;
        }
        String key = label.substring(0, eq);
        String value = label.substring(eq + 1);
        return model.rows().stream().filter(r -> value.equals(r.labels().get(key))).count();
    }

    static void watch(TreeTableView<ContainerEntry> table, ContainersViewModel model) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        model.loadedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now || table.getScene() == null) {
                    return;
                }
                model.loadedProperty().removeListener(this);
                Scene scene = table.getScene();
                Runnable[] check = new Runnable[1];
                check[0] = () -> {
                    long shown = table.lookupAll(".tree-table-row-cell").stream()
                            .filter(n -> n.isVisible() && ((IndexedCell<?>) n).getItem() != null).count();
                    if (shown > 0 || model.rows().isEmpty()) {
                        scene.removePostLayoutPulseListener(check[0]);
                        System.out.println("berth-startup: containers=" + model.rows().size() + " labelled="
                                + labelled(model) + " rendered_rows=" + shown + " epoch_ms=" + System.currentTimeMillis());
                        System.out.flush();
                    }
                };
                scene.addPostLayoutPulseListener(check[0]);
            }
        });
    }
}
