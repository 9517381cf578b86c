package dev.berth.hub;

/** A Docker Hub request that failed, with a sentence for the user. */
public class HubException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean offline;

    public HubException(String message, boolean offline, Throwable cause) {
        super(message, cause);
        this.offline = offline;
    }

    /** True when Hub could not be reached at all (no network, DNS, proxy). */
    public boolean isOffline() {
        return offline;
    }
}
