package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageReference;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.LayerProgress;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.engine.transfer.TransferProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A pull or a push with its per-layer progress: layer updates arrive on the stream thread and
 * reach the UI in batches; the overall fraction weighs layers by size.
 */
public final class TransferViewModel implements AutoCloseable {

    public enum Kind { PULL, PUSH }

    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

    private final AppServices services;
    private final Kind kind;
    private final DockerConfig config;
    private final ObservableList<LayerProgress> layers = FXCollections.observableArrayList();
    private final Map<String, Integer> layerIndex = new LinkedHashMap<>();
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(this, "overall");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Cancellation cancellation;
    private long generation;

    public TransferViewModel(AppServices services, Kind kind, DockerConfig config) {
        this.services = services;
        this.kind = kind;
        this.config = config;
    }

    public Kind kind() {
        return kind;
    }

    public ObservableList<LayerProgress> layers() {
        return layers;
    }

    public ReadOnlyDoubleProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The engine's last word about the image ("Status: Downloaded newer image for ..."). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Checks the reference and starts; returns the problem with it instead, or null. Call on the UI thread. */
    public String start(String reference) {
        try {
            ImageReference.parse(reference);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (state.get() == State.RUNNING) {
            return "A " + (kind == Kind.PULL ? "pull" : "push") + " is already running";
        }
        long run = ++generation;
        layers.clear();
        layerIndex.clear();
        overall.set(0);
        error.set("");
        message.set("");
        state.set(State.RUNNING);
        Cancellation current = new Cancellation();
        cancellation = current;
        UiBatcher<Object> updates = new UiBatcher<>(services.executor().ui(), batch -> {
            if (run == generation) {
                applyBatch(batch);
            }
        });
        TransferListener listener = new TransferListener() {
            @Override
            public void layer(LayerProgress layer) {
                updates.add(layer);
            }

            @Override
            public void message(String text) {
                updates.add(text);
            }
        };
        String ref = reference.strip();
        services.executor().submit(() -> kind == Kind.PULL
                ? services.engine().registries().pull(ref, config, listener, current)
                : services.engine().registries().push(ref, config, listener, current), digest -> {
                    if (run == generation) {
                        overall.set(1);
                        state.set(State.DONE);
                    }
                }, failure -> {
                    if (run != generation) {
                        return;
                    }
                    if (failure instanceof CancellationException) {
                        state.set(State.CANCELLED);
                        message.set((kind == Kind.PULL ? "Pull" : "Push") + " cancelled");
                    } else {
                        error.set(ErrorMessages.describe(failure));
                        state.set(State.FAILED);
                    }
                });
        return null;
    }

    public void cancel() {
        if (cancellation != null && state.get() == State.RUNNING) {
            cancellation.cancel();
        }
    }

    private void applyBatch(List<Object> batch) {
        for (Object item : batch) {
            if (item instanceof LayerProgress layer) {
                Integer index = layerIndex.get(layer.id());
                if (index == null) {
                    layerIndex.put(layer.id(), layers.size());
                    layers.add(layer);
                } else {
                    layers.set(index, layer);
                }
            } else if (item instanceof String text) {
                message.set(text);
            }
        }
        overall.set(TransferProgress.overall(layers));
    }

    @Override
    public void close() {
        cancel();
        generation++;
    }
}
