package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointDiscoveryTest {

    @TempDir
    Path home;

    private List<String> uris(Map<String, String> env, String os) {
        return new EndpointDiscovery(env, home, os).candidates().stream().map(EngineEndpoint::uri).toList();
    }

    @Test
    void dockerHostComesFirstAndTheUsualSocketsFollow() {
        List<EngineEndpoint> found = new EndpointDiscovery(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376",
                "DOCKER_CERT_PATH", "/certs"), home, "Linux").candidates();

        assertThat(found.get(0)).isEqualTo(new EngineEndpoint("tcp://10.0.0.5:2376", "DOCKER_HOST", Path.of("/certs")));
        assertThat(found).extracting(EngineEndpoint::uri).contains("unix:///var/run/docker.sock");
    }

    @Test
    void withoutDockerHostTheDefaultSocketIsFirstAndPodmanIsAFallback() {
        assertThat(uris(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux")).containsExactly(
                "unix:///var/run/docker.sock",
                "unix://" + home.resolve(".docker/run/docker.sock"),
                "unix:///run/user/1000/podman/podman.sock",
                "unix:///run/podman/podman.sock");
    }

    @Test
    void windowsUsesNamedPipes() {
        assertThat(uris(Map.of(), "Windows 11")).containsExactly(
                "npipe:////./pipe/docker_engine", "npipe:////./pipe/podman-machine-default");
    }

    @Test
    void theCurrentContextFromConfigJsonIsUsedBeforeTheDefaults() throws Exception {
        writeContext("colima", "unix:///Users/me/.colima/default/docker.sock");
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"colima\"}");

        List<EngineEndpoint> found = new EndpointDiscovery(Map.of(), home, "Mac OS X").candidates();

        assertThat(found.get(0).uri()).isEqualTo("unix:///Users/me/.colima/default/docker.sock");
        assertThat(found.get(0).source()).isEqualTo("docker context 'colima'");
    }

    @Test
    void dockerContextVariableOverridesConfigJson() throws Exception {
        writeContext("remote", "tcp://build-box:2375");
        writeContext("colima", "unix:///colima.sock");
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"colima\"}");

        assertThat(uris(Map.of("DOCKER_CONTEXT", "remote"), "Linux").get(0)).isEqualTo("tcp://build-box:2375");
    }

    @Test
    void aMissingOrBrokenContextFallsBackToTheDefaults() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"gone\"}");

        assertThat(uris(Map.of(), "Linux").get(0)).isEqualTo("unix:///var/run/docker.sock");
    }

    private void writeContext(String name, String host) throws IOException, Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(name.getBytes(StandardCharsets.UTF_8)));
        Path meta = home.resolve(".docker/contexts/meta").resolve(digest);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name
                + "\",\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }
}
