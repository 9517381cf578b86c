package dev.berth.compose;

import dev.berth.engine.ContainerSummary;

/**
 * The labels {@code docker compose} puts on what it creates. Berth writes the same ones, so a
 * stack started by either is seen, and taken down, by both.
 */
public final class ComposeLabels {

    public static final String PROJECT = ContainerSummary.COMPOSE_PROJECT_LABEL;
    public static final String SERVICE = "com.docker.compose.service";
    public static final String NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";

    private ComposeLabels() {
    }

    /** The service a container belongs to; its own name when it carries no service label. */
    public static String serviceOf(ContainerSummary container) {
        return container.labels().getOrDefault(SERVICE, container.name());
    }

    /** A container of {@code docker compose run}: the user's one-off job, not the service's own. */
    public static boolean isOneOff(ContainerSummary container) {
        return "true".equalsIgnoreCase(container.labels().get(ONEOFF));
    }
}
