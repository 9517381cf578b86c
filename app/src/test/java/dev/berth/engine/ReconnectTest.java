package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.SocketProxy;
import dev.berth.testing.TestEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine going away and coming back, played by a socket relay in front of the real engine.
 */
class ReconnectTest {

    @TempDir
    Path dir;

    @Test
    void losingTheEngineGivesDisconnectedThenReconnectsByItself() throws Exception {
        Path engineSocket = Path.of(URI.create(TestEngine.endpoint().uri()).getPath());
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), engineSocket)) {
            proxy.start();
            try (Engine engine = TestEngine.connectTo(List.of(new EngineEndpoint(proxy.uri(), "test relay")))) {
                BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
                engine.onStateChange(states::add);
                assertThat(engine.containers().list()).isNotNull();

                proxy.stop();
                ConnectionState lost = awaitPhase(states, ConnectionState.Phase.DISCONNECTED);
                assertThat(lost.attempts()).singleElement().satisfies(a -> {
                    assertThat(a.endpoint().uri()).isEqualTo(proxy.uri());
                    assertThat(a.failure()).startsWith("Connection lost");
                });
                assertThat(lost.nextAttempt()).isNotNull();

                proxy.start();
                ConnectionState back = awaitPhase(states, ConnectionState.Phase.CONNECTED);
                assertThat(back.info().endpoint().uri()).isEqualTo(proxy.uri());
                assertThat(engine.containers().list()).isNotNull();
            }
        }
    }

    @Test
    void noEngineAnsweringListsEveryAttemptWithItsReasonAndKeepsRetrying() throws Exception {
        EngineEndpoint missing = new EngineEndpoint("unix://" + dir.resolve("nothing.sock"), "test: missing socket");
        EngineEndpoint ssh = new EngineEndpoint("ssh://user@host", "test: ssh");
        try (Engine engine = new Engine(() -> List.of(missing, ssh))) {
            BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
            engine.onStateChange(states::add);
            engine.start();

            ConnectionState first = awaitPhase(states, ConnectionState.Phase.DISCONNECTED);
            assertThat(first.attempts()).extracting(ConnectionAttempt::endpoint).containsExactly(missing, ssh);
            assertThat(first.attempts().get(0).failure()).startsWith("Cannot reach the engine");
            assertThat(first.attempts().get(1).failure()).contains("ssh:// endpoints are not supported");

            ConnectionState second = awaitPhase(states, ConnectionState.Phase.DISCONNECTED);
            assertThat(second.nextAttempt()).isAfter(first.nextAttempt());
            assertThat(engine.state().isConnected()).isFalse();
        }
    }

    @Test
    void callsWhileDisconnectedFailWithAPlainMessage() {
        try (Engine engine = new Engine(List::of)) {
            EngineException error = org.junit.jupiter.api.Assertions.assertThrows(EngineException.class,
                    () -> engine.containers().list());
            assertThat(error.getMessage()).isEqualTo("Not connected to a container engine");
            assertThat(error.isUnreachable()).isTrue();
        }
    }

    private static ConnectionState awaitPhase(BlockingQueue<ConnectionState> states, ConnectionState.Phase phase)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ConnectionState s = states.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.phase() == phase) {
                return s;
            }
        }
        throw new AssertionError("never reached " + phase);
    }
}
