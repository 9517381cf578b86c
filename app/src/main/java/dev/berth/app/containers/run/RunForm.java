package dev.berth.app.containers.run;

import dev.berth.app.common.AppServices;
import dev.berth.engine.ContainerRules;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.DockerRunCommand;
import dev.berth.engine.EnvFile;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.MountSpec;
import dev.berth.engine.PortPublish;
import dev.berth.engine.RestartPolicy;
import dev.berth.engine.ShellWords;
import dev.berth.engine.SpecField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run dialog's state and rules, without any control: one property per field, the problem of
 * each field checked as it changes (the engine's rules, before any engine call), the reason Run is
 * disabled, and the engine's own error placed beside the field it concerns after Run.
 */
public final class RunForm {

    private final AppServices services;
    final StringProperty image = new SimpleStringProperty(this, "image", "");
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final StringProperty entrypoint = new SimpleStringProperty(this, "entrypoint", "");
    final StringProperty command = new SimpleStringProperty(this, "command", "");
    final ObjectProperty<Map<String, String>> env = new SimpleObjectProperty<>(this, "env", Map.of());
    final StringProperty envProblem = new SimpleStringProperty(this, "envProblem");
    final StringProperty envFile = new SimpleStringProperty(this, "envFile", "");
    final StringProperty ports = new SimpleStringProperty(this, "ports", "");
    final ObservableList<MountRow> mounts = FXCollections.observableArrayList(MountRow::observables);
    final StringProperty network = new SimpleStringProperty(this, "network", "");
    final ObjectProperty<RestartPolicy.Kind> restart = new SimpleObjectProperty<>(this, "restart", RestartPolicy.Kind.NO);
    final StringProperty maxRetries = new SimpleStringProperty(this, "maxRetries", "");
    final ObjectProperty<Map<String, String>> labels = new SimpleObjectProperty<>(this, "labels", Map.of());
    final StringProperty labelsProblem = new SimpleStringProperty(this, "labelsProblem");
    final StringProperty workingDir = new SimpleStringProperty(this, "workingDir", "");
    final StringProperty user = new SimpleStringProperty(this, "user", "");
    final BooleanProperty autoRemove = new SimpleBooleanProperty(this, "autoRemove");
    final BooleanProperty detached = new SimpleBooleanProperty(this, "detached", true);
    final ObservableList<String> imageChoices = FXCollections.observableArrayList();
    final ObservableList<String> networkChoices = FXCollections.observableArrayList();

    private final Map<SpecField, ReadOnlyStringWrapper> problems = new EnumMap<>(SpecField.class);
    private final Map<SpecField, String> engineProblems = new EnumMap<>(SpecField.class);
    private final Map<SpecField, ReadOnlyStringWrapper> engineOnly = new EnumMap<>(SpecField.class);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public RunForm(AppServices services) {
        this.services = services;
        for (SpecField f : SpecField.values()) {
            problems.put(f, new ReadOnlyStringWrapper(this, f.name()));
            engineOnly.put(f, new ReadOnlyStringWrapper(this, "engine" + f.name()));
        }
        watch(SpecField.IMAGE, image);
        watch(SpecField.NAME, name);
        watch(SpecField.ENTRYPOINT, entrypoint);
        watch(SpecField.COMMAND, command);
        watch(SpecField.ENV, env, envProblem);
        watch(SpecField.ENV_FILE, envFile);
        watch(SpecField.PORTS, ports);
        watch(SpecField.MOUNTS, mounts);
        watch(SpecField.NETWORK, network);
        watch(SpecField.RESTART, restart, maxRetries, autoRemove);
        watch(SpecField.LABELS, labels, labelsProblem);
        watch(SpecField.WORKING_DIR, workingDir);
        watch(SpecField.USER, user);
        validate();
    }

    /** Editing a field clears the engine's complaint about it and checks the form again. */
    private void watch(SpecField field, Observable... sources) {
        for (Observable source : sources) {
            source.addListener(obs -> {
                engineProblems.remove(field);
                engineProblems.remove(SpecField.OTHER);
                validate();
            });
        }
    }

    /** Fills the form from a spec ("run again with these settings"). */
    public void fill(ContainerSpec spec) {
        image.set(spec.image());
        name.set(spec.name() == null ? "" : spec.name());
        entrypoint.set(ShellWords.join(spec.entrypoint()));
        command.set(ShellWords.join(spec.command()));
        env.set(spec.env());
        envFile.set(spec.envFile() == null ? "" : spec.envFile());
        ports.set(String.join(", ", spec.ports().stream().map(PortPublish::toString).toList()));
        mounts.setAll(spec.mounts().stream().map(MountRow::of).toList());
        network.set(spec.network() == null ? "" : spec.network());
        restart.set(spec.restart().kind());
        maxRetries.set(spec.restart().maxRetries() > 0 ? Integer.toString(spec.restart().maxRetries()) : "");
        labels.set(spec.labels());
        workingDir.set(spec.workingDir());
        user.set(spec.user());
        autoRemove.set(spec.autoRemove());
    }

    /** Loads the local images and the networks offered as choices. */
    public void loadChoices() {
        services.executor().submit(() -> services.engine().images().list().stream()
                .flatMap(image -> image.repoTags().stream()).distinct().sorted().toList(), imageChoices::setAll, e -> { });
        services.executor().submit(() -> services.engine().containers().networks(), networkChoices::setAll, e -> { });
    }

    /** What is wrong with a field right now (its rule, or the engine's last word on it), or null. */
    public ReadOnlyStringProperty problemProperty(SpecField field) {
        return problems.get(field).getReadOnlyProperty();
    }

    /**
     * The engine's last word on a field, or null: for fields whose rows show their own problems
     * (environment, labels, mounts), this is what goes beside the field as a whole.
     */
    public ReadOnlyStringProperty engineProblemProperty(SpecField field) {
        return engineOnly.get(field).getReadOnlyProperty();
    }

    /** Why Run is disabled ("Image: Enter an image"), or null when the form is complete. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True while the engine creates and starts the container. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void validate() {
        Map<SpecField, String> found = new EnumMap<>(SpecField.class);
        check(found, SpecField.IMAGE, ContainerRules.image(image.get()));
        check(found, SpecField.NAME, ContainerRules.name(name.get().strip()));
        check(found, SpecField.ENTRYPOINT, words(entrypoint.get()).problem);
        check(found, SpecField.COMMAND, words(command.get()).problem);
        check(found, SpecField.ENV, Optional.ofNullable(envProblem.get()));
        check(found, SpecField.ENV_FILE, envFileProblem());
        check(found, SpecField.PORTS, portsProblem());
        check(found, SpecField.MOUNTS, mountsProblem());
        check(found, SpecField.NETWORK, network.get().strip().contains(" ")
                ? Optional.of("A network name has no spaces") : Optional.empty());
        check(found, SpecField.RESTART, restart.get() == RestartPolicy.Kind.ON_FAILURE
                ? ContainerRules.maxRetries(maxRetries.get()) : Optional.empty());
        if (!found.containsKey(SpecField.RESTART)) {
            check(found, SpecField.RESTART, ContainerRules.restartWithAutoRemove(RestartPolicy.of(restart.get()),
                    autoRemove.get()));
        }
        check(found, SpecField.LABELS, Optional.ofNullable(labelsProblem.get()));
        check(found, SpecField.WORKING_DIR, ContainerRules.workingDir(workingDir.get().strip()));
        check(found, SpecField.USER, ContainerRules.user(user.get().strip()));
        boolean ruleProblems = !found.isEmpty();
        engineProblems.forEach(found::putIfAbsent);
        for (SpecField f : SpecField.values()) {
            problems.get(f).set(found.get(f));
            engineOnly.get(f).set(engineProblems.get(f));
        }
        String first = found.entrySet().stream().filter(e -> e.getKey() != SpecField.OTHER).findFirst()
                .map(e -> label(e.getKey()) + ": " + e.getValue()).orElse(found.get(SpecField.OTHER));
        reason.set(first);
        valid.set(!ruleProblems);
    }

    private static void check(Map<SpecField, String> found, SpecField field, Optional<String> problem) {
        problem.ifPresent(p -> found.put(field, p));
    }

    private record Words(List<String> words, Optional<String> problem) {
    }

    private static Words words(String text) {
        try {
            return new Words(ShellWords.split(text), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Words(List.of(), Optional.of(e.getMessage()));
        }
    }

    private Optional<String> envFileProblem() {
        String path = envFile.get().strip();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                return Optional.of("No file at " + path);
            }
            if (Files.size(file) > 1_000_000) {
                return Optional.of("That file is too big for an env file");
            }
            EnvFile.parse(Files.readString(file, StandardCharsets.UTF_8), System::getenv);
            return Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.of("Cannot read " + path + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The port rules typed, separated by commas or spaces. */
    static List<String> portItems(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private Optional<String> portsProblem() {
        for (String item : portItems(ports.get())) {
            Optional<String> problem = ContainerRules.port(item);
            if (problem.isPresent()) {
                return Optional.of(item + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> mountsProblem() {
        String first = null;
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            MountRow row = mounts.get(i);
            String problem = row.check().orElse(null);
            String target = row.targetProperty().get().strip();
            if (problem == null && !targets.add(target)) {
                problem = "Another mount already uses " + target;
            }
            row.problem.set(problem);
            if (first == null && problem != null) {
                first = "Mount " + (i + 1) + ": " + problem;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The container the form describes. Call only when {@link #validProperty()} is true. */
    public ContainerSpec toSpec() {
        RestartPolicy policy = restart.get() == RestartPolicy.Kind.ON_FAILURE
                ? RestartPolicy.onFailure(maxRetries.get().isBlank() ? 0 : Integer.parseInt(maxRetries.get().strip()))
                : RestartPolicy.of(restart.get());
        List<MountSpec> mountSpecs = mounts.stream().map(MountRow::toSpec).toList();
        return ContainerSpec.of(image.get().strip())
                .withName(name.get().strip())
                .withEntrypoint(ShellWords.split(entrypoint.get()))
                .withCommand(ShellWords.split(command.get()))
                .withEnv(new LinkedHashMap<>(env.get()))
                .withEnvFile(envFile.get().strip())
                .withPorts(portItems(ports.get()).stream().map(PortPublish::parse).toList())
                .withMounts(mountSpecs)
                .withNetwork(network.get().strip())
                .withRestart(policy)
                .withLabels(new LinkedHashMap<>(labels.get()))
                .withWorkingDir(workingDir.get().strip())
                .withUser(user.get().strip())
                .withAutoRemove(autoRemove.get());
    }

    /** The {@code docker run} line for the form as it stands. */
    public String dockerRun() {
        return DockerRunCommand.of(toSpec(), detached.get());
    }

    /**
     * Creates and starts the container. On success {@code onStarted} gets its ID and whether to
     * show its logs; on failure the engine's message goes beside the field it concerns (or under
     * the form) and nothing is left created.
     */
    public void submit(BiConsumer<String, Boolean> onStarted) {
        if (!valid.get() || running.get()) {
            return;
        }
        ContainerSpec spec = toSpec();
        boolean attach = !detached.get();
        running.set(true);
        services.executor().submit(() -> services.engine().containers().run(spec), id -> {
            running.set(false);
            onStarted.accept(id, attach);
        }, error -> {
            running.set(false);
            String message = ErrorMessages.describe(error);
            SpecField field = SpecField.concernedBy(message);
            if (field == SpecField.COMMAND && !spec.entrypoint().isEmpty()) {
                field = SpecField.ENTRYPOINT;
            }
            engineProblems.put(field, message);
            validate();
        });
    }

    /** The field's name as the form shows it. */
    static String label(SpecField field) {
        return switch (field) {
            case IMAGE -> "Image";
            case NAME -> "Name";
            case ENTRYPOINT -> "Entrypoint";
            case COMMAND -> "Command";
            case ENV -> "Environment";
            case ENV_FILE -> "Env file";
            case PORTS -> "Ports";
            case MOUNTS -> "Mounts";
            case NETWORK -> "Network";
            case RESTART -> "Restart";
            case LABELS -> "Labels";
            case WORKING_DIR -> "Working dir";
            case USER -> "User";
            case OTHER -> "Engine";
        };
    }
}
