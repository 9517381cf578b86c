package dev.berth.app.containers;

import dev.berth.engine.ContainerState;
import java.time.Instant;
import javafx.beans.value.ObservableValue;

/**
 * A line of the containers tree table: a container, or a compose project grouping its containers.
 * Columns read both through this one interface.
 */
public sealed interface ContainerEntry permits ContainerRow, ComposeGroup {

    ObservableValue<String> nameProperty();

    ObservableValue<String> imageProperty();

    ObservableValue<ContainerState> stateProperty();

    ObservableValue<String> statusProperty();

    ObservableValue<Instant> createdProperty();
}
