package dev.berth.engine;

import java.util.Locale;

/**
 * The part of a {@link ContainerSpec} an engine error is about, so a form can show the engine's
 * message beside the field the user has to change ("port is already allocated" beside the ports).
 */
public enum SpecField {
    IMAGE, NAME, ENTRYPOINT, COMMAND, ENV, ENV_FILE, PORTS, MOUNTS, NETWORK, RESTART, LABELS, WORKING_DIR, USER,
    /** Nothing in particular: shown for the whole form. */
    OTHER;

    /** The field the engine's message (as {@link ErrorMessages} words it) concerns. */
    public static SpecField concernedBy(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("port is already allocated") || m.contains("address already in use")
                || m.contains("ports are not available") || m.contains("port binding")
                || m.contains("invalid port") || m.contains("hostport")) {
            return PORTS;
        }
        if (m.contains("container name") || m.contains("is already in use by container")) {
            return NAME;
        }
        if (m.contains("no such image") || m.contains("pull access denied") || m.contains("invalid reference format")
                || m.contains("repository does not exist") || m.contains("manifest unknown")) {
            return IMAGE;
        }
        if (m.contains("env file")) {
            return ENV_FILE;
        }
        if (m.contains("mount") || m.contains("bind source") || m.contains("volume") || m.contains("tmpfs")) {
            return MOUNTS;
        }
        if (m.contains("network")) {
            return NETWORK;
        }
        if (m.contains("working directory") || m.contains("chdir")) {
            return WORKING_DIR;
        }
        if (m.contains("unable to find user") || m.contains("no matching entries in passwd")
                || m.contains("unable to find group") || m.contains("no matching entries in group")) {
            return USER;
        }
        if (m.contains("restart policy") || m.contains("autoremove") || m.contains("auto-remove")) {
            return RESTART;
        }
        if (m.contains("executable file not found") || m.contains("no such file or directory")
                && m.contains("exec")) {
            return COMMAND;
        }
        return OTHER;
    }
}
