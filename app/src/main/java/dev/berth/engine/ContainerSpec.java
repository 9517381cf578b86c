package dev.berth.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create a container from: everything the run dialog can set. Immutable; the {@code with}
 * methods return changed copies. Empty strings and lists mean "the image's default".
 *
 * @param image      image reference
 * @param name       container name, or null/empty for an engine-chosen one
 * @param entrypoint entrypoint and its first arguments, or empty for the image's
 * @param command    command and arguments, or empty for the image's default
 * @param env        environment entries in order (they override the env file's)
 * @param envFile    a host file of {@code KEY=VALUE} lines read when creating, or null
 * @param ports      published ports
 * @param mounts     volumes, bind mounts and tmpfs mounts
 * @param network    network to join, or null/empty for the engine's default
 * @param restart    restart policy
 * @param labels     labels in order
 * @param workingDir working directory inside the container, or empty for the image's
 * @param user       user (name or uid, optionally :group), or empty for the image's
 * @param autoRemove remove the container when it exits
 */
public record ContainerSpec(String image, String name, List<String> entrypoint, List<String> command,
                            Map<String, String> env, String envFile, List<PortPublish> ports,
                            List<MountSpec> mounts, String network, RestartPolicy restart,
                            Map<String, String> labels, String workingDir, String user, boolean autoRemove) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        name = blankToNull(name);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        env = ordered(env);
        envFile = blankToNull(envFile);
        ports = List.copyOf(ports);
        mounts = List.copyOf(mounts);
        network = blankToNull(network);
        restart = restart == null ? RestartPolicy.NO : restart;
        labels = ordered(labels);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
    }

    /**
     * The words after the image on a {@code docker run} line: the entrypoint's own arguments, then
     * the command. The CLI's {@code --entrypoint} takes one executable, so Berth creates containers
     * the same way (entrypoint's first word, then these); the engine runs the same process, since a
     * set entrypoint drops the image's CMD.
     */
    public List<String> arguments() {
        if (entrypoint.size() <= 1) {
            return command;
        }
        List<String> args = new ArrayList<>(entrypoint.subList(1, entrypoint.size()));
        args.addAll(command);
        return List.copyOf(args);
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, null, List.of(), List.of(), Map.of(), null, List.of(), List.of(), null,
                RestartPolicy.NO, Map.of(), "", "", false);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public ContainerSpec withImage(String newImage) {
        return new ContainerSpec(newImage, name, entrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, entrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withEntrypoint(List<String> newEntrypoint) {
        return new ContainerSpec(image, name, newEntrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withCommand(String... args) {
        return withCommand(List.of(args));
    }

    public ContainerSpec withCommand(List<String> args) {
        return new ContainerSpec(image, name, entrypoint, args, env, envFile, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withEnv(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return withEnv(copy);
    }

    public ContainerSpec withEnv(Map<String, String> newEnv) {
        return new ContainerSpec(image, name, entrypoint, command, newEnv, envFile, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withEnvFile(String path) {
        return new ContainerSpec(image, name, entrypoint, command, env, path, ports, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withPorts(List<PortPublish> newPorts) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, newPorts, mounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withMounts(List<MountSpec> newMounts) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, newMounts, network, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withNetwork(String newNetwork) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, newNetwork, restart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withRestart(RestartPolicy newRestart) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, network, newRestart,
                labels, workingDir, user, autoRemove);
    }

    public ContainerSpec withLabel(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return withLabels(copy);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, network, restart,
                newLabels, workingDir, user, autoRemove);
    }

    public ContainerSpec withWorkingDir(String dir) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, dir, user, autoRemove);
    }

    public ContainerSpec withUser(String newUser) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, workingDir, newUser, autoRemove);
    }

    public ContainerSpec withAutoRemove(boolean remove) {
        return new ContainerSpec(image, name, entrypoint, command, env, envFile, ports, mounts, network, restart,
                labels, workingDir, user, remove);
    }
}
