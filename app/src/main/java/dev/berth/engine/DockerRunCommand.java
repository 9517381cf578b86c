package dev.berth.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code docker run} command line that creates the same container as a {@link ContainerSpec},
 * so what was set up by pointing and clicking can be pasted into a terminal or a script.
 */
public final class DockerRunCommand {

    private DockerRunCommand() {
    }

    /**
     * @param detached {@code -d} (run in the background) rather than attached to the terminal
     */
    public static String of(ContainerSpec spec, boolean detached) {
        return ShellWords.join(words(spec, detached));
    }

    /** The command's words, unquoted. */
    public static List<String> words(ContainerSpec spec, boolean detached) {
        List<String> w = new ArrayList<>(List.of("docker", "run"));
        if (detached) {
            w.add("-d");
        }
        if (spec.name() != null) {
            w.add("--name");
            w.add(spec.name());
        }
        if (!spec.entrypoint().isEmpty()) {
            w.add("--entrypoint");
            w.add(spec.entrypoint().get(0));
        }
        if (spec.envFile() != null) {
            w.add("--env-file");
            w.add(spec.envFile());
        }
        for (Map.Entry<String, String> e : spec.env().entrySet()) {
            w.add("-e");
            w.add(e.getKey() + "=" + e.getValue());
        }
        for (PortPublish port : spec.ports()) {
            w.add("-p");
            w.add(port.toString());
        }
        for (MountSpec mount : spec.mounts()) {
            w.add("--mount");
            w.add(mount.cliValue());
        }
        if (spec.network() != null) {
            w.add("--network");
            w.add(spec.network());
        }
        if (spec.restart().kind() != RestartPolicy.Kind.NO) {
            w.add("--restart");
            w.add(spec.restart().cliValue());
        }
        for (Map.Entry<String, String> e : spec.labels().entrySet()) {
            w.add("--label");
            w.add(e.getKey() + "=" + e.getValue());
        }
        if (!spec.workingDir().isEmpty()) {
            w.add("-w");
            w.add(spec.workingDir());
        }
        if (!spec.user().isEmpty()) {
            w.add("-u");
            w.add(spec.user());
        }
        if (spec.autoRemove()) {
            w.add("--rm");
        }
        w.add(spec.image());
        w.addAll(spec.arguments());
        return w;
    }
}
