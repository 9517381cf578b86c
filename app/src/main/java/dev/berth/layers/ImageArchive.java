package dev.berth.layers;

import java.util.List;

/**
 * What one pass over a {@code docker save} stream yields: the configuration and a file index per
 * layer, bottom first, plus what was wrong with the archive.
 *
 * @param config    null when the archive lacked it and the engine's layer list stood in
 * @param layers    one per diff_id, in order; a layer the archive lacked is empty and incomplete
 * @param warnings  plain sentences, e.g. "The archive ended early"
 * @param complete  true when every layer was read whole
 */
public record ImageArchive(ImageConfig config, List<String> diffIds, List<LayerFiles> layers,
                           List<String> warnings, boolean complete) {
}
