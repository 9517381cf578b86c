package dev.berth.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerDetails;
import dev.berth.engine.ContainerState;
import dev.berth.engine.Engine;
import java.util.concurrent.CancellationException;

/**
 * Waits, during an up, until a dependency is healthy or has finished, as {@code depends_on}'s
 * {@code service_healthy} and {@code service_completed_successfully} ask. It reads the container's
 * state a few times a second: a wait inside one user action, not a view's refresh. Like compose it
 * has no time limit of its own (a migration may take long): it ends with the dependency's verdict,
 * or when the user cancels.
 */
final class DependencyWait {

    private static final long POLL_MILLIS = 250;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;

    DependencyWait(Engine engine) {
        this.engine = engine;
    }

    /** What the last failed check printed (" (its check said: ...)"), or "" when it printed nothing. */
    private static String lastCheck(ContainerDetails d) {
        try {
            JsonNode log = JSON.readTree(d.json()).path("State").path("Health").path("Log");
            String output = log.isArray() && !log.isEmpty() ? log.get(log.size() - 1).path("Output").asText("").strip()
                    : "";
            return output.isEmpty() ? "" : " (its check said: " + output + ")";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    /**
     * Returns when {@code service}'s container {@code id} meets the condition.
     *
     * @throws IllegalStateException when it never can: unhealthy, no health check, or exited (with
     *                               an error code)
     */
    void await(String service, String id, ComposeService.Condition condition, String dependent,
               Cancellation cancellation) {
        while (true) {
            cancellation.check();
            ContainerDetails d = engine.containers().inspect(id);
            boolean running = d.state() == ContainerState.RUNNING || d.state() == ContainerState.RESTARTING;
            if (condition == ComposeService.Condition.HEALTHY) {
                switch (d.health()) {
                    case "healthy" -> {
                        return;
                    }
                    case "unhealthy" -> throw new IllegalStateException("Service " + service
                            + " is unhealthy" + lastCheck(d) + ", so " + dependent + " was not started");
                    case "" -> throw new IllegalStateException(dependent + " waits for " + service
                            + " to be healthy, but " + service + " has no healthcheck");
                    default -> {
                        if (!running) {
                            throw new IllegalStateException("Service " + service + " stopped (exit code "
                                    + d.exitCode() + ") before it was healthy, so " + dependent + " was not started");
                        }
                    }
                }
            } else if (d.state() == ContainerState.EXITED && d.exitCode() == 0) {
                return;
            } else if (d.state() == ContainerState.EXITED || d.state() == ContainerState.DEAD
                    || (d.state() == ContainerState.RESTARTING && d.exitCode() != 0)) {
                // A job that failed and is being restarted has failed too: waiting would not end.
                throw new IllegalStateException("Service " + service + " exited with code " + d.exitCode()
                        + ", so " + dependent + " was not started");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting for " + service);
            }
        }
    }
}
