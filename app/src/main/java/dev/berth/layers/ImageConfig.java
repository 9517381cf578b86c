package dev.berth.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an image configuration (the JSON whose digest is the image ID) the inspector uses.
 *
 * @param diffIds  {@code rootfs.diff_ids}, bottom layer first
 * @param history  every build step, including those without a layer
 */
public record ImageConfig(List<String> diffIds, List<Step> history, String workingDir) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code history} element; {@code emptyLayer} steps (ENV, CMD...) made no layer. */
    public record Step(Instant created, String createdBy, boolean emptyLayer, String comment) {
    }

    static ImageConfig parse(byte[] json) throws ArchiveException {
        try {
            return from(JSON.readTree(json));
        } catch (IOException e) {
            throw new ArchiveException("The image configuration is not valid JSON", e);
        }
    }

    static boolean looksLikeConfig(JsonNode node) {
        return node != null && node.isObject() && node.path("rootfs").path("diff_ids").isArray();
    }

    static ImageConfig from(JsonNode node) throws ArchiveException {
        if (!looksLikeConfig(node)) {
            throw new ArchiveException("The image configuration has no rootfs.diff_ids");
        }
        List<String> diffIds = new ArrayList<>();
        for (JsonNode d : node.path("rootfs").path("diff_ids")) {
            diffIds.add(d.asText());
        }
        List<Step> history = new ArrayList<>();
        for (JsonNode h : node.path("history")) {
            history.add(new Step(time(h.path("created").asText("")), h.path("created_by").asText(""),
                    h.path("empty_layer").asBoolean(false), h.path("comment").asText("")));
        }
        return new ImageConfig(List.copyOf(diffIds), List.copyOf(history),
                node.path("config").path("WorkingDir").asText(""));
    }

    private static Instant time(String iso) {
        if (iso.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
