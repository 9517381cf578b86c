package dev.berth.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI on this machine, for fixtures Berth has no call for (networks, volumes) and for
 * checking Berth against what the CLI does.
 */
public final class DockerCli {

    private DockerCli() {
    }

    /** Runs {@code docker args...} and returns its standard output; fails on a non-zero exit. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return exec(command);
    }

    /** Runs a whole command line through {@code sh -c}, as a user pasting it into a terminal would. */
    public static String shell(String commandLine) {
        return exec(List.of("sh", "-c", commandLine));
    }

    private static String exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + p.exitValue() + "): " + text);
            }
            return text.strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Removes this run's networks, volumes and images (by label), ignoring ones already gone. */
    public static void removeLabelled() {
        String filter = "label=" + TestResources.LABEL + "=" + TestResources.RUN_ID;
        for (String kind : List.of("network", "volume")) {
            String ids = run(kind, "ls", "-q", "--filter", filter);
            for (String id : ids.lines().filter(l -> !l.isBlank()).toList()) {
                shell("docker " + kind + " rm " + id + " >/dev/null 2>&1 || true");
            }
        }
        String images = run("image", "ls", "-q", "--filter", filter);
        for (String id : images.lines().filter(l -> !l.isBlank()).distinct().toList()) {
            shell("docker image rm -f " + id + " >/dev/null 2>&1 || true");
        }
    }
}
