package dev.berth.engine;

/**
 * An engine call that failed, carrying the engine's own message (what the docker CLI would print)
 * rather than a transport stack trace.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public EngineException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status the engine answered with, or 0 when the engine could not be reached. */
    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isUnreachable() {
        return status == 0;
    }
}
