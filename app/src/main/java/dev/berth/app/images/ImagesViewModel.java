package dev.berth.app.images;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.Reload;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.PrunePlan;
import dev.berth.engine.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The images list and its commands. Reads images and the containers using them on every
 * (re)connect and again after image or container events, coalesced so a burst of events costs
 * one reload; rows are updated in place so the selection survives.
 */
public final class ImagesViewModel implements AutoCloseable {

    /** The events after which the list may look different. */
    private static final Set<String> IMAGE_ACTIONS = Set.of("pull", "push", "tag", "untag", "delete", "import", "load",
            "prune", "build");
    private static final Set<String> CONTAINER_ACTIONS = Set.of("create", "destroy", "rename");

    private final AppServices services;
    private final ObservableList<ImageRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ImageRow> visible = new FilteredList<>(rows, r -> true);
    private final Map<String, ImageRow> rowsByKey = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty danglingOnly = new SimpleBooleanProperty(this, "danglingOnly", false);
    private final UiBatcher<EngineEvent> events;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final Reload<Snapshot> list;

    /** What one reload read: the images and the names of the containers using each. */
    private record Snapshot(List<ImageSummary> images, Map<String, List<String>> usedBy) {
    }

    public ImagesViewModel(AppServices services) {
        this.services = services;
        this.list = new Reload<>(services, this::read, this::apply, "Could not list images");
        this.events = new UiBatcher<>(services.executor().ui(), batch -> reload());
        filter.addListener((obs, old, now) -> applyFilter());
        danglingOnly.addListener((obs, old, now) -> applyFilter());
    }

    public void attach() {
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.onConnected(this::reload));
    }

    /** True while the engine is connected. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Every row, filtered by the filter text and the dangling toggle. */
    public FilteredList<ImageRow> visibleRows() {
        return visible;
    }

    public ObservableList<ImageRow> rows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty danglingOnlyProperty() {
        return danglingOnly;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return list.runningProperty();
    }

    /** Reads images and containers again; a reload asked for while one runs follows it. Call on the UI thread. */
    public void reload() {
        list.request();
    }

    private Snapshot read() {
        List<ImageSummary> images = services.engine().images().list();
        Map<String, List<String>> usedBy = new HashMap<>();
        for (ContainerSummary c : services.engine().containers().list()) {
            usedBy.computeIfAbsent(c.imageId(), id -> new ArrayList<>()).add(c.name());
        }
        return new Snapshot(images, usedBy);
    }

    private void apply(Snapshot snapshot) {
        Set<String> seen = new HashSet<>();
        List<ImageRow> added = new ArrayList<>();
        for (ImageSummary image : snapshot.images()) {
            List<String> containers = snapshot.usedBy().getOrDefault(image.id(), List.of());
            List<String> tags = image.repoTags().isEmpty() ? java.util.Collections.singletonList(null) : image.repoTags();
            for (String repoTag : tags) {
                String key = ImageRow.key(image.id(), repoTag);
                seen.add(key);
                ImageRow row = rowsByKey.get(key);
                if (row == null) {
                    row = new ImageRow(image, repoTag, containers);
                    rowsByKey.put(key, row);
                    added.add(row);
                } else {
                    row.update(image, containers);
                }
            }
        }
        rowsByKey.keySet().removeIf(key -> !seen.contains(key));
        rows.removeIf(row -> !seen.contains(row.key()));
        rows.addAll(added);
        // A new predicate refilters everything, which clears the table's selection; without a
        // filter the list follows added and removed rows by itself. Events from any container on
        // the engine reload this list, so the selection must survive a reload.
        boolean filtering = danglingOnly.get() || (filter.get() != null && !filter.get().isBlank());
        if (filtering) {
            applyFilter();
        }
    }

    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        boolean dangling = danglingOnly.get();
        visible.setPredicate(row -> (!dangling || row.isDangling()) && (text.isEmpty()
                || row.reference().toLowerCase(Locale.ROOT).contains(text)
                || row.id().toLowerCase(Locale.ROOT).contains(text)
                || row.usedBy().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(text))));
    }

    /** Runs on the event stream's thread: only queue. */
    private void onEngineEvent(EngineEvent event) {
        if ((event.isAbout("image") && IMAGE_ACTIONS.contains(event.baseAction()))
                || (event.isAbout("container") && CONTAINER_ACTIONS.contains(event.baseAction()))) {
            events.add(event);
        }
    }

    /** Carries out a removal plan (forced or not); reports failures through the notifier. */
    public void remove(RemovalPlan plan, boolean force, Runnable onDone) {
        services.executor().submit(() -> {
            List<String> failures = new ArrayList<>();
            for (String ref : plan.untag()) {
                attempt(() -> services.engine().images().remove(ref, false), ref, failures);
            }
            for (String ref : plan.delete()) {
                attempt(() -> services.engine().images().remove(ref, force), ref, failures);
            }
            return failures;
        }, failures -> {
            if (!failures.isEmpty()) {
                services.notifier().show("Could not remove everything", String.join("\n", failures), true);
            }
            reload();
            onDone.run();
        }, error -> services.notifier().error("Could not remove images", error));
    }

    private static void attempt(Runnable call, String ref, List<String> failures) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(ref + ": " + dev.berth.engine.ErrorMessages.describe(e));
        }
    }

    /** Works out in the background what a prune would remove; the answer arrives on the UI thread. */
    public void prunePreview(boolean unusedToo, Consumer<PrunePlan> onPlan) {
        services.executor().submit(() -> services.engine().images().prunePreview(unusedToo, Map.of()), onPlan,
                error -> services.notifier().error("Could not work out what to prune", error));
    }

    public void prune(boolean unusedToo, Consumer<Long> onDone) {
        services.executor().submit(() -> services.engine().images().prune(unusedToo, Map.of()), bytes -> {
            reload();
            onDone.accept(bytes);
        }, error -> services.notifier().error("Could not prune images", error));
    }

    /** Adds a tag; the target was checked in the dialog already. */
    public void tag(ImageRow row, String target, Runnable onDone) {
        services.executor().submit(() -> {
            services.engine().images().tag(row.id(), target);
            return target;
        }, done -> {
            reload();
            onDone.run();
        }, error -> services.notifier().error("Could not tag " + row.reference(), error));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
