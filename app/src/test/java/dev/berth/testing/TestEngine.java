package dev.berth.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.engine.ConnectionAttempt;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real engine the test script started (or the developer's own). Tests that need it fail, not
 * skip, when it does not answer.
 */
public final class TestEngine {

    private static Engine shared;

    private TestEngine() {
    }

    /** One connected engine shared by all tests in this JVM. */
    public static synchronized Engine shared() {
        if (shared == null) {
            shared = connect(Engine.forThisMachine());
        }
        return shared;
    }

    /** A fresh engine on the given endpoints, connected; close it when done. */
    public static Engine connectTo(List<EngineEndpoint> endpoints) {
        return connect(new Engine(() -> endpoints));
    }

    private static Engine connect(Engine engine) {
        engine.start();
        try {
            if (!engine.awaitConnected(Duration.ofSeconds(30))) {
                List<ConnectionAttempt> attempts = engine.state().attempts();
                engine.close();
                fail("No container engine answered; these tests need one (scripts/test.sh starts dockerd). Tried:\n"
                        + attempts.stream().map(a -> "  " + a.endpoint() + ": " + a.failure())
                        .collect(Collectors.joining("\n")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while connecting to the engine");
        }
        return engine;
    }

    /** The endpoint the shared engine is connected to. */
    public static EngineEndpoint endpoint() {
        return shared().state().info().endpoint();
    }
}
