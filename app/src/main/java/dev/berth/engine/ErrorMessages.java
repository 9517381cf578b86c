package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one path from an exception to the sentence a user reads. Engine failures become the
 * engine's own message ("No such container: web"), transport failures a plain "cannot reach"
 * sentence; nobody sees a stack trace.
 */
public final class ErrorMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorMessages() {
    }

    /** A short sentence for the user. */
    public static String describe(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof EngineException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof DockerException docker) {
            return translate(docker).getMessage();
        }
        Throwable io = ioCause(t);
        if (io != null) {
            return unreachableMessage(io);
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /**
     * A registry failure in plain words: the engine's message (registry URLs, "dial tcp", "manifest
     * unknown") turned into what went wrong and what to do, keeping the original as the detail.
     */
    static String registryProblem(String engineMessage, String reference, boolean push) {
        String m = engineMessage == null ? "" : engineMessage;
        String lower = m.toLowerCase();
        String plain;
        if (lower.contains("no such host") || lower.contains("dial tcp") || lower.contains("i/o timeout")
                || lower.contains("connection refused") || lower.contains("network is unreachable")
                || lower.contains("tls handshake timeout") || lower.contains("server misbehaving")) {
            plain = "Cannot reach the registry for " + reference + " (no network, or the registry is down).";
        } else if (lower.contains("unauthorized") || lower.contains("authentication required")
                || lower.contains("no basic auth credentials") || lower.contains("access to the resource is denied")
                || lower.contains("access denied") || lower.contains("incorrect username or password")) {
            plain = push ? "The registry refused the push of " + reference + ": log in with an account that may push there."
                    : "The registry refused access to " + reference
                    + ": it does not exist there, or it needs a login with an account that may see it.";
        } else if (lower.contains("manifest unknown") || lower.contains("not found")
                || lower.contains("repository does not exist")) {
            plain = "The registry has no image " + reference + ".";
        } else if (lower.contains("does not exist") && push) {
            plain = "There is no local image " + reference + " to push.";
        } else {
            return capitalize(m.strip());
        }
        return plain + " (" + m.strip() + ")";
    }

    /** A failed login in plain words, keeping the engine's message as the detail. */
    static String loginProblem(String engineMessage, String registry) {
        String m = engineMessage == null ? "" : engineMessage.strip();
        String lower = m.toLowerCase();
        if (lower.contains("401") || lower.contains("unauthorized") || lower.contains("incorrect username")) {
            return "The registry " + registry + " refused that user name and password. (" + m + ")";
        }
        if (lower.contains("no such host") || lower.contains("dial tcp") || lower.contains("connection refused")
                || lower.contains("i/o timeout")) {
            return "Cannot reach the registry " + registry + ". (" + m + ")";
        }
        return capitalize(m);
    }

    /** Converts whatever docker-java threw into an {@link EngineException}. */
    static EngineException translate(RuntimeException error) {
        if (error instanceof EngineException engine) {
            return engine;
        }
        if (error instanceof DockerException docker) {
            return new EngineException(docker.getHttpStatus(), engineMessage(docker.getMessage()), docker);
        }
        Throwable io = ioCause(error);
        if (io != null) {
            return new EngineException(0, unreachableMessage(io), error);
        }
        if (error instanceof IllegalStateException && String.valueOf(error.getMessage()).contains("pool shut down")) {
            // A call that raced with a lost connection: its session was closed under it.
            return new EngineException(0, "Not connected to a container engine", error);
        }
        String message = error.getMessage();
        return new EngineException(-1, message == null ? error.getClass().getSimpleName() : message, error);
    }

    /** docker-java formats errors as {@code Status 404: {"message":"..."}}; keep only the message. */
    static String engineMessage(String raw) {
        if (raw == null) {
            return "The engine refused the request";
        }
        int brace = raw.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode node = JSON.readTree(raw.substring(brace));
                String message = node.path("message").asText("");
                if (!message.isBlank()) {
                    return capitalize(message.strip());
                }
            } catch (IOException ignored) {
                // not JSON: fall through to the raw text
            }
        }
        String text = raw.replaceFirst("^Status \\d+:\\s*", "").strip();
        return text.isEmpty() ? "The engine refused the request" : capitalize(text);
    }

    static String unreachableMessage(Throwable io) {
        if (io instanceof ConnectException || String.valueOf(io.getMessage()).contains("refused")) {
            return "Cannot reach the engine: connection refused";
        }
        if (io instanceof SocketTimeoutException) {
            return "Cannot reach the engine: it did not answer in time";
        }
        String message = io.getMessage();
        if (message != null && (message.contains("No such file") || message.contains("ENOENT"))) {
            return "Cannot reach the engine: no socket at that address";
        }
        if (message != null && message.contains("ermission denied")) {
            return "Cannot reach the engine: permission denied on the socket";
        }
        return "Cannot reach the engine: " + (message == null ? io.getClass().getSimpleName() : message);
    }

    private static Throwable ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return c;
            }
            if (c instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
