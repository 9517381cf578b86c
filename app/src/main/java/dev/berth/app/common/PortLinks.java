package dev.berth.app.common;

import dev.berth.engine.PortMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A container's ports as a table cell shows them: a published port is a link that opens it in the
 * browser ("8080→80/tcp"), an unpublished one plain text. Used wherever containers are listed.
 */
public final class PortLinks {

    private PortLinks() {
    }

    public static Node of(List<PortMapping> ports) {
        HBox box = new HBox(6);
        box.setAlignment(Pos.CENTER_LEFT);
        for (PortMapping port : distinct(ports)) {
            if (port.isPublished()) {
                Hyperlink link = new Hyperlink(port.hostPort() + "→" + port.containerPort() + "/" + port.protocol());
                link.getStyleClass().add("port-link");
                link.setTooltip(new Tooltip("Open " + port.browserUrl()));
                link.setOnAction(e -> Browser.open(port.browserUrl()));
                box.getChildren().add(link);
            } else {
                Label label = new Label(port.containerPort() + "/" + port.protocol());
                label.getStyleClass().add("port-unpublished");
                box.getChildren().add(label);
            }
        }
        return box;
    }

    /** One entry per host and container port: the engine lists a port once per address family. */
    public static List<PortMapping> distinct(List<PortMapping> ports) {
        Map<String, PortMapping> byPort = new LinkedHashMap<>();
        for (PortMapping p : ports) {
            byPort.putIfAbsent(p.hostPort() + ":" + p.containerPort() + "/" + p.protocol(), p);
        }
        return List.copyOf(byPort.values());
    }

    /** The ports as {@code docker ps} prints them, for sorting and tooltips. */
    public static String text(List<PortMapping> ports) {
        return ports == null ? "" : String.join(", ", ports.stream().map(PortMapping::toString).toList());
    }
}
