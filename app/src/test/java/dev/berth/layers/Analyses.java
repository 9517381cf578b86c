package dev.berth.layers;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ImageDetails;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Analyses of hand-made images: layers plus the history a builder would have recorded. */
final class Analyses {

    private Analyses() {
    }

    /** One layer per history entry that is not marked empty; {@code history} null entries are empty steps. */
    static ImageAnalysis of(List<String> history, List<byte[]> layersInOrder, List<Boolean> empty) {
        String config = Tars.config(layersInOrder, history, empty);
        try {
            ImageArchive archive = new ArchiveReader(Tars.configId(config), List.of(), new Cancellation(), null)
                    .read(new ByteArrayInputStream(Tars.docker2010(layersInOrder, config)));
            ImageDetails image = new ImageDetails(Tars.configId(config), List.of("hand-made:1"), archive.diffIds(),
                    Instant.EPOCH, 0, "linux", "amd64", "/");
            return LayerInspector.analysis(image, List.of(), archive);
        } catch (ArchiveException e) {
            throw new AssertionError(e);
        }
    }

    /** Steps as pairs: created_by, and a layer tar or null for an empty step. */
    static ImageAnalysis steps(Object... pairs) {
        List<String> history = new ArrayList<>();
        List<byte[]> layers = new ArrayList<>();
        List<Boolean> empty = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            history.add((String) pairs[i]);
            byte[] layer = (byte[]) pairs[i + 1];
            empty.add(layer == null);
            if (layer != null) {
                layers.add(layer);
            }
        }
        return of(history, layers, empty);
    }
}
