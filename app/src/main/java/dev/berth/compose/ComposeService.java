package dev.berth.compose;

import dev.berth.engine.HealthCheck;
import dev.berth.engine.MountSpec;
import dev.berth.engine.PortPublish;
import dev.berth.engine.RestartPolicy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service of a compose file, after variables are filled in and short forms expanded.
 *
 * @param name          the service's key
 * @param image         image reference; null when the service only builds
 * @param build         what to build, or null
 * @param entrypoint    entrypoint words, or empty for the image's
 * @param command       command words, or empty for the image's
 * @param environment   variables in file order (an {@code env_file}'s first, then {@code environment})
 * @param ports         published ports
 * @param mounts        volumes as written: a named volume's source is its key under {@code volumes:},
 *                      bind sources are absolute host paths
 * @param networks      keys of the networks it joins; empty means the project's default network
 * @param dependsOn     services started before it
 * @param waitFor       of those, the ones it waits for beyond their start, and for what
 * @param restart       restart policy
 * @param labels        labels from the file
 * @param workingDir    working directory, or empty
 * @param user          user, or empty
 * @param containerName a fixed container name, or null
 * @param healthcheck   its health check, or null for the image's own
 * @param profiles      the profiles it belongs to; none means it always runs
 * @param line          the line of the service's key, to point at it
 */
public record ComposeService(String name, String image, Build build, List<String> entrypoint, List<String> command,
                             Map<String, String> environment, List<PortPublish> ports, List<MountSpec> mounts,
                             List<String> networks, List<String> dependsOn, Map<String, Condition> waitFor,
                             RestartPolicy restart, Map<String, String> labels, String workingDir, String user,
                             String containerName, HealthCheck healthcheck, List<String> profiles, int line) {

    /** What a dependent waits for beyond a dependency's start ({@code depends_on.*.condition}). */
    public enum Condition {
        /** {@code service_healthy}: its health check passes. */
        HEALTHY,
        /** {@code service_completed_successfully}: it exits with code 0. */
        COMPLETED
    }

    /** Whether it runs with these profiles active: always when it names none; "*" turns on every profile. */
    public boolean enabledWith(Set<String> activeProfiles) {
        return profiles.isEmpty() || activeProfiles.contains("*") || profiles.stream().anyMatch(activeProfiles::contains);
    }

    /**
     * A service's {@code build:} section.
     *
     * @param context    the build context directory, absolute
     * @param dockerfile the Dockerfile's path inside the context
     * @param args       build arguments ({@code --build-arg})
     * @param target     the stage to build, or null for the last
     */
    public record Build(Path context, String dockerfile, Map<String, String> args, String target) {

        public Build {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }

        public Build(Path context, String dockerfile) {
            this(context, dockerfile, Map.of(), null);
        }
    }

    public ComposeService {
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
        dependsOn = List.copyOf(dependsOn);
        waitFor = Collections.unmodifiableMap(new LinkedHashMap<>(waitFor));
        profiles = List.copyOf(profiles);
        restart = restart == null ? RestartPolicy.NO : restart;
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
    }
}
