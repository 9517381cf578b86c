package dev.berth.layers;

import dev.berth.engine.ImageHistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins an image's history with its layers: the n-th step that made a layer made layer n. The
 * image configuration marks those steps ({@code empty_layer}); the engine's history API does
 * not, so before the configuration has arrived the join reasons from sizes and instructions, and
 * the configuration then settles it.
 */
public final class ImageSteps {

    private ImageSteps() {
    }

    /** Exact join from the image configuration's history. */
    public static List<ImageStep> fromConfig(ImageConfig config, List<Long> layerSizes) {
        List<String> chains = ChainIds.of(config.diffIds());
        List<ImageStep> out = new ArrayList<>();
        int layer = 0;
        int number = 1;
        for (ImageConfig.Step h : config.history()) {
            boolean hasLayer = !h.emptyLayer() && layer < config.diffIds().size();
            int index = hasLayer ? layer++ : -1;
            out.add(new ImageStep(number++, Instruction.fromHistory(h.createdBy()), h.createdBy(), h.created(),
                    index >= 0 && index < layerSizes.size() ? layerSizes.get(index) : 0, index,
                    index >= 0 ? config.diffIds().get(index) : null, index >= 0 ? chains.get(index) : null,
                    h.comment()));
        }
        // Configurations without history (hand-made images) still list every layer.
        while (layer < config.diffIds().size()) {
            int index = layer++;
            out.add(new ImageStep(number++, new Instruction("", "", java.util.Map.of()), "", java.time.Instant.EPOCH,
                    index < layerSizes.size() ? layerSizes.get(index) : 0, index, config.diffIds().get(index),
                    chains.get(index), ""));
        }
        return List.copyOf(out);
    }

    /**
     * Join from the engine's history (oldest first) and layer list: steps with a size have a
     * layer; if layers are left over, zero-size steps that write files (RUN, COPY, ADD) take them,
     * then WORKDIR (the classic builder commits a layer for it), then any other, oldest first.
     */
    public static List<ImageStep> fromHistory(List<ImageHistoryEntry> history, List<String> diffIds) {
        int n = history.size();
        boolean[] hasLayer = new boolean[n];
        int assigned = 0;
        for (int i = 0; i < n && assigned < diffIds.size(); i++) {
            if (history.get(i).size() > 0) {
                hasLayer[i] = true;
                assigned++;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!hasLayer[i]) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingInt((Integer i) -> layerLikelihood(history.get(i))).thenComparingInt(i -> i));
        for (int i = 0; i < candidates.size() && assigned < diffIds.size(); i++) {
            hasLayer[candidates.get(i)] = true;
            assigned++;
        }
        List<String> chains = ChainIds.of(diffIds);
        List<ImageStep> out = new ArrayList<>();
        int layer = 0;
        for (int i = 0; i < n; i++) {
            ImageHistoryEntry h = history.get(i);
            int index = hasLayer[i] ? layer++ : -1;
            out.add(new ImageStep(i + 1, Instruction.fromHistory(h.createdBy()), h.createdBy(), h.created(), h.size(),
                    index, index >= 0 ? diffIds.get(index) : null, index >= 0 ? chains.get(index) : null, h.comment()));
        }
        return List.copyOf(out);
    }

    /** 0 for steps that usually make a layer, higher for those that rarely do. */
    private static int layerLikelihood(ImageHistoryEntry entry) {
        Instruction instruction = Instruction.fromHistory(entry.createdBy());
        if (instruction.writesFiles()) {
            return 0;
        }
        return instruction.keyword().equals("WORKDIR") ? 1 : 2;
    }
}
