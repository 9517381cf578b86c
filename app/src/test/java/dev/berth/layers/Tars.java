package dev.berth.layers;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Hand-made layer tars and {@code docker save} archives in both layouts, in memory. */
final class Tars {

    private Tars() {
    }

    /** A layer tar built entry by entry. */
    static final class Layer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Layer() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        Layer dir(String path) {
            return entry(path.endsWith("/") ? path : path + "/", TarConstants.LF_DIR, 0755, new byte[0], null);
        }

        Layer file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
        }

        Layer file(String path, byte[] content, int mode) {
            return entry(path, TarConstants.LF_NORMAL, mode, content, null);
        }

        /** A file of {@code size} bytes of one repeated value. */
        Layer file(String path, int size) {
            byte[] content = new byte[size];
            java.util.Arrays.fill(content, (byte) (path.hashCode() & 0x7f));
            return file(path, content, 0644);
        }

        Layer symlink(String path, String target) {
            return entry(path, TarConstants.LF_SYMLINK, 0777, new byte[0], target);
        }

        Layer hardlink(String path, String target) {
            return entry(path, TarConstants.LF_LINK, 0644, new byte[0], target);
        }

        Layer whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String wh = path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
            return entry(wh, TarConstants.LF_NORMAL, 0644, new byte[0], null);
        }

        Layer opaque(String dir) {
            return entry(dir + "/.wh..wh..opq", TarConstants.LF_NORMAL, 0644, new byte[0], null);
        }

        private Layer entry(String path, byte type, int mode, byte[] content, String link) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(path, type);
                e.setMode(mode);
                e.setSize(content.length);
                if (link != null) {
                    e.setLinkName(link);
                }
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        byte[] tar() {
            try {
                tar.finish();
                return bytes.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** An archive of named members (outer tar). */
    static final class Archive {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Archive() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        Archive member(String name, byte[] content) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        Archive member(String name, String content) {
            return member(name, content.getBytes(StandardCharsets.UTF_8));
        }

        Archive symlink(String name, String target) {
            try {
                TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                e.setLinkName(target);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        byte[] bytes() {
            try {
                tar.finish();
                return bytes.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** An image configuration for these layers; {@code steps} are created_by texts, "" marks an empty step. */
    static String config(List<byte[]> layers, List<String> history, List<Boolean> emptyLayer) {
        StringBuilder json = new StringBuilder("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"WorkingDir\":\"/app\"},");
        json.append("\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[");
        for (int i = 0; i < layers.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(sha256(layers.get(i))).append('"');
        }
        json.append("]},\"history\":[");
        for (int i = 0; i < history.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"created\":\"2024-01-0").append(1 + i % 9)
                    .append("T00:00:00Z\",\"created_by\":\"").append(history.get(i).replace("\"", "\\\"")).append('"');
            if (emptyLayer.get(i)) {
                json.append(",\"empty_layer\":true");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    /** Docker 20.10's layout: {@code <id>/layer.tar}, {@code <config>.json}, then manifest.json. */
    static byte[] docker2010(List<byte[]> layers, String config) {
        Archive archive = new Archive();
        String configName = sha256(config.getBytes(StandardCharsets.UTF_8)).substring(7) + ".json";
        List<String> paths = new ArrayList<>();
        // Directory names are legacy v1 IDs, unrelated to diff_ids; written in reverse to show order does not matter.
        for (int i = layers.size() - 1; i >= 0; i--) {
            String id = sha256(("v1-" + i).getBytes(StandardCharsets.UTF_8)).substring(7);
            archive.member(id + "/VERSION", "1.0");
            archive.member(id + "/json", "{\"id\":\"" + id + "\"}");
            archive.member(id + "/layer.tar", layers.get(i));
            paths.add(0, id + "/layer.tar");
        }
        archive.member(configName, config);
        StringBuilder manifest = new StringBuilder("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"x:1\"],\"Layers\":[");
        for (int i = 0; i < paths.size(); i++) {
            manifest.append(i == 0 ? "" : ",").append('"').append(paths.get(i)).append('"');
        }
        archive.member("manifest.json", manifest.append("]}]").toString());
        archive.member("repositories", "{\"x\":{\"1\":\"" + configName + "\"}}");
        return archive.bytes();
    }

    /** The OCI layout of Docker 25+: blobs first, index.json and manifest.json last. */
    static byte[] oci(List<byte[]> blobs, List<String> mediaTypes, String config) {
        return oci(blobs, mediaTypes, config, true);
    }

    static byte[] oci(List<byte[]> blobs, List<String> mediaTypes, String config, boolean dockerManifest) {
        Archive archive = new Archive();
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        StringBuilder layersJson = new StringBuilder();
        List<String> layerPaths = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            String digest = sha256(blobs.get(i));
            archive.member("blobs/sha256/" + digest.substring(7), blobs.get(i));
            layersJson.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(mediaTypes.get(i))
                    .append("\",\"digest\":\"").append(digest).append("\",\"size\":").append(blobs.get(i).length).append('}');
            layerPaths.add("blobs/sha256/" + digest.substring(7));
        }
        String configDigest = sha256(configBytes);
        archive.member("blobs/sha256/" + configDigest.substring(7), configBytes);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configBytes.length + "},\"layers\":[" + layersJson + "]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        String manifestDigest = sha256(manifestBytes);
        archive.member("blobs/sha256/" + manifestDigest.substring(7), manifestBytes);
        archive.member("index.json", "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifestBytes.length + "}]}");
        StringBuilder manifestJson = new StringBuilder("[{\"Config\":\"blobs/sha256/" + configDigest.substring(7)
                + "\",\"RepoTags\":[\"x:1\"],\"Layers\":[");
        for (int i = 0; i < layerPaths.size(); i++) {
            manifestJson.append(i == 0 ? "" : ",").append('"').append(layerPaths.get(i)).append('"');
        }
        if (dockerManifest) {
            archive.member("manifest.json", manifestJson.append("]}]").toString());
        }
        archive.member("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
        return archive.bytes();
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zstd(byte[] data) {
        return Zstd.compress(data);
    }

    static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String configId(String config) {
        return sha256(config.getBytes(StandardCharsets.UTF_8));
    }
}
