package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one door to the container engine. Everything in Berth that talks to the engine goes through
 * here; nothing else touches docker-java.
 *
 * <p>The engine keeps itself connected: it tries each candidate endpoint, backs off while none
 * answers, and drops back to "disconnected, retrying" when the connection is lost (the event
 * stream ends, or a call cannot reach the socket). Listeners hear every state change and every
 * engine event, on a background thread; they must hand work to the UI themselves.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final Supplier<List<EngineEndpoint>> candidates;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-engine-connector");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<EngineEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final ContainerApi containers = new ContainerApi(this);
    private final ImageApi images = new ImageApi(this);
    private final BuildApi builds = new BuildApi(this);
    private final RegistryApi registries = new RegistryApi(this);
    private final LayerApi layers = new LayerApi(this);
    private final LogApi logs = new LogApi(this);
    private final StatsApi stats = new StatsApi(this);
    private final VolumeApi volumes = new VolumeApi(this);
    private final NetworkApi networks = new NetworkApi(this);
    private final SystemApi system = new SystemApi(this);

    private volatile EngineSession session;
    private volatile ConnectionState state = ConnectionState.connecting();
    private volatile boolean closed;
    private Duration nextDelay = FIRST_RETRY;
    private ScheduledFuture<?> pendingAttempt;

    public Engine(Supplier<List<EngineEndpoint>> candidates) {
        this.candidates = candidates;
    }

    /** An engine that looks where the docker CLI would, then at the usual fallbacks. */
    public static Engine forThisMachine() {
        EndpointDiscovery discovery = EndpointDiscovery.forThisMachine();
        return new Engine(discovery::candidates);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        schedule(Duration.ZERO);
    }

    public ConnectionState state() {
        return state;
    }

    /** Listens to connection changes; the listener first receives the current state. */
    public Subscription onStateChange(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        listener.accept(state);
        return () -> stateListeners.remove(listener);
    }

    /** Listens to the engine's event stream (every object type). */
    public Subscription onEvent(Consumer<EngineEvent> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** Skips the back-off and tries again now. */
    public void retryNow() {
        synchronized (this) {
            nextDelay = FIRST_RETRY;
        }
        if (!state.isConnected()) {
            schedule(Duration.ZERO);
        }
    }

    /** Blocks until connected or the timeout passes; for command-line tools and tests. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        Subscription sub = onStateChange(s -> {
            if (s.isConnected()) {
                latch.countDown();
            }
        });
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            sub.close();
        }
    }

    /** True when the connected engine speaks at least this API version. */
    public boolean apiAtLeast(int major, int minor) {
        EngineInfo info = state().info();
        return info != null && apiAtLeast(info.apiVersion(), major, minor);
    }

    static boolean apiAtLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public ContainerApi containers() {
        return containers;
    }

    public ImageApi images() {
        return images;
    }

    public BuildApi builds() {
        return builds;
    }

    public RegistryApi registries() {
        return registries;
    }

    public LayerApi layers() {
        return layers;
    }

    public LogApi logs() {
        return logs;
    }

    public StatsApi stats() {
        return stats;
    }

    public VolumeApi volumes() {
        return volumes;
    }

    public NetworkApi networks() {
        return networks;
    }

    public SystemApi system() {
        return system;
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        EngineSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    /**
     * Runs one engine call, translating failures into {@link EngineException}. A call that cannot
     * reach the engine also marks the connection lost, so every view sees the same state.
     */
    <T> T call(Function<DockerClient, T> operation) {
        return withSession(current -> operation.apply(current.client()));
    }

    /** Like {@link #call}, for plain Engine API requests docker-java has no command for. */
    <T> T http(Function<EngineHttp, T> operation) {
        return withSession(current -> operation.apply(current.http()));
    }

    private <T> T withSession(Function<EngineSession, T> operation) {
        EngineSession current = session;
        if (current == null) {
            throw new EngineException(0, "Not connected to a container engine", null);
        }
        try {
            return operation.apply(current);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            EngineException translated = ErrorMessages.translate(e);
            if (translated.isUnreachable()) {
                connectionLost(current, translated.getMessage());
            }
            throw translated;
        }
    }

    void run(Consumer<DockerClient> operation) {
        call(client -> {
            operation.accept(client);
            return null;
        });
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (pendingAttempt != null && !pendingAttempt.isDone()) {
            pendingAttempt.cancel(false);
        }
        pendingAttempt = connector.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        if (closed || session != null) {
            return;
        }
        if (state.phase() != ConnectionState.Phase.DISCONNECTED) {
            publish(ConnectionState.connecting());
        }
        List<ConnectionAttempt> failures = new ArrayList<>();
        for (EngineEndpoint endpoint : candidates.get()) {
            try {
                EngineSession opened = EngineSession.open(endpoint, this::dispatchEvent, this::connectionLost);
                synchronized (this) {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    session = opened;
                    nextDelay = FIRST_RETRY;
                }
                LOG.info(() -> "Connected to " + opened.info().summary() + " at " + endpoint);
                publish(ConnectionState.connected(opened.info()));
                return;
            } catch (RuntimeException e) {
                failures.add(new ConnectionAttempt(endpoint, ErrorMessages.describe(e)));
            }
        }
        Duration delay;
        synchronized (this) {
            delay = nextDelay;
            Duration doubled = nextDelay.multipliedBy(2);
            nextDelay = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
        }
        publish(ConnectionState.disconnected(failures, Instant.now().plus(delay)));
        schedule(delay);
    }

    private void connectionLost(EngineSession lost, String reason) {
        synchronized (this) {
            if (closed || session != lost) {
                return;
            }
            session = null;
            nextDelay = FIRST_RETRY;
        }
        lost.close();
        LOG.info(() -> "Lost the engine at " + lost.endpoint() + ": " + reason);
        publish(ConnectionState.disconnected(
                List.of(new ConnectionAttempt(lost.endpoint(), "Connection lost: " + reason)),
                Instant.now().plus(FIRST_RETRY)));
        schedule(FIRST_RETRY);
    }

    private void dispatchEvent(EngineEvent event) {
        for (Consumer<EngineEvent> listener : eventListeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Event listener failed on " + event, e);
            }
        }
    }

    private void publish(ConnectionState newState) {
        state = newState;
        for (Consumer<ConnectionState> listener : stateListeners) {
            try {
                listener.accept(newState);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Connection listener failed", e);
            }
        }
    }
}
