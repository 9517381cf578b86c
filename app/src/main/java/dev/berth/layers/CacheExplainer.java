package dev.berth.layers;

import dev.berth.engine.build.DockerIgnore;
import dev.berth.engine.build.Dockerfile;
import dev.berth.layers.CacheExplanation.Change;
import dev.berth.layers.CacheExplanation.ContextFileChange;
import dev.berth.layers.CacheExplanation.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Explains the first cache miss of a build by comparing the new image's steps with the previous
 * image's (the one the build could have taken its cache from): the first step where they part is
 * the first miss, and what differs there says why.
 */
public final class CacheExplainer {

    private static final Set<String> COPY_FLAGS_WITH_SOURCE = Set.of("--from");

    private CacheExplainer() {
    }

    /**
     * @param previous    the full analysis of the previous image (its layer files are compared)
     * @param current     the new image's steps
     * @param dockerfile  the Dockerfile the new image was built from, or null
     * @param context     the build context folder, or null (then COPY files are not compared)
     */
    public static CacheExplanation explain(ImageAnalysis previous, List<ImageStep> current, Dockerfile dockerfile,
                                           Path context) {
        List<ImageStep> before = previous.steps();
        int i = firstDifference(before, current);
        if (i < 0) {
            return new CacheExplanation(Verdict.ALL_CACHED, null, null,
                    "Every step matches the previous image: the whole build came from the cache.", List.of(), List.of());
        }
        if (i >= current.size()) {
            return new CacheExplanation(Verdict.INSTRUCTION_CHANGED, null, null,
                    "The new image ends after step " + current.size() + "; the previous one had "
                            + before.size() + " steps.", List.of(), List.of());
        }
        ImageStep now = current.get(i);
        List<Dockerfile.Instruction> lines = dockerfile == null ? null : DockerfileSteps.linesOf(dockerfile, current);
        Dockerfile.Instruction line = lines == null ? null : lines.get(i);
        if (lines != null && line == null && lines.stream().anyMatch(Objects::nonNull)) {
            Dockerfile.Instruction from = DockerfileSteps.finalStage(dockerfile).isEmpty() ? null : DockerfileSteps.finalStage(dockerfile).get(0);
            return new CacheExplanation(Verdict.BASE_IMAGE_CHANGED, now, from,
                    "The base image changed" + (from == null ? "" : " (" + from.text() + ")")
                            + ", so every step of the Dockerfile ran again.",
                    List.of("Its step " + now.number() + " differs: " + now.instruction().text()), List.of());
        }
        if (i >= before.size()) {
            return new CacheExplanation(Verdict.NEW_STEP, now, line,
                    "This step is new: the previous image ended before it.", List.of(), List.of());
        }
        Instruction was = before.get(i).instruction();
        Instruction is = now.instruction();
        List<String> argChanges = argChanges(was.buildArgs(), is.buildArgs());
        if (!was.textWithoutContentHashes().equals(is.textWithoutContentHashes())) {
            List<String> details = new ArrayList<>();
            details.add("Before: " + was.text());
            details.add("Now: " + is.text());
            details.addAll(argChanges);
            return new CacheExplanation(Verdict.INSTRUCTION_CHANGED, now, line,
                    "The instruction changed, so this step and every step after it ran again.", details, List.of());
        }
        if (!argChanges.isEmpty()) {
            return new CacheExplanation(Verdict.BUILD_ARG_CHANGED, now, line,
                    argChanges.size() == 1 ? argChanges.get(0) + "." : "Build args changed.", argChanges, List.of());
        }
        if (is.keyword().equals("COPY") || is.keyword().equals("ADD")) {
            return filesChanged(previous, before.get(i), now, line, dockerfile, context);
        }
        return new CacheExplanation(Verdict.NOT_FROM_CACHE, now, line,
                "Nothing this step depends on changed, yet it ran again.",
                List.of("The build used --no-cache, the cache was pruned, or the previous image came from the other builder."),
                List.of());
    }

    /** Index of the first step whose instruction, build args or layer differ; -1 when none. */
    static int firstDifference(List<ImageStep> before, List<ImageStep> now) {
        int n = Math.max(before.size(), now.size());
        for (int i = 0; i < n; i++) {
            if (i >= before.size() || i >= now.size()) {
                return i;
            }
            ImageStep a = before.get(i);
            ImageStep b = now.get(i);
            if (!a.instruction().textWithoutContentHashes().equals(b.instruction().textWithoutContentHashes())
                    || !a.instruction().buildArgs().equals(b.instruction().buildArgs())
                    || a.isEmpty() != b.isEmpty()
                    || !a.isEmpty() && !Objects.equals(a.chainId(), b.chainId())) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> argChanges(Map<String, String> was, Map<String, String> is) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(is.keySet());
        for (String key : keys) {
            String a = was.get(key);
            String b = is.get(key);
            if (a == null) {
                out.add("Build arg " + key + " is new (" + b + ")");
            } else if (b == null) {
                out.add("Build arg " + key + " is no longer set (was " + a + ")");
            } else if (!a.equals(b)) {
                out.add("Build arg " + key + " changed from " + a + " to " + b);
            }
        }
        return out;
    }

    private static CacheExplanation filesChanged(ImageAnalysis previous, ImageStep was, ImageStep now,
                                                 Dockerfile.Instruction line, Dockerfile dockerfile, Path context) {
        String summary = "Files this step copies changed since the previous build.";
        if (context == null || line == null || was.isEmpty()) {
            return new CacheExplanation(Verdict.FILES_CHANGED, now, line, summary,
                    List.of("Open the build context to see which files."), List.of());
        }
        CopySpec spec = CopySpec.parse(line.arguments(), workdirBefore(dockerfile, line));
        if (spec.fromStage() != null) {
            return new CacheExplanation(Verdict.FILES_CHANGED, now, line,
                    "The files this step copies from " + spec.fromStage() + " changed.", List.of(), List.of());
        }
        List<ContextFileChange> files;
        try {
            files = compare(context, spec, previous.layer(was.layerIndex()));
        } catch (IOException e) {
            return new CacheExplanation(Verdict.FILES_CHANGED, now, line, summary,
                    List.of("Cannot read the build context: " + LayerTarParser.describe(e)), List.of());
        }
        if (files.isEmpty()) {
            return new CacheExplanation(Verdict.FILES_CHANGED, now, line, summary,
                    List.of("No copied file differs from the previous image in content or permissions;"
                            + " owners, timestamps of added archives or .dockerignore may have changed."), List.of());
        }
        long changed = files.stream().filter(f -> f.change() != Change.GONE).count();
        long gone = files.size() - changed;
        String count = (changed > 0 ? changed + (changed == 1 ? " file" : " files") + " changed or new" : "")
                + (changed > 0 && gone > 0 ? ", " : "")
                + (gone > 0 ? gone + (gone == 1 ? " file" : " files") + " gone" : "");
        return new CacheExplanation(Verdict.FILES_CHANGED, now, line,
                "Files this step copies changed since the previous build (" + count + ").", List.of(), files);
    }

    /** The WORKDIR in force at {@code line}, from the WORKDIRs before it in its stage; "/" if none. */
    static String workdirBefore(Dockerfile dockerfile, Dockerfile.Instruction line) {
        String dir = "/";
        for (Dockerfile.Instruction l : dockerfile.instructions()) {
            if (l == line) {
                break;
            }
            if (l.stage() == line.stage() && l.keyword().equals("WORKDIR")) {
                String arg = unquote(l.arguments().strip());
                dir = arg.startsWith("/") ? arg : (dir.endsWith("/") ? dir : dir + "/") + arg;
            }
        }
        return dir;
    }

    /** Sources and destination of a COPY/ADD. */
    record CopySpec(List<String> sources, String destination, boolean destinationIsDir, String fromStage) {

        static CopySpec parse(String arguments, String workdir) {
            List<String> words = words(arguments);
            String from = null;
            List<String> plain = new ArrayList<>();
            for (String w : words) {
                if (w.startsWith("--")) {
                    int eq = w.indexOf('=');
                    if (eq > 0 && COPY_FLAGS_WITH_SOURCE.contains(w.substring(0, eq))) {
                        from = w.substring(eq + 1);
                    }
                } else {
                    plain.add(w);
                }
            }
            if (plain.size() < 2) {
                return new CopySpec(List.of(), workdir, true, from);
            }
            String dest = plain.get(plain.size() - 1);
            String absolute = dest.startsWith("/") ? dest : (workdir.endsWith("/") ? workdir : workdir + "/") + dest;
            boolean dir = dest.endsWith("/") || dest.equals(".") || plain.size() > 2;
            return new CopySpec(List.copyOf(plain.subList(0, plain.size() - 1)), absolute, dir, from);
        }

        private static List<String> words(String arguments) {
            String text = arguments.strip();
            List<String> out = new ArrayList<>();
            if (text.startsWith("[")) {
                java.util.regex.Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
                return out;
            }
            for (String w : text.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            return out;
        }
    }

    /** Context files the COPY would put into the image, compared with what the previous layer holds. */
    static List<ContextFileChange> compare(Path context, CopySpec spec, LayerFiles layer)
            throws IOException {
        Map<String, Boolean> excluded = contextFiles(context);
        Map<String, LayerEntry> held = new HashMap<>();
        for (LayerEntry e : layer.entries()) {
            if (e.isFile()) {
                held.put(e.path(), e);
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        boolean anyDirSource = false;
        for (String rawSource : spec.sources()) {
            String source = LayerPaths.normalize(rawSource.replace('\\', '/'));
            if (source == null) {
                continue;
            }
            boolean glob = source.contains("*") || source.contains("?") || source.contains("[");
            // The .dockerignore matcher speaks the same glob dialect as COPY sources.
            DockerIgnore pattern = glob ? DockerIgnore.parse(source) : null;
            for (String file : excluded.keySet()) {
                String relative = null;
                if (source.isEmpty()) {
                    relative = file;
                    anyDirSource = true;
                } else if (file.startsWith(source + "/")) {
                    relative = file.substring(source.length() + 1);
                    anyDirSource = true;
                } else if (file.equals(source) || (pattern != null && pattern.excludes(file))) {
                    relative = spec.destinationIsDir() || spec.sources().size() > 1 || glob
                            ? LayerPaths.name(file) : "";
                }
                if (relative != null) {
                    String target = LayerPaths.normalize(relative.isEmpty() ? spec.destination()
                            : LayerPaths.join(LayerPaths.normalize(spec.destination()), relative));
                    // Builders differ on an excluded Dockerfile (classic drops it, BuildKit given a tar
                    // copies it): an excluded file counts when the previous image holds it.
                    if (!excluded.get(file) || held.containsKey(target)) {
                        expected.put(target, file);
                    }
                }
            }
        }
        List<ContextFileChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = context.resolve(e.getValue());
            long size = Files.size(file);
            LayerEntry old = held.get(e.getKey());
            if (old == null) {
                out.add(new ContextFileChange(e.getValue(), "/" + e.getKey(), Change.NEW, -1, size));
            } else if (old.size() != size || old.checksum() != crc(file)) {
                out.add(new ContextFileChange(e.getValue(), "/" + e.getKey(), Change.CHANGED, old.size(), size));
            } else if (posixMode(file) >= 0 && (old.mode() & 0777) != posixMode(file)) {
                out.add(new ContextFileChange(e.getValue(), "/" + e.getKey(), Change.MODE, old.size(), size));
            }
        }
        if (anyDirSource || spec.destinationIsDir()) {
            String prefix = LayerPaths.normalize(spec.destination());
            for (LayerEntry e : layer.entries()) {
                boolean under = prefix.isEmpty() || e.path().startsWith(prefix + "/");
                if (e.isFile() && under && !expected.containsKey(e.path())) {
                    String relative = prefix.isEmpty() ? e.path() : e.path().substring(prefix.length() + 1);
                    out.add(new ContextFileChange(relative, "/" + e.path(), Change.GONE, e.size(), -1));
                }
            }
        }
        return out;
    }

    /** The context's files, and which of them {@code .dockerignore} excludes. */
    private static Map<String, Boolean> contextFiles(Path context) throws IOException {
        DockerIgnore ignore = DockerIgnore.read(context);
        Map<String, Boolean> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(context)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String relative = context.relativize(p).toString().replace('\\', '/');
                out.put(relative, ignore.excludes(relative));
            });
        }
        return out;
    }

    private static int crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        return (int) crc.getValue();
    }

    private static int posixMode(Path file) {
        try {
            int mode = 0;
            for (PosixFilePermission p : Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"")) ? s.substring(1, s.length() - 1) : s;
    }
}
