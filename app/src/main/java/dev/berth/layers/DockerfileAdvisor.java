package dev.berth.layers;

import dev.berth.app.common.Formats;
import dev.berth.engine.build.Dockerfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Advice for people learning to write Dockerfiles, each pointing at the lines concerned: a broad
 * {@code COPY . .} before the dependency install, files added and deleted in a later step, package
 * manager caches left in a layer, and runs of RUN steps that could be one. Works from the image
 * alone (naming steps) and better with its Dockerfile (naming lines).
 */
public final class DockerfileAdvisor {

    /** Below this, leftovers are not worth a learner's attention. */
    static final long WORTH_MENTIONING = 64 * 1024;
    static final int MANY_RUNS = 3;

    /** An install command, and the files to copy before it so it only reruns when they change. */
    private record Installer(Pattern command, String manifests) {
    }

    private static final List<Installer> INSTALLERS = List.of(
            new Installer(Pattern.compile("\\bnpm\\s+(ci|install|i)\\b"), "package.json package-lock.json"),
            new Installer(Pattern.compile("\\byarn(\\s+install)?\\b"), "package.json yarn.lock"),
            new Installer(Pattern.compile("\\bpnpm\\s+(install|i)\\b"), "package.json pnpm-lock.yaml"),
            new Installer(Pattern.compile("\\bpip3?\\s+install\\b"), "requirements.txt"),
            new Installer(Pattern.compile("\\bpoetry\\s+install\\b"), "pyproject.toml poetry.lock"),
            new Installer(Pattern.compile("\\bpipenv\\s+install\\b"), "Pipfile Pipfile.lock"),
            new Installer(Pattern.compile("\\bbundle\\s+install\\b"), "Gemfile Gemfile.lock"),
            new Installer(Pattern.compile("\\bcomposer\\s+install\\b"), "composer.json composer.lock"),
            new Installer(Pattern.compile("\\bgo\\s+(mod\\s+download|build|get)\\b"), "go.mod go.sum"),
            new Installer(Pattern.compile("\\bcargo\\s+(build|fetch)\\b"), "Cargo.toml Cargo.lock"),
            new Installer(Pattern.compile("\\b(mvn|mvnw)\\b"), "pom.xml"),
            new Installer(Pattern.compile("\\b(gradle|gradlew)\\b"), "build.gradle settings.gradle"),
            new Installer(Pattern.compile("\\bdotnet\\s+restore\\b"), "*.csproj"),
            new Installer(Pattern.compile("\\b(apt-get|apt)\\s+install\\b|\\bapk\\s+add\\b|\\b(yum|dnf)\\s+install\\b"), null));

    /** A package manager's cache folder and how to avoid leaving it in the layer. */
    private record Cache(String name, Pattern path, String fix) {
    }

    private static final List<Cache> CACHES = List.of(
            new Cache("apt package lists", Pattern.compile("^var/lib/apt/lists/"),
                    "add && rm -rf /var/lib/apt/lists/* at the end of the same RUN"),
            new Cache("apt downloaded packages", Pattern.compile("^var/cache/apt/"),
                    "add && apt-get clean at the end of the same RUN"),
            new Cache("apk cache", Pattern.compile("^(etc/apk/cache|var/cache/apk)/"), "use apk add --no-cache"),
            new Cache("pip cache", Pattern.compile("(^|/)\\.cache/pip/"), "use pip install --no-cache-dir"),
            new Cache("npm cache", Pattern.compile("(^|/)\\.npm/"),
                    "add && npm cache clean --force in the same RUN, or use a cache mount"),
            new Cache("yarn cache", Pattern.compile("(^|/)(\\.cache/yarn|\\.yarn/cache|share/\\.cache/yarn)/"),
                    "add && yarn cache clean in the same RUN"),
            new Cache("yum cache", Pattern.compile("^var/cache/yum/"), "add && yum clean all in the same RUN"),
            new Cache("dnf cache", Pattern.compile("^var/cache/dnf/"), "add && dnf clean all in the same RUN"),
            new Cache("Go build cache", Pattern.compile("(^|/)\\.cache/go-build/"),
                    "use a cache mount (RUN --mount=type=cache,target=/root/.cache/go-build) or a build stage"),
            new Cache("Composer cache", Pattern.compile("(^|/)\\.(composer/cache|cache/composer)/"),
                    "use composer install --no-cache"));

    private DockerfileAdvisor() {
    }

    /** @param dockerfile the image's Dockerfile, or null to advise from the image's history alone */
    public static List<Advice> advise(ImageAnalysis analysis, Dockerfile dockerfile) {
        List<Dockerfile.Instruction> lines = dockerfile == null ? null : DockerfileSteps.linesOf(dockerfile, analysis.steps());
        Steps steps = new Steps(analysis, lines);
        List<Advice> out = new ArrayList<>();
        out.addAll(broadCopyBeforeInstall(steps, dockerfile));
        Set<String> caches = new HashSet<>();
        out.addAll(packageCaches(analysis, steps, caches));
        out.addAll(addedThenDeleted(analysis, steps, caches));
        out.addAll(manyRuns(steps, dockerfile));
        return out;
    }

    /** The instructions to reason about, each with how to name it. */
    private static final class Steps {
        final ImageAnalysis analysis;
        final List<Dockerfile.Instruction> lines;

        Steps(ImageAnalysis analysis, List<Dockerfile.Instruction> lines) {
            this.analysis = analysis;
            this.lines = lines;
        }

        String name(ImageStep step) {
            if (step == null) {
                return "an unknown step";
            }
            Dockerfile.Instruction line = lines == null ? null : lines.get(analysis.steps().indexOf(step));
            return line != null ? DockerfileSteps.where(line) : "step " + step.number();
        }

        String quote(ImageStep step) {
            Dockerfile.Instruction line = lines == null ? null : lines.get(analysis.steps().indexOf(step));
            return shorten(line != null ? line.text() : step.instruction().text());
        }
    }

    private static List<Advice> broadCopyBeforeInstall(Steps steps, Dockerfile dockerfile) {
        List<Advice> out = new ArrayList<>();
        List<Item> items = items(steps, dockerfile);
        for (int i = 0; i < items.size(); i++) {
            Item copy = items.get(i);
            if (!isBroadCopy(copy)) {
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) {
                Item run = items.get(j);
                if (!run.keyword.equals("RUN")) {
                    continue;
                }
                Installer installer = installerOf(run.text);
                if (installer == null) {
                    continue;
                }
                String fix = installer.manifests() == null
                        ? "Install system packages before copying your code."
                        : "Copy only " + installer.manifests() + " first, run the install, then copy the rest.";
                out.add(new Advice(Advice.Kind.BROAD_COPY_BEFORE_INSTALL, "Dependencies reinstall on every code change",
                        "\"" + shorten(copy.text) + "\" (" + copy.where + ") copies all your files before \""
                                + shorten(run.text) + "\" (" + run.where + "), so changing any file reruns the install. "
                                + fix, List.of(copy.where, run.where), 0));
                break;
            }
        }
        return out;
    }

    private static boolean isBroadCopy(Item item) {
        if (!item.keyword.equals("COPY") && !item.keyword.equals("ADD")) {
            return false;
        }
        if (item.text.contains("--from=")) {
            return false;
        }
        String[] words = item.text.substring(item.keyword.length()).strip().split("\\s+");
        for (int k = 0; k < words.length - 1; k++) {
            String w = words[k];
            if (w.equals(".") || w.equals("./") || w.equals("*") || w.equals("[\".\",")) {
                return true;
            }
        }
        // BuildKit records "COPY . /app"; the classic builder "COPY dir:<hash> in /app" for a folder.
        return item.text.matches("(?s)(COPY|ADD) dir:[0-9a-f…]+ in .*") && item.fromHistory;
    }

    private static Installer installerOf(String command) {
        String lower = command.toLowerCase(Locale.ROOT);
        for (Installer installer : INSTALLERS) {
            if (installer.command().matcher(lower).find()) {
                return installer;
            }
        }
        return null;
    }

    private static List<Advice> packageCaches(ImageAnalysis analysis, Steps steps, Set<String> reported) {
        List<Advice> out = new ArrayList<>();
        for (int layer = 0; layer < analysis.stack().size(); layer++) {
            Map<Cache, long[]> found = new LinkedHashMap<>();
            for (LayerEntry e : analysis.layer(layer).entries()) {
                if (!e.isFile()) {
                    continue;
                }
                for (Cache cache : CACHES) {
                    if (cache.path().matcher(e.path()).find()) {
                        long[] sum = found.computeIfAbsent(cache, c -> new long[2]);
                        sum[0] += e.size();
                        sum[1]++;
                        reported.add(e.path());
                        break;
                    }
                }
            }
            ImageStep step = analysis.stepOfLayer(layer);
            for (Map.Entry<Cache, long[]> f : found.entrySet()) {
                if (f.getValue()[0] < WORTH_MENTIONING) {
                    continue;
                }
                Cache cache = f.getKey();
                out.add(new Advice(Advice.Kind.PACKAGE_CACHE, "The " + cache.name() + " stays in the image",
                        "\"" + steps.quote(step) + "\" (" + steps.name(step) + ") leaves " + Formats.bytes(f.getValue()[0])
                                + " of " + cache.name() + " (" + f.getValue()[1] + " files) in its layer. To keep it out, "
                                + cache.fix() + ".", List.of(steps.name(step)), f.getValue()[0]));
            }
        }
        return out;
    }

    private static List<Advice> addedThenDeleted(ImageAnalysis analysis, Steps steps, Set<String> caches) {
        // Grouped by (layer that added, layer that deleted).
        Map<List<Integer>, long[]> groups = new LinkedHashMap<>();
        Map<List<Integer>, String> example = new HashMap<>();
        for (Efficiency.Waste w : analysis.efficiency().wastes()) {
            if (!w.removed() || w.layers().size() < 2 || caches.contains(w.path().substring(1))) {
                continue;
            }
            List<Integer> key = List.of(w.layers().get(0), w.layers().get(w.layers().size() - 1));
            long[] sum = groups.computeIfAbsent(key, k -> new long[2]);
            sum[0] += w.wastedBytes();
            sum[1]++;
            example.putIfAbsent(key, w.path());
        }
        List<Advice> out = new ArrayList<>();
        for (Map.Entry<List<Integer>, long[]> g : groups.entrySet()) {
            if (g.getValue()[0] < WORTH_MENTIONING) {
                continue;
            }
            ImageStep added = analysis.stepOfLayer(g.getKey().get(0));
            ImageStep deleted = analysis.stepOfLayer(g.getKey().get(1));
            long files = g.getValue()[1];
            String what = files == 1 ? example.get(g.getKey()) : files + " files such as " + example.get(g.getKey());
            out.add(new Advice(Advice.Kind.ADDED_THEN_DELETED, "Deleted files still take space",
                    what + " (" + Formats.bytes(g.getValue()[0]) + ") " + (files == 1 ? "is" : "are") + " added by \""
                            + steps.quote(added) + "\" (" + steps.name(added) + ") and deleted by \"" + steps.quote(deleted)
                            + "\" (" + steps.name(deleted) + "). A later step only hides files; the image still carries"
                            + " their bytes. Delete them in the same RUN that creates them, or build them in a separate stage.",
                    List.of(steps.name(added), steps.name(deleted)), g.getValue()[0]));
        }
        return out;
    }

    private static List<Advice> manyRuns(Steps steps, Dockerfile dockerfile) {
        List<Advice> out = new ArrayList<>();
        List<Item> items = items(steps, dockerfile);
        int start = -1;
        for (int i = 0; i <= items.size(); i++) {
            boolean run = i < items.size() && items.get(i).keyword.equals("RUN");
            if (run && start < 0) {
                start = i;
            } else if (!run && start >= 0) {
                int count = i - start;
                if (count >= MANY_RUNS) {
                    Item first = items.get(start);
                    Item last = items.get(i - 1);
                    String span = first.where.equals(last.where) ? first.where : first.where + " to " + last.where;
                    out.add(new Advice(Advice.Kind.MANY_RUN_STEPS, count + " RUN steps in a row",
                            "Each RUN (" + span + ") makes its own layer. Joining them with && into one RUN makes one"
                                    + " layer, and lets a cleanup at its end actually save space.",
                            List.of(first.where, last.where), 0));
                }
                start = -1;
            }
        }
        return out;
    }

    /** An instruction in build order, with how to name it. */
    private record Item(String keyword, String text, String where, boolean fromHistory) {
    }

    /** The final stage's instructions when the Dockerfile is known, else the image's steps. */
    private static List<Item> items(Steps steps, Dockerfile dockerfile) {
        List<Item> out = new ArrayList<>();
        if (dockerfile != null) {
            for (Dockerfile.Instruction line : DockerfileSteps.finalStage(dockerfile)) {
                out.add(new Item(line.keyword(), line.text(), DockerfileSteps.where(line), false));
            }
            return out;
        }
        for (ImageStep step : steps.analysis.steps()) {
            out.add(new Item(step.instruction().keyword(), step.instruction().textWithoutContentHashes(),
                    "step " + step.number(), true));
        }
        return out;
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 70 ? one.substring(0, 67) + "…" : one;
    }
}
