package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One live connection: a docker-java client for one endpoint plus the event stream that tells
 * Berth both what changed and that the engine is still there.
 */
final class EngineSession implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final EngineEndpoint endpoint;
    private final DockerClient client;
    private final EngineHttp http;
    private final EngineInfo info;
    private final EventsCallback events;

    private EngineSession(EngineEndpoint endpoint, DockerClient client, EngineHttp http, EngineInfo info,
                          EventsCallback events) {
        this.endpoint = endpoint;
        this.client = client;
        this.http = http;
        this.info = info;
        this.events = events;
    }

    /**
     * Connects, identifies the engine and opens its event stream. Throws when the endpoint does
     * not answer; the stream's end later reports {@code lost}.
     */
    static EngineSession open(EngineEndpoint endpoint, Consumer<EngineEvent> onEvent,
                              BiConsumer<EngineSession, String> lost) {
        String scheme = endpoint.scheme();
        if (!"unix".equals(scheme) && !"npipe".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException(scheme + ":// endpoints are not supported; use unix://, npipe:// or tcp://");
        }
        DockerClientConfig config = config(endpoint);
        EngineInfo info;
        try (DockerClient probe = DockerClientImpl.getInstance(config, http(config, PROBE_TIMEOUT))) {
            probe.pingCmd().exec();
            Version version = probe.versionCmd().exec();
            Info engineInfo = probe.infoCmd().exec();
            String product = version.getPlatform() != null && version.getPlatform().getName() != null
                    ? version.getPlatform().getName() : "Docker Engine";
            info = new EngineInfo(product, engineInfo.getName(), version.getVersion(), version.getApiVersion(),
                    version.getOperatingSystem(), version.getArch(), endpoint);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Streams (events, logs, stats) may stay quiet for hours: no response timeout here.
        DockerHttpClient transport = http(config, null);
        DockerClient client = DockerClientImpl.getInstance(config, transport);
        EventsCallback events = new EventsCallback(onEvent);
        EngineSession session = new EngineSession(endpoint, client, new EngineHttp(transport, info.apiVersion()), info,
                events);
        events.onLost = reason -> lost.accept(session, reason);
        client.eventsCmd().exec(events);
        try {
            if (!events.awaitStarted(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                session.close();
                throw new EngineException(0, "The engine did not open its event stream", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close();
            throw new EngineException(0, "Interrupted while connecting", e);
        }
        return session;
    }

    private static DockerClientConfig config(EngineEndpoint endpoint) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.uri());
        if ("tcp".equals(endpoint.scheme()) && endpoint.tlsCertDir() != null) {
            builder.withDockerTlsVerify(true).withDockerCertPath(endpoint.tlsCertDir().toString());
        } else {
            builder.withDockerTlsVerify(false);
        }
        return builder.build();
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                // Long-lived streams each hold a connection: events, followed logs and up to
                // LiveRowStats.MAX_WATCHED stats streams, with room left for ordinary calls.
                .maxConnections(128)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return http.build();
    }

    DockerClient client() {
        return client;
    }

    EngineHttp http() {
        return http;
    }

    EngineInfo info() {
        return info;
    }

    EngineEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        events.closing = true;
        try {
            events.close();
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
    }

    /** Forwards events; its end means the engine went away (unless Berth closed it). */
    private static final class EventsCallback extends ResultCallback.Adapter<Event> {
        private final Consumer<EngineEvent> onEvent;
        private volatile Consumer<String> onLost;
        private volatile boolean closing;

        EventsCallback(Consumer<EngineEvent> onEvent) {
            this.onEvent = onEvent;
        }

        @Override
        public void onNext(Event event) {
            String type = event.getType() == null ? "" : event.getType().getValue();
            String id = event.getActor() != null && event.getActor().getId() != null
                    ? event.getActor().getId() : event.getId();
            long nanos = event.getTimeNano() != null ? event.getTimeNano()
                    : (event.getTime() == null ? 0 : event.getTime() * 1_000_000_000L);
            onEvent.accept(new EngineEvent(type, event.getAction() != null ? event.getAction() : event.getStatus(), id,
                    event.getActor() == null ? null : event.getActor().getAttributes(), nanos));
        }

        @Override
        public void onError(Throwable error) {
            super.onError(error);
            if (!closing && onLost != null) {
                onLost.accept(ErrorMessages.describe(error));
            }
        }

        @Override
        public void onComplete() {
            super.onComplete();
            if (!closing && onLost != null) {
                onLost.accept("the event stream ended");
            }
        }
    }
}
