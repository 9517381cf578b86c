package dev.berth.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.Subscription;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code docker save} stream once, front to back, without writing anything to disk. Both
 * layouts work: Docker 20.10's ({@code manifest.json}, {@code <id>/layer.tar}) and the OCI layout
 * of Docker 25+ ({@code index.json}, {@code blobs/sha256/...}, layers possibly gzip or zstd).
 *
 * <p>The metadata that says which member is which comes last, so every member is judged by its
 * first bytes: a tar (plain or compressed) is indexed at once into a compact {@link LayerFiles}
 * keyed by the SHA-256 of its uncompressed bytes (its diff_id), small JSON is kept, the rest
 * passes by. At the end the configuration (the JSON whose digest is the image ID) orders the
 * layers. Layer bytes are never held in memory.
 */
public final class ArchiveReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIFF = 512;
    private static final long PROGRESS_STEP = 1 << 20;
    static final Set<String> LAYER_MEDIA_TYPES = Set.of(
            "application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar+zstd",
            "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
            "application/vnd.docker.image.rootfs.diff.tar",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

    private final String expectedImageId;
    private final List<String> expectedDiffIds;
    private final Cancellation cancellation;
    private final LongConsumer progress;
    private final ArchiveLimits limits;

    private final Map<String, LayerFiles> layersByDiffId = new HashMap<>();
    private final Map<String, LayerFiles> brokenByPath = new HashMap<>();
    private final Map<String, String> diffIdByBlob = new HashMap<>();
    private final Map<String, String> unknownBlobs = new HashMap<>();
    private final Map<String, byte[]> jsonByDigest = new HashMap<>();
    private final Map<String, byte[]> jsonByPath = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    /**
     * @param expectedImageId  the ID the engine reported, or null: finds the configuration by digest
     * @param expectedDiffIds  the engine's layer list, or empty: orders layers if the archive's
     *                         configuration is lost (a truncated stream)
     * @param progress         receives the count of archive bytes read, about once per megabyte
     */
    public ArchiveReader(String expectedImageId, List<String> expectedDiffIds, Cancellation cancellation,
                         LongConsumer progress) {
        this(expectedImageId, expectedDiffIds, cancellation, progress, ArchiveLimits.defaults());
    }

    ArchiveReader(String expectedImageId, List<String> expectedDiffIds, Cancellation cancellation,
                  LongConsumer progress, ArchiveLimits limits) {
        this.expectedImageId = expectedImageId;
        this.expectedDiffIds = expectedDiffIds == null ? List.of() : List.copyOf(expectedDiffIds);
        this.cancellation = cancellation;
        this.progress = progress;
        this.limits = limits;
    }

    /** Reads the whole stream (and closes it). Throws only when nothing usable came out of it. */
    public ImageArchive read(InputStream stream) throws ArchiveException {
        boolean truncated = false;
        int members = 0;
        try (InputStream in = new Counting(new BufferedInputStream(stream, 256 * 1024), progress);
             Subscription closeOnCancel = cancellation.onCancel(() -> closeQuietly(in))) {
            TarStream outer = new TarStream(in);
            TarStream.Header entry;
            while ((entry = outer.next()) != null) {
                cancellation.check();
                members++;
                if (!entry.isFile()) {
                    // Folders, and symlinks Docker writes when a layer repeats: layers are keyed by digest.
                    continue;
                }
                String path = LayerPaths.normalize(entry.name());
                if (path == null) {
                    warnings.add("Skipped the archive member " + entry.name() + ": its path leaves the archive");
                    continue;
                }
                member(outer.content(), path);
            }
        } catch (ArchiveLimits.Exceeded limit) {
            cancellation.check();
            if (members == 0) {
                throw limit;
            }
            warnings.add(limit.getMessage());
            truncated = true;
        } catch (IOException | RuntimeException broken) {
            cancellation.check();
            if (members == 0) {
                throw new ArchiveException("This is not an image archive: " + LayerTarParser.describe(broken), broken);
            }
            warnings.add("The archive ended early or is corrupt: " + LayerTarParser.describe(broken));
            truncated = true;
        }
        if (members == 0) {
            throw new ArchiveException("The archive is empty");
        }
        return assemble(truncated);
    }

    private void member(InputStream content, String path) throws IOException {
        PushbackInputStream in = new PushbackInputStream(content, SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.unread(head);
        String label = "The archive member " + path;
        switch (BlobFormat.sniff(head, head.length)) {
            case JSON -> {
                byte[] bytes = in.readNBytes(ArchiveLimits.MAX_JSON_BYTES + 1);
                if (bytes.length > ArchiveLimits.MAX_JSON_BYTES) {
                    warnings.add("Skipped " + path + ": a metadata file larger than 8 MB");
                    return;
                }
                jsonByDigest.put(sha256(bytes), bytes);
                jsonByPath.put(path, bytes);
            }
            case TAR -> layer(path, new LayerTarParser(limits, cancellation).parse(in, label), null);
            case GZIP -> compressedLayer(path, in, label, false);
            case ZSTD -> compressedLayer(path, in, label, true);
            case OTHER_COMPRESSION, UNKNOWN -> {
                DigestingInputStream digest = new DigestingInputStream(in);
                digest.drain();
                unknownBlobs.put(digest.digest(), path);
            }
        }
    }

    private void compressedLayer(String path, InputStream in, String label, boolean zstd) throws IOException {
        DigestingInputStream raw = new DigestingInputStream(in);
        InputStream plain;
        try {
            plain = zstd ? new ZstdInputStream(raw) : new GZIPInputStream(raw, 64 * 1024);
        } catch (LinkageError noNative) {
            warnings.add("Cannot read zstd-compressed layers on this platform (" + path + ")");
            raw.drain();
            unknownBlobs.put(raw.digest(), path);
            return;
        } catch (IOException badHeader) {
            warnings.add(label + " is not valid " + (zstd ? "zstd" : "gzip") + ": " + LayerTarParser.describe(badHeader));
            raw.drain();
            unknownBlobs.put(raw.digest(), path);
            return;
        }
        LayerFiles files = new LayerTarParser(limits, cancellation).parse(plain, label);
        raw.drain();
        layer(path, files, raw.digest());
    }

    private void layer(String path, LayerFiles files, String blobDigest) {
        if (!files.complete()) {
            brokenByPath.put(path, files);
            return;
        }
        layersByDiffId.putIfAbsent(files.diffId(), files);
        diffIdByBlob.put(blobDigest == null ? files.diffId() : blobDigest, files.diffId());
    }

    private ImageArchive assemble(boolean truncated) throws ArchiveException {
        JsonNode dockerManifest = json(jsonByPath.get("manifest.json"));
        JsonNode ociManifest = ociManifest();
        ImageConfig config = findConfig(dockerManifest, ociManifest);
        List<String> diffIds;
        if (config != null) {
            diffIds = config.diffIds();
        } else if (!expectedDiffIds.isEmpty()) {
            warnings.add("The archive holds no image configuration; the engine's layer list is used instead");
            diffIds = expectedDiffIds;
        } else {
            throw new ArchiveException("The archive holds no image configuration"
                    + (truncated ? " (it ended early)" : ""));
        }
        if (ociManifest != null) {
            checkMediaTypes(ociManifest);
        }
        List<String> layerPaths = new ArrayList<>();
        if (dockerManifest != null && dockerManifest.isArray() && !dockerManifest.isEmpty()) {
            for (JsonNode p : manifestEntry(dockerManifest).path("Layers")) {
                layerPaths.add(LayerPaths.normalize(p.asText("")));
            }
        }
        List<LayerFiles> layers = new ArrayList<>();
        boolean complete = !truncated && config != null;
        for (int i = 0; i < diffIds.size(); i++) {
            String diffId = diffIds.get(i);
            LayerFiles files = layersByDiffId.get(diffId);
            if (files == null && i < layerPaths.size() && brokenByPath.containsKey(layerPaths.get(i))) {
                // A broken layer has no trustworthy digest; only then does its position in the manifest place it.
                LayerFiles broken = brokenByPath.get(layerPaths.get(i));
                files = new LayerFiles(diffId, broken.tarSize(), broken.entries(), broken.deletions(),
                        broken.opaqueDirs(), false, broken.warnings());
            }
            if (files == null) {
                files = LayerFiles.missing(diffId);
                warnings.add("Layer " + (i + 1) + " (" + ImageSummary.shortId(diffId) + ") is "
                        + (truncated ? "not in the part of the archive that arrived" : "not in the archive"));
            }
            warnings.addAll(files.warnings());
            complete &= files.complete();
            layers.add(files);
        }
        for (LayerFiles broken : brokenByPath.values()) {
            if (!layers.stream().anyMatch(l -> l.entries() == broken.entries())) {
                warnings.addAll(broken.warnings());
            }
        }
        return new ImageArchive(config, List.copyOf(diffIds), List.copyOf(layers), List.copyOf(warnings), complete);
    }

    private ImageConfig findConfig(JsonNode dockerManifest, JsonNode ociManifest) throws ArchiveException {
        byte[] bytes = expectedImageId == null ? null : jsonByDigest.get(expectedImageId);
        if (bytes == null && dockerManifest != null && dockerManifest.isArray() && !dockerManifest.isEmpty()) {
            String configPath = LayerPaths.normalize(manifestEntry(dockerManifest).path("Config").asText(""));
            bytes = configPath == null ? null : jsonByPath.get(configPath);
        }
        if (bytes == null && ociManifest != null) {
            bytes = jsonByDigest.get(ociManifest.path("config").path("digest").asText(""));
        }
        if (bytes == null) {
            List<JsonNode> candidates = new ArrayList<>();
            for (byte[] b : jsonByDigest.values()) {
                JsonNode node = json(b);
                if (ImageConfig.looksLikeConfig(node)) {
                    candidates.add(node);
                }
            }
            return candidates.size() == 1 ? ImageConfig.from(candidates.get(0)) : null;
        }
        return ImageConfig.parse(bytes);
    }

    /** The manifest.json element for the expected image, else the first. */
    private JsonNode manifestEntry(JsonNode dockerManifest) {
        if (expectedImageId != null) {
            for (JsonNode m : dockerManifest) {
                String configPath = LayerPaths.normalize(m.path("Config").asText(""));
                byte[] config = configPath == null ? null : jsonByPath.get(configPath);
                if (config != null && expectedImageId.equals(sha256(config))) {
                    return m;
                }
            }
        }
        return dockerManifest.get(0);
    }

    /** index.json → (nested index →) image manifest; null in the Docker 20.10 layout. */
    private JsonNode ociManifest() {
        JsonNode node = json(jsonByPath.get("index.json"));
        for (int depth = 0; node != null && depth < 4; depth++) {
            if (node.path("layers").isArray()) {
                return node;
            }
            JsonNode manifests = node.path("manifests");
            if (!manifests.isArray() || manifests.isEmpty()) {
                return null;
            }
            node = json(jsonByDigest.get(manifests.get(0).path("digest").asText("")));
        }
        return null;
    }

    private void checkMediaTypes(JsonNode manifest) {
        int i = 0;
        for (JsonNode layer : manifest.path("layers")) {
            i++;
            String mediaType = layer.path("mediaType").asText("");
            String digest = layer.path("digest").asText("");
            if (!LAYER_MEDIA_TYPES.contains(mediaType)) {
                warnings.add("Layer " + i + " has the media type \"" + mediaType + "\", which Berth does not know"
                        + (diffIdByBlob.containsKey(digest) ? "; its content is a tar, so it is shown" : "; it is not shown"));
            } else if (unknownBlobs.containsKey(digest)) {
                warnings.add("Layer " + i + " says it is " + mediaType + " but its content is not a layer; it is not shown");
            }
        }
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // cancelling
        }
    }

    /** Reports progress about once per megabyte. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long count;
        private long reported;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            if (skipped > 0) {
                advance(skipped);
            }
            return skipped;
        }

        private void advance(long n) {
            count += n;
            if (progress != null && count - reported >= PROGRESS_STEP) {
                reported = count;
                progress.accept(count);
            }
        }
    }
}
