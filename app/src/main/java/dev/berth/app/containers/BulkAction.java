package dev.berth.app.containers;

import dev.berth.engine.ContainerApi;

/** What can be done to several containers at once, each on its own (one failure stops none). */
public enum BulkAction {
    START("start", "Started"),
    STOP("stop", "Stopped"),
    RESTART("restart", "Restarted"),
    PAUSE("pause", "Paused"),
    UNPAUSE("unpause", "Unpaused"),
    KILL("kill", "Killed"),
    REMOVE("remove", "Removed");

    private final String verb;
    private final String done;

    BulkAction(String verb, String done) {
        this.verb = verb;
        this.done = done;
    }

    /** "stop", as in "Could not stop web". */
    public String verb() {
        return verb;
    }

    /** "Stopped", as in "Stopped 3 containers". */
    public String done() {
        return done;
    }

    /** Does it to one container; removal stops a running one first. */
    void apply(ContainerApi containers, String id, boolean removeVolumes) {
        switch (this) {
            case START -> containers.start(id);
            case STOP -> containers.stop(id);
            case RESTART -> containers.restart(id);
            case PAUSE -> containers.pause(id);
            case UNPAUSE -> containers.unpause(id);
            case KILL -> containers.kill(id);
            case REMOVE -> containers.remove(id, true, removeVolumes);
        }
    }
}
