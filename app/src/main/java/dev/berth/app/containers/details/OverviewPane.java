package dev.berth.app.containers.details;

import dev.berth.app.common.Browser;
import dev.berth.app.common.Formats;
import dev.berth.app.containers.StateBadges;
import dev.berth.engine.ContainerDetails;
import dev.berth.engine.ContainerState;
import dev.berth.engine.PortMapping;
import dev.berth.engine.RestartPolicy;
import dev.berth.engine.ShellWords;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Overview tab: state and health, how it runs, its networks, ports, mounts, environment and
 * labels. Values of secret-looking variables stay masked until revealed one by one.
 */
final class OverviewPane {

    private final VBox content = new VBox(18);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Set<String> revealed = new HashSet<>();
    private ContainerDetails shown;

    OverviewPane() {
        content.getStyleClass().add("details-overview");
        content.setPadding(new Insets(12, 16, 16, 16));
        scroll.setFitToWidth(true);
        scroll.setId("details-overview");
    }

    Node node() {
        return scroll;
    }

    void show(ContainerDetails d) {
        shown = d;
        double scrolled = scroll.getVvalue();
        content.getChildren().setAll(section("State", stateRows(d)), section("Container", containerRows(d)),
                section("Networks", networkRows(d)), section("Ports", portRows(d)), section("Mounts", mountRows(d)),
                section("Environment", envRows(d)), section("Labels", labelRows(d)));
        scroll.setVvalue(scrolled);
    }

    private List<Node[]> stateRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        Badge state = new Badge(d.state().word(), StateBadges.tone(d.state()));
        state.setId("details-state");
        rows.add(row("State", state));
        if (!d.health().isEmpty()) {
            Badge health = new Badge(d.health(), switch (d.health()) {
                case "healthy" -> Badge.Tone.SUCCESS;
                case "unhealthy" -> Badge.Tone.DANGER;
                default -> Badge.Tone.WARNING;
            });
            health.setId("details-health");
            rows.add(row("Health", health));
        } else {
            rows.add(row("Health", muted("No health check")));
        }
        if (!d.state().isRunning() && d.state() != ContainerState.CREATED && d.state() != ContainerState.PAUSED) {
            rows.add(row("Exit code", value(Integer.toString(d.exitCode()), "details-exit-code")));
        }
        rows.add(row("Restart count", value(Integer.toString(d.restartCount()), "details-restart-count")));
        rows.add(row("Restart policy", value(d.restart().kind() == RestartPolicy.Kind.NO ? "no"
                : d.restart().cliValue(), null)));
        if (d.startedAt() != null) {
            rows.add(row("Started", value(when(d.startedAt()), null)));
        }
        if (d.finishedAt() != null && !d.state().isRunning()) {
            rows.add(row("Finished", value(when(d.finishedAt()), null)));
        }
        if (!d.error().isEmpty()) {
            rows.add(row("Error", value(d.error(), "details-error")));
        }
        if (d.autoRemove()) {
            rows.add(row("Auto-remove", value("removed when it exits", null)));
        }
        return rows;
    }

    private List<Node[]> containerRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        rows.add(row("ID", value(d.shortId(), null)));
        rows.add(row("Image", value(d.image(), "details-image")));
        List<String> commandLine = new ArrayList<>(d.entrypoint());
        commandLine.addAll(d.command());
        rows.add(row("Command", mono(ShellWords.join(commandLine))));
        if (!d.workingDir().isEmpty()) {
            rows.add(row("Working dir", mono(d.workingDir())));
        }
        if (!d.user().isEmpty()) {
            rows.add(row("User", mono(d.user())));
        }
        if (d.created() != null) {
            rows.add(row("Created", value(when(d.created()), null)));
        }
        return rows;
    }

    private List<Node[]> networkRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        d.networks().forEach((name, address) -> {
            String ip = address.ipAddress().isEmpty() ? "no address (not running)"
                    : address.ipAddress() + "/" + address.prefixLength();
            StringBuilder more = new StringBuilder();
            if (!address.gateway().isEmpty()) {
                more.append("gateway ").append(address.gateway());
            }
            if (!address.ipv6Address().isEmpty()) {
                more.append(more.length() > 0 ? " · " : "").append(address.ipv6Address());
            }
            if (!address.macAddress().isEmpty()) {
                more.append(more.length() > 0 ? " · " : "").append("MAC ").append(address.macAddress());
            }
            VBox cell = new VBox(2, mono(ip));
            if (more.length() > 0) {
                cell.getChildren().add(muted(more.toString()));
            }
            cell.setId("details-network-" + name);
            rows.add(row(name, cell));
        });
        return rows;
    }

    private List<Node[]> portRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        for (PortMapping port : d.ports()) {
            Node value;
            if (port.isPublished()) {
                Hyperlink link = new Hyperlink(port.toString());
                link.setOnAction(e -> Browser.open(port.browserUrl()));
                link.setTooltip(new Tooltip("Open " + port.browserUrl()));
                value = link;
            } else {
                value = muted(port.containerPort() + "/" + port.protocol() + " (not published)");
            }
            rows.add(row(port.containerPort() + "/" + port.protocol(), value));
        }
        return rows;
    }

    private List<Node[]> mountRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        for (ContainerDetails.MountInfo m : d.mounts()) {
            String source = switch (m.type()) {
                case "volume" -> m.name().length() == 64 ? "anonymous volume " + m.name().substring(0, 12) : m.name();
                case "tmpfs" -> "tmpfs";
                default -> m.source();
            };
            rows.add(row(m.type(), mono(source + " → " + m.destination() + (m.readWrite() ? "" : "  (read-only)"))));
        }
        return rows;
    }

    private List<Node[]> envRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        for (String entry : d.env()) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            String val = eq < 0 ? "" : entry.substring(eq + 1);
            Label value = mono(val);
            value.setId("env-" + key);
            if (SecretMask.isSecret(key)) {
                boolean open = revealed.contains(key);
                value.setText(open ? val : SecretMask.MASK);
                Button reveal = new Button(null, new FontIcon(open ? Material2MZ.VISIBILITY_OFF : Material2MZ.VISIBILITY));
                reveal.setId("reveal-" + key);
                reveal.getStyleClass().addAll("reveal-button", atlantafx.base.theme.Styles.FLAT);
                reveal.setTooltip(new Tooltip(open ? "Hide the value" : "Show the value"));
                reveal.setAccessibleText(open ? "Hide " + key : "Show " + key);
                reveal.setOnAction(e -> {
                    if (!revealed.remove(key)) {
                        revealed.add(key);
                    }
                    show(shown);
                });
                HBox cell = new HBox(4, value, reveal);
                cell.setAlignment(Pos.CENTER_LEFT);
                rows.add(row(key, cell));
            } else {
                rows.add(row(key, value));
            }
        }
        return rows;
    }

    private static List<Node[]> labelRows(ContainerDetails d) {
        List<Node[]> rows = new ArrayList<>();
        for (Map.Entry<String, String> label : d.labels().entrySet()) {
            rows.add(row(label.getKey(), mono(label.getValue())));
        }
        return rows;
    }

    private static VBox section(String title, List<Node[]> rows) {
        Label heading = new Label(title);
        heading.getStyleClass().add("details-section-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("details-grid");
        grid.setHgap(16);
        grid.setVgap(6);
        // The same key width in every section lines the values up down the whole tab.
        ColumnConstraints keys = new ColumnConstraints(180, 180, 180);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setPrefWidth(100);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(keys, values);
        if (rows.isEmpty()) {
            grid.addRow(0, muted("None"));
        }
        for (int i = 0; i < rows.size(); i++) {
            grid.addRow(i, rows.get(i));
        }
        VBox box = new VBox(8, heading, grid);
        box.setId("details-section-" + title.toLowerCase());
        return box;
    }

    private static Node[] row(String key, Node value) {
        Label label = new Label(key);
        label.getStyleClass().add("details-key");
        label.setWrapText(true);
        return new Node[] {label, value};
    }

    private static Label value(String text, String id) {
        Label label = new Label(text);
        label.setWrapText(true);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static Label mono(String text) {
        Label label = value(text, null);
        label.getStyleClass().add("monospace");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static String when(Instant time) {
        return Formats.ago(time, Instant.now()) + "  (" + time.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")
                + ")";
    }
}
