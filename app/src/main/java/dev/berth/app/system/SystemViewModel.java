package dev.berth.app.system;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Reload;
import dev.berth.engine.DiskUsage;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineDetails;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The engine's description and disk use, read when the view opens, on every reconnect and on
 * request (the disk use walks every container layer and volume, so not on every event), and the
 * clean-up of what is unused.
 */
public final class SystemViewModel implements AutoCloseable {

    private final AppServices services;
    private final ObjectProperty<EngineDetails> details = new SimpleObjectProperty<>(this, "details");
    private final ObjectProperty<DiskUsage> usage = new SimpleObjectProperty<>(this, "usage");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final Reload<EngineDetails> readDetails;
    private final Reload<DiskUsage> readUsage;
    private final List<Subscription> subscriptions = new ArrayList<>();

    public SystemViewModel(AppServices services) {
        this.services = services;
        this.readDetails = new Reload<>(services, () -> services.engine().system().details(), details::set,
                "Could not read the engine's details");
        this.readUsage = new Reload<>(services, () -> services.engine().system().diskUsage(), usage::set,
                "Could not work out disk use");
    }

    /** Starts following the engine's connection. Call on the UI thread. */
    public void attach() {
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.onConnected(this::refresh));
    }

    public void refresh() {
        readDetails.request();
        readUsage.request();
    }

    public ObjectProperty<EngineDetails> detailsProperty() {
        return details;
    }

    public ObjectProperty<DiskUsage> usageProperty() {
        return usage;
    }

    /** True while the disk use is being worked out. */
    public ReadOnlyBooleanProperty measuringProperty() {
        return readUsage.runningProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /**
     * What a clean-up did.
     *
     * @param freedBytes what the engine reports freed
     * @param failures   one line per step that failed; the other steps ran
     */
    public record CleanUpReport(long freedBytes, List<String> failures) {
    }

    /**
     * Removes what {@code choice} names, limited to objects carrying all {@code labels} where the
     * engine can filter so (none: everything unused; the build cache has no labels). A step that
     * fails does not stop the others.
     */
    public void cleanUp(CleanUpChoice choice, Map<String, String> labels, Consumer<CleanUpReport> onDone) {
        services.executor().submit(() -> cleanUpNow(services.engine(), choice, labels), report -> {
            refresh();
            onDone.accept(report);
        }, error -> {
            refresh();
            services.notifier().error("Could not clean up", error);
        });
    }

    private static CleanUpReport cleanUpNow(Engine engine, CleanUpChoice choice, Map<String, String> labels) {
        long[] freed = new long[1];
        List<String> failures = new ArrayList<>();
        step(choice.containers(), "Stopped containers", () -> freed[0] += engine.system().pruneContainers(labels),
                failures);
        step(choice.networks(), "Networks", () -> engine.networks().prune(labels), failures);
        step(choice.images() != CleanUpChoice.Images.NONE, "Images",
                () -> freed[0] += engine.images().prune(choice.images() == CleanUpChoice.Images.UNUSED, labels),
                failures);
        step(choice.buildCache(), "Build cache", () -> freed[0] += engine.system().pruneBuildCache(), failures);
        step(choice.volumes(), "Volumes", () -> freed[0] += engine.volumes().prune(labels).bytes(), failures);
        return new CleanUpReport(freed[0], failures);
    }

    private static void step(boolean chosen, String what, Runnable prune, List<String> failures) {
        if (!chosen) {
            return;
        }
        try {
            prune.run();
        } catch (RuntimeException e) {
            failures.add(what + ": " + ErrorMessages.describe(e));
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
