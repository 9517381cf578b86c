package dev.berth.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON messages of a pull ({@code POST /images/create}) or push
 * ({@code POST /images/{name}/push}) into per-layer progress and an overall fraction. Not
 * thread-safe: the stream thread feeds it.
 */
public final class TransferProgress {

    private final TransferListener listener;
    private final Map<String, LayerProgress> layers = new LinkedHashMap<>();
    private String error;
    private String digest;

    public TransferProgress(TransferListener listener) {
        this.listener = listener;
    }

    public void accept(JsonNode message) {
        JsonNode errorDetail = message.path("errorDetail");
        if (message.hasNonNull("error") || errorDetail.hasNonNull("message")) {
            error = errorDetail.path("message").asText(message.path("error").asText("The transfer failed"));
            return;
        }
        String status = message.path("status").asText("");
        String id = message.path("id").asText("");
        JsonNode aux = message.path("aux");
        if (aux.hasNonNull("Digest")) {
            digest = aux.get("Digest").asText();
            return;
        }
        LayerProgress.Phase phase = phase(status);
        if (id.isEmpty() || phase == null) {
            if (status.startsWith("Digest: ")) {
                digest = status.substring("Digest: ".length()).strip();
            }
            if (!status.isEmpty()) {
                listener.message(id.isEmpty() ? status : id + ": " + status);
            }
            return;
        }
        JsonNode detail = message.path("progressDetail");
        LayerProgress previous = layers.get(id);
        long current = detail.path("current").asLong(0);
        long total = detail.path("total").asLong(0);
        if (total == 0 && previous != null) {
            // "Pull complete" and friends carry no size: keep the layer's last known size for weighting.
            total = previous.total();
            current = phase.isFinished() ? total : phase == previous.phase() ? previous.current() : 0;
        }
        LayerProgress layer = new LayerProgress(id, status, phase, current, total);
        layers.put(id, layer);
        listener.layer(layer);
    }

    /** The engine's phase word for a layer status, or null for a status about the whole image. */
    static LayerProgress.Phase phase(String status) {
        if (status.startsWith("Mounted from")) {
            return LayerProgress.Phase.ALREADY_THERE;
        }
        return switch (status) {
            case "Pulling fs layer", "Waiting", "Preparing" -> LayerProgress.Phase.WAITING;
            case "Downloading", "Retrying" -> LayerProgress.Phase.DOWNLOADING;
            case "Verifying Checksum", "Download complete" -> LayerProgress.Phase.VERIFYING;
            case "Extracting" -> LayerProgress.Phase.EXTRACTING;
            case "Pushing" -> LayerProgress.Phase.PUSHING;
            case "Pull complete", "Pushed" -> LayerProgress.Phase.DONE;
            case "Already exists", "Layer already exists" -> LayerProgress.Phase.ALREADY_THERE;
            default -> null;
        };
    }

    public List<LayerProgress> layers() {
        return new ArrayList<>(layers.values());
    }

    /** The error the engine reported, or null. */
    public String error() {
        return error;
    }

    /** The manifest digest the registry gave, once known. */
    public String digest() {
        return digest;
    }

    /**
     * Overall work done, 0 to 1, each layer weighted by its size where known. Layers the engine
     * already had are no work, so they do not count.
     */
    public static double overall(List<LayerProgress> layers) {
        List<LayerProgress> work = layers.stream().filter(l -> l.phase() != LayerProgress.Phase.ALREADY_THERE).toList();
        if (work.isEmpty()) {
            return layers.isEmpty() ? 0 : 1;
        }
        double weights = 0;
        double done = 0;
        long known = work.stream().mapToLong(LayerProgress::total).filter(t -> t > 0).max().orElse(0);
        for (LayerProgress layer : work) {
            // A layer whose size is not known yet counts as big as the biggest known one.
            double weight = layer.total() > 0 ? layer.total() : Math.max(1, known);
            weights += weight;
            done += weight * layer.fraction();
        }
        return weights == 0 ? 0 : done / weights;
    }
}
