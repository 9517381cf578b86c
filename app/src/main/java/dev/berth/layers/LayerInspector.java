package dev.berth.layers;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ImageDetails;
import dev.berth.engine.ImageHistoryEntry;
import dev.berth.engine.LayerApi;
import dev.berth.engine.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Inspects images on the engine: the quick overview (history and layer list, nothing downloaded)
 * and the full analysis (one pass over the {@code docker save} stream). Full analyses are cached by
 * image ID: the ID is the digest of the image's configuration, which names its layers by digest,
 * so a cached analysis can never go stale.
 */
public final class LayerInspector {

    /** Analyses kept; each holds compact file indexes, tens of megabytes for a large image. */
    private static final int CACHED = 4;
    private static final Map<String, ImageAnalysis> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageAnalysis> eldest) {
            return size() > CACHED;
        }
    };

    private final LayerApi api;

    public LayerInspector(LayerApi api) {
        this.api = api;
    }

    /** The image and its steps, from the engine's metadata only: fast, no archive. */
    public Overview overview(String reference) {
        ImageDetails image = api.inspect(reference);
        List<ImageHistoryEntry> history = api.history(image.id());
        return new Overview(image, ImageSteps.fromHistory(history, image.diffIds()));
    }

    /** An image's details and its steps as far as the engine's metadata tells. */
    public record Overview(ImageDetails image, List<ImageStep> steps) {
    }

    /** The cached analysis of this image ID, if any. */
    public static ImageAnalysis cached(String imageId) {
        synchronized (CACHE) {
            return CACHE.get(imageId);
        }
    }

    /**
     * Streams the image's archive once and analyses it. Cancelling closes the stream.
     *
     * @param progress receives the archive bytes read so far
     */
    public ImageAnalysis analyze(Overview overview, Cancellation cancellation, LongConsumer progress)
            throws ArchiveException {
        ImageDetails image = overview.image();
        ImageAnalysis cached = cached(image.id());
        if (cached != null) {
            return cached;
        }
        cancellation.check();
        ImageArchive archive;
        try (InputStream in = api.save(image.id());
             Subscription closeOnCancel = cancellation.onCancel(() -> closeQuietly(in))) {
            archive = new ArchiveReader(image.id(), image.diffIds(), cancellation, progress).read(in);
        } catch (IOException e) {
            cancellation.check();
            throw e instanceof ArchiveException a ? a : new ArchiveException(LayerTarParser.describe(e), e);
        }
        ImageAnalysis analysis = analysis(image, overview.steps(), archive);
        if (analysis.complete()) {
            synchronized (CACHE) {
                CACHE.put(image.id(), analysis);
            }
        }
        return analysis;
    }

    /** Joins what the archive held with the engine's metadata. */
    public static ImageAnalysis analysis(ImageDetails image, List<ImageStep> engineSteps, ImageArchive archive) {
        List<Long> sizes = new ArrayList<>();
        for (LayerFiles layer : archive.layers()) {
            sizes.add(layer.contentBytes());
        }
        List<ImageStep> steps = archive.config() != null
                ? ImageSteps.fromConfig(archive.config(), sizes) : engineSteps;
        LayerStack stack = new LayerStack(archive.layers());
        return new ImageAnalysis(image, steps, stack, stack.efficiency(), archive.warnings(), archive.complete());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // cancelling
        }
    }
}
