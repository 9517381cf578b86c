package dev.berth.app.networks;

import dev.berth.engine.NetworkSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One network in the table; updated in place when the engine's list is read again. */
public final class NetworkRow {

    private final String id;
    private final ObjectProperty<NetworkSummary> summary = new SimpleObjectProperty<>(this, "summary");

    NetworkRow(NetworkSummary network) {
        this.id = network.id();
        summary.set(network);
    }

    void update(NetworkSummary network) {
        if (!network.equals(summary.get())) {
            summary.set(network);
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return summary().name();
    }

    public NetworkSummary summary() {
        return summary.get();
    }

    public ObjectProperty<NetworkSummary> summaryProperty() {
        return summary;
    }
}
