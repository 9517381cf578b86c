package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.ImageReference;
import dev.berth.engine.build.BuildListener;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.BuildStep;
import dev.berth.engine.build.Builder;
import dev.berth.engine.build.Dockerfile;
import dev.berth.engine.build.StepLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The build form, the Dockerfile being edited, and one build at a time: its step rows (with the
 * Dockerfile line of each) and log lines arrive in batches from the engine's stream.
 */
public final class BuildViewModel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BuildViewModel.class.getName());

    /** Log lines kept; older ones are dropped so a chatty build cannot eat memory. */
    static final int MAX_LOG_LINES = 20_000;

    public enum State { IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** A line of build output and the step it belongs to (null for the build as a whole). */
    public record LogLine(String stepKey, String text) {
    }

    private final AppServices services;
    private final StringProperty contextDir = new SimpleStringProperty(this, "contextDir", "");
    private final StringProperty dockerfilePath = new SimpleStringProperty(this, "dockerfilePath", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final StringProperty buildArgs = new SimpleStringProperty(this, "buildArgs", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final BooleanProperty noCache = new SimpleBooleanProperty(this, "noCache");
    private final ObjectProperty<Builder> builder = new SimpleObjectProperty<>(this, "builder");
    private final StringProperty dockerfileText = new SimpleStringProperty(this, "dockerfileText", "");
    private final ReadOnlyObjectWrapper<Dockerfile> parsed = new ReadOnlyObjectWrapper<>(this, "parsed",
            Dockerfile.parse(""));
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper imageId = new ReadOnlyStringWrapper(this, "imageId");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Map<String, Integer> stepIndex = new LinkedHashMap<>();
    private Builder runningBuilder;
    private Dockerfile builtFile;
    private Cancellation cancellation;
    private long generation;
    private String loadedText = "";

    public BuildViewModel(AppServices services) {
        this.services = services;
        builder.set(services.engine().builds().preferredBuilder());
        dockerfileText.addListener((obs, old, text) -> parsed.set(Dockerfile.parse(text)));
    }

    public StringProperty contextDirProperty() {
        return contextDir;
    }

    public StringProperty dockerfilePathProperty() {
        return dockerfilePath;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty buildArgsProperty() {
        return buildArgs;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public BooleanProperty noCacheProperty() {
        return noCache;
    }

    public ObjectProperty<Builder> builderProperty() {
        return builder;
    }

    public StringProperty dockerfileTextProperty() {
        return dockerfileText;
    }

    /** The Dockerfile as typed, read again on every edit. */
    public ReadOnlyObjectProperty<Dockerfile> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ObservableList<LogLine> log() {
        return log;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageIdProperty() {
        return imageId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The Dockerfile the form points at. */
    public Path dockerfile() {
        String chosen = dockerfilePath.get() == null ? "" : dockerfilePath.get().strip();
        if (!chosen.isEmpty()) {
            return Path.of(chosen);
        }
        return Path.of(contextDir.get().strip()).resolve("Dockerfile");
    }

    /** Reads the Dockerfile into the editor; returns why it could not, or null. */
    public String loadDockerfile() {
        try {
            String text = Files.readString(dockerfile(), StandardCharsets.UTF_8);
            loadedText = text;
            dockerfileText.set(text);
            return null;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return "Cannot read " + dockerfile() + ": " + ErrorMessages.describe(e);
        }
    }

    public boolean isDockerfileEdited() {
        return !dockerfileText.get().equals(loadedText);
    }

    /** Writes the editor's text to the Dockerfile. */
    public void saveDockerfile() throws IOException {
        Files.writeString(dockerfile(), dockerfileText.get(), StandardCharsets.UTF_8);
        loadedText = dockerfileText.get();
    }

    /**
     * Checks the form and the Dockerfile, saves an edited Dockerfile, and starts the build;
     * returns why it cannot start (nothing is sent then), or null.
     */
    public String build() {
        if (state.get() == State.RUNNING) {
            return "A build is already running";
        }
        String context = contextDir.get() == null ? "" : contextDir.get().strip();
        if (context.isEmpty() || !Files.isDirectory(Path.of(context))) {
            return "Choose the folder to build from (the build context)";
        }
        Dockerfile file = parsed.get();
        if (file.firstProblem().isPresent()) {
            Dockerfile.Problem p = file.firstProblem().get();
            return "Dockerfile line " + p.line() + ": " + p.message();
        }
        String stage = target.get() == null ? "" : target.get().strip();
        if (file.checkTarget(stage).isPresent()) {
            return file.checkTarget(stage).get().message();
        }
        List<String> tagList = new ArrayList<>();
        for (String t : (tags.get() == null ? "" : tags.get()).split("[,\\s]+")) {
            if (t.isBlank()) {
                continue;
            }
            try {
                ImageReference ref = ImageReference.parse(t);
                if (ref.digest() != null) {
                    return "Tag " + t + ": a tag cannot contain a digest";
                }
            } catch (IllegalArgumentException e) {
                return "Tag " + t + ": " + e.getMessage();
            }
            tagList.add(t.strip());
        }
        Map<String, String> args;
        try {
            args = parseBuildArgs(buildArgs.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (isDockerfileEdited()) {
            try {
                saveDockerfile();
            } catch (IOException e) {
                return "Could not save the Dockerfile: " + ErrorMessages.describe(e);
            }
        }
        BuildRequest request = BuildRequest.of(Path.of(context), builder.get())
                .withDockerfile(dockerfilePath.get() == null || dockerfilePath.get().isBlank() ? null : dockerfile())
                .withTags(tagList).withBuildArgs(args).withTarget(stage).withNoCache(noCache.get());
        start(request, file);
        return null;
    }

    /** {@code KEY=value} per line (or comma-separated); blank lines and {@code #} comments are skipped. */
    static Map<String, String> parseBuildArgs(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        if (text == null) {
            return args;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Build argument \"" + line + "\" needs the form NAME=value");
            }
            args.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return args;
    }

    private void start(BuildRequest request, Dockerfile file) {
        long run = ++generation;
        steps.clear();
        stepIndex.clear();
        log.clear();
        error.set("");
        imageId.set(null);
        runningBuilder = request.builder();
        builtFile = file;
        state.set(State.RUNNING);
        Cancellation current = new Cancellation();
        cancellation = current;
        UiBatcher<Object> updates = new UiBatcher<>(services.executor().ui(), batch -> {
            if (run == generation) {
                apply(batch);
            }
        });
        BuildListener listener = new BuildListener() {
            @Override
            public void step(BuildStep step) {
                updates.add(step);
            }

            @Override
            public void output(String stepKey, String line) {
                updates.add(new LogLine(stepKey, line));
            }
        };
        services.executor().submit(() -> services.engine().builds().build(request, listener, current), result -> {
            if (run == generation) {
                finish(result);
            }
        }, failure -> {
            if (run != generation) {
                return;
            }
            if (failure instanceof CancellationException) {
                state.set(State.CANCELLED);
                error.set("Build cancelled");
            } else {
                error.set(ErrorMessages.describe(failure));
                state.set(State.FAILED);
            }
        });
    }

    private void apply(List<Object> batch) {
        List<BuildStep> changed = new ArrayList<>();
        List<LogLine> lines = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof BuildStep step) {
                changed.add(step);
            } else if (item instanceof LogLine line) {
                lines.add(line);
            }
        }
        if (!changed.isEmpty()) {
            List<BuildStep> all = new ArrayList<>(steps.stream().map(StepRow::step).toList());
            for (BuildStep step : changed) {
                Integer index = stepIndex.get(step.key());
                if (index == null) {
                    stepIndex.put(step.key(), all.size());
                    all.add(step);
                } else {
                    all.set(index, step);
                }
            }
            Map<String, Integer> lineOf = StepLines.locate(builtFile, runningBuilder, all);
            List<StepRow> rows = all.stream().map(s -> new StepRow(s, lineOf.getOrDefault(s.key(), 0), null)).toList();
            steps.setAll(rows);
        }
        if (!lines.isEmpty()) {
            log.addAll(lines);
            if (log.size() > MAX_LOG_LINES) {
                log.remove(0, log.size() - MAX_LOG_LINES);
            }
        }
    }

    private void finish(BuildResult result) {
        List<Object> last = new ArrayList<>(result.steps());
        apply(last);
        if (result.succeeded()) {
            imageId.set(result.imageId());
            state.set(State.SUCCEEDED);
            if (runningBuilder == Builder.BUILDKIT) {
                showLayers(result.imageId());
            }
        } else {
            error.set(result.error());
            state.set(State.FAILED);
        }
    }

    /** BuildKit reports no layer per step: they are read from the built image's history. */
    private void showLayers(String image) {
        long run = generation;
        List<BuildStep> built = steps.stream().map(StepRow::step).toList();
        services.executor().submit(() -> BuiltLayers.of(services.engine(), image, built), layers -> {
            if (run == generation) {
                steps.setAll(steps.stream().map(r -> new StepRow(r.step(), r.line(), layers.get(r.step().key()))).toList());
            }
        }, e -> LOG.log(Level.FINE, "Could not read the layers of " + image, e));
    }

    public void cancel() {
        if (cancellation != null && state.get() == State.RUNNING) {
            cancellation.cancel();
        }
    }

    /** Runs a container from the built image (its default command); hands back its name. */
    public void runBuiltImage(Consumer<String> onStarted) {
        String image = imageId.get();
        if (image == null) {
            return;
        }
        services.executor().submit(() -> {
            String id = services.engine().containers().create(ContainerSpec.of(image));
            services.engine().containers().start(id);
            return services.engine().containers().find(id).map(c -> c.name()).orElse(id.substring(0, 12));
        }, onStarted, e -> services.notifier().error("Could not run the built image", e));
    }

    /** The Dockerfile line of a step, or 0. */
    public int lineOf(String stepKey) {
        return steps.stream().filter(r -> r.step().key().equals(stepKey)).mapToInt(StepRow::line).findFirst().orElse(0);
    }

    @Override
    public void close() {
        cancel();
        generation++;
    }
}
