package dev.berth.engine;

import java.util.Map;

/**
 * One message from the engine's {@code /events} stream.
 *
 * @param type       container, image, volume, network, ...
 * @param action     start, die, destroy, rename, health_status: healthy, ...
 * @param id         the object the event is about
 * @param attributes the actor's attributes (name, image, labels, exitCode, ...)
 * @param timeNanos  when it happened, nanoseconds since the epoch
 */
public record EngineEvent(String type, String action, String id, Map<String, String> attributes, long timeNanos) {

    public EngineEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        action = action == null ? "" : action;
    }

    public boolean isAbout(String objectType) {
        return objectType.equals(type);
    }

    /** The action without its detail: "exec_start: sh" becomes "exec_start". */
    public String baseAction() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }
}
