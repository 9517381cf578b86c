package dev.berth.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper ({@code docker-credential-<name>} on the PATH: pass, secretservice,
 * osxkeychain, wincred, desktop, ...), spoken to the way the docker CLI does: the command as the
 * argument, the server URL or a JSON payload on stdin, JSON on stdout.
 */
final class CredentialHelper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;
    /** What helpers print when they have nothing for a server. */
    private static final String NOT_FOUND = "credentials not found in native keychain";

    private final String name;
    private final String executable;

    CredentialHelper(String name, String executable) {
        this.name = name;
        this.executable = executable;
    }

    /** The helper's credentials for a server; empty when it has none. */
    Optional<RegistryAuth> get(String server) throws IOException {
        Result result = run("get", server);
        if (result.exit != 0) {
            if (result.output.contains(NOT_FOUND) || result.output.isBlank()) {
                return Optional.empty();
            }
            throw new IOException("docker-credential-" + name + " get failed: " + result.output.strip());
        }
        JsonNode node = JSON.readTree(result.output);
        String user = node.path("Username").asText("");
        String secret = node.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        // "<token>" as the user name means the secret is an identity token.
        if (user.equals("<token>")) {
            return Optional.of(new RegistryAuth(server, null, null, secret));
        }
        return Optional.of(new RegistryAuth(server, user, secret, null));
    }

    void store(String server, String user, String secret) throws IOException {
        String payload = JSON.createObjectNode().put("ServerURL", server).put("Username", user).put("Secret", secret)
                .toString();
        Result result = run("store", payload);
        if (result.exit != 0) {
            throw new IOException("docker-credential-" + name + " could not store the credentials: "
                    + result.output.strip());
        }
    }

    void erase(String server) throws IOException {
        Result result = run("erase", server);
        if (result.exit != 0 && !result.output.contains(NOT_FOUND)) {
            throw new IOException("docker-credential-" + name + " erase failed: " + result.output.strip());
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(String command, String input) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(executable, command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("The credential helper docker-credential-" + name
                    + " named in config.json is not installed (not on the PATH)", e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("docker-credential-" + name + " did not answer in time");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking docker-credential-" + name, e);
        }
        return new Result(process.exitValue(), output);
    }
}
