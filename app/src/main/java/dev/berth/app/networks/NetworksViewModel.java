package dev.berth.app.networks;

import dev.berth.app.common.AppServices;
import dev.berth.app.common.KeyedRows;
import dev.berth.app.common.Reload;
import dev.berth.app.concurrent.UiBatcher;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.EngineEvent;
import dev.berth.engine.ErrorMessages;
import dev.berth.engine.NetworkSummary;
import dev.berth.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The networks list, kept current from the engine's events: networks created and destroyed,
 * containers connected and disconnected (which they are when they start and stop), created and
 * destroyed.
 */
public final class NetworksViewModel implements AutoCloseable {

    private static final Set<String> NETWORK_ACTIONS = Set.of("create", "destroy", "connect", "disconnect");
    private static final Set<String> CONTAINER_ACTIONS = Set.of("create", "destroy");

    private final AppServices services;
    private final KeyedRows<NetworkSummary, NetworkRow> rows = new KeyedRows<>(NetworkSummary::id, NetworkRow::new,
            NetworkRow::update, row -> new Observable[] {row.summaryProperty()});
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty unusedOnly = new SimpleBooleanProperty(this, "unusedOnly");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UiBatcher<EngineEvent> events;
    private final Reload<List<NetworkSummary>> list;

    public NetworksViewModel(AppServices services) {
        this.services = services;
        this.list = new Reload<>(services, () -> services.engine().networks().list(), rows::apply,
                "Could not list networks");
        this.events = new UiBatcher<>(services.executor().ui(), batch -> reload());
        filter.addListener((obs, old, now) -> applyFilter());
        unusedOnly.addListener((obs, old, now) -> applyFilter());
    }

    /** Starts following the engine: a full read on every (re)connect, then events. Call on the UI thread. */
    public void attach() {
        subscriptions.add(services.engine().onEvent(this::onEngineEvent));
        subscriptions.add(services.followConnection(connected));
        subscriptions.add(services.onConnected(this::reload));
    }

    public ObservableList<NetworkRow> rows() {
        return rows.rows();
    }

    /** The rows the filter text and the unused-only switch let through. */
    public FilteredList<NetworkRow> visibleRows() {
        return rows.visible();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty unusedOnlyProperty() {
        return unusedOnly;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The row of the network with this name, or null. */
    public NetworkRow named(String name) {
        return rows.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** Reads the list again; one asked for while another runs follows it. Call on the UI thread. */
    public void reload() {
        list.request();
    }

    private String filterText() {
        return filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    }

    private void applyFilter() {
        String text = filterText();
        boolean unused = unusedOnly.get();
        if (!unused && text.isEmpty()) {
            rows.filter(null);
            return;
        }
        rows.filter(row -> {
            NetworkSummary n = row.summary();
            return (!unused || !n.isInUse() && !n.isBuiltIn()) && (text.isEmpty()
                    || n.name().toLowerCase(Locale.ROOT).contains(text)
                    || n.id().startsWith(text)
                    || n.driver().toLowerCase(Locale.ROOT).contains(text)
                    || n.subnets().stream().anyMatch(s -> s.subnet().contains(text))
                    || n.containerNames().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(text))
                    || n.labels().entrySet().stream().anyMatch(e -> (e.getKey() + "=" + e.getValue())
                            .toLowerCase(Locale.ROOT).contains(text)));
        });
    }

    /** Runs on the event stream's thread: only queue. */
    private void onEngineEvent(EngineEvent event) {
        if ((event.isAbout("network") && NETWORK_ACTIONS.contains(event.baseAction()))
                || (event.isAbout("container") && CONTAINER_ACTIONS.contains(event.baseAction()))) {
            events.add(event);
        }
    }

    /** Creates a network (the form checked its fields); {@code onCreated} gets its name. */
    public void create(NetworkForm form, Consumer<String> onCreated) {
        services.executor().submit(() -> {
            services.engine().networks().create(form.name(), form.driver(), form.subnet(), form.gateway(),
                    form.internal(), form.attachable(), form.labels());
            return form.name();
        }, name -> {
            reload();
            onCreated.accept(name);
        }, error -> services.notifier().error("Could not create the network", error));
    }

    /** Removes networks one by one; failures are reported together. */
    public void remove(List<NetworkRow> targets) {
        services.executor().submit(() -> {
            List<String> failures = new ArrayList<>();
            for (NetworkRow row : targets) {
                try {
                    services.engine().networks().remove(row.id());
                } catch (RuntimeException e) {
                    failures.add(row.name() + ": " + ErrorMessages.describe(e));
                }
            }
            return failures;
        }, failures -> {
            if (!failures.isEmpty()) {
                services.notifier().show("Could not remove every network", String.join("\n", failures), true);
            }
            reload();
        }, error -> services.notifier().error("Could not remove networks", error));
    }

    /** Works out in the background which networks a prune would remove. */
    public void prunePreview(Consumer<List<NetworkSummary>> onPlan) {
        services.executor().submit(() -> services.engine().networks().unused(Map.of()), onPlan,
                error -> services.notifier().error("Could not work out what to prune", error));
    }

    /** Removes every custom network no container is attached to; {@code onDone} gets their names. */
    public void prune(Consumer<List<String>> onDone) {
        services.executor().submit(() -> services.engine().networks().prune(Map.of()), removed -> {
            reload();
            onDone.accept(removed);
        }, error -> services.notifier().error("Could not prune networks", error));
    }

    /** The containers that are not on {@code row}'s network, read in the background. */
    public void connectables(NetworkRow row, Consumer<List<ContainerSummary>> onList) {
        Set<String> on = new java.util.HashSet<>();
        row.summary().attached().forEach(a -> on.add(a.containerId()));
        services.executor().submit(() -> services.engine().containers().list().stream()
                .filter(c -> !on.contains(c.id())).toList(), onList,
                error -> services.notifier().error("Could not list containers", error));
    }

    public void connect(NetworkRow row, ContainerSummary container) {
        services.executor().submit(() -> {
            services.engine().networks().connect(row.id(), container.id());
            return container.name();
        }, name -> reload(), error -> services.notifier().error("Could not connect " + container.name()
                + " to " + row.name(), error));
    }

    public void disconnect(NetworkRow row, NetworkSummary.Attachment attachment) {
        services.executor().submit(() -> {
            services.engine().networks().disconnect(row.id(), attachment.containerId());
            return attachment.container();
        }, name -> reload(), error -> services.notifier().error("Could not disconnect " + attachment.container()
                + " from " + row.name(), error));
    }

    /** The engine's inspect document for one network, as JSON text, on the UI thread. */
    public void inspect(String id, Consumer<String> onJson) {
        services.executor().submit(() -> services.engine().networks().inspect(id), onJson,
                error -> services.notifier().error("Could not inspect the network", error));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
