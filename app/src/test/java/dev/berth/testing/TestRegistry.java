package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real image registry (Debian's {@code docker-registry}, the CNCF distribution server) on
 * 127.0.0.1 at a free port, with htpasswd authentication, its storage in a temporary folder. The
 * engine lets 127.0.0.0/8 registries use plain HTTP, so no certificates are involved.
 */
public final class TestRegistry implements AutoCloseable {

    public static final String USER = "berth";

    private final Path dir;
    private final int port;
    private final String password;
    private final Process process;

    private TestRegistry(Path dir, int port, String password, Process process) {
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.process = process;
    }

    /** Starts a registry and waits until it answers; fails the test if it cannot. */
    public static TestRegistry start() {
        try {
            Path dir = Files.createTempDirectory("berth-registry");
            String password = "pw-" + UUID.randomUUID();
            Process htpasswd = new ProcessBuilder("htpasswd", "-Bbn", USER, password).redirectErrorStream(false).start();
            String line = new String(htpasswd.getInputStream().readAllBytes()).strip();
            if (htpasswd.waitFor() != 0 || line.isEmpty()) {
                throw new IllegalStateException("htpasswd (apache2-utils) failed");
            }
            Files.writeString(dir.resolve("htpasswd"), line + "\n");
            int port = freePort();
            Files.writeString(dir.resolve("config.yml"), String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: error",
                    "  accesslog:",
                    "    disabled: true",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + dir.resolve("data"),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    "  secret: " + UUID.randomUUID(),
                    "auth:",
                    "  htpasswd:",
                    "    realm: berth-test",
                    "    path: " + dir.resolve("htpasswd"),
                    ""));
            Process process = new ProcessBuilder(List.of("docker-registry", "serve", dir.resolve("config.yml").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            TestRegistry registry = new TestRegistry(dir, port, password, process);
            registry.awaitReady(Duration.ofSeconds(20));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start docker-registry (install the docker-registry package)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                connection.setConnectTimeout(500);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not answer on " + host());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BuildContexts.delete(dir);
    }
}
