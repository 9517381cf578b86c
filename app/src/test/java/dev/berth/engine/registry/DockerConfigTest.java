package dev.berth.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials read and written like the docker CLI does, in a temporary DOCKER_CONFIG folder. */
class DockerConfigTest {

    @TempDir
    Path dir;

    @Test
    void storesBase64AuthUnderTheServerKeyAndKeepsOtherSettings() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"currentContext\":\"colima\",\"auths\":{\"ghcr.io\":{\"auth\":\""
                + b64("me:old") + "\"}}}");
        DockerConfig config = new DockerConfig(dir);

        config.store("127.0.0.1:5000", "berth", "s3cret");
        config.store("docker.io", "hubuser", "hubtoken");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
        assertThat(json.path("currentContext").asText()).isEqualTo("colima");
        assertThat(json.path("auths").path("127.0.0.1:5000").path("auth").asText()).isEqualTo(b64("berth:s3cret"));
        assertThat(json.path("auths").path(DockerConfig.DOCKER_HUB_SERVER).path("auth").asText())
                .isEqualTo(b64("hubuser:hubtoken"));
        assertThat(json.path("auths").has("ghcr.io")).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve("config.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(config.credentialsFor("127.0.0.1:5000")).get().satisfies(auth -> {
            assertThat(auth.username()).isEqualTo("berth");
            assertThat(auth.password()).isEqualTo("s3cret");
            assertThat(auth.toString()).doesNotContain("s3cret");
        });
        assertThat(config.credentialsFor("index.docker.io")).get().extracting(RegistryAuth::username).isEqualTo("hubuser");
        assertThat(config.servers()).contains("ghcr.io", "127.0.0.1:5000", DockerConfig.DOCKER_HUB_SERVER);
    }

    @Test
    void matchesServersWrittenAsUrlsAndForgetsOnLogout() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"https://registry.example.com/v2/\":{\"auth\":\""
                + b64("u:p") + "\"}}}");
        DockerConfig config = new DockerConfig(dir);

        assertThat(config.credentialsFor("registry.example.com")).get().extracting(RegistryAuth::password).isEqualTo("p");
        assertThat(config.credentialsFor("other.example.com")).isEmpty();

        config.store("registry.example.com", "u", "p2");
        config.erase("registry.example.com");
        assertThat(config.credentialsFor("registry.example.com")).get().extracting(RegistryAuth::password).isEqualTo("p");
    }

    @Test
    void noFileMeansNoCredentials() throws IOException {
        assertThat(new DockerConfig(dir.resolve("missing")).credentialsFor("docker.io")).isEmpty();
    }

    @Test
    void credHelpersAndCredsStoreHoldTheSecretInsteadOfTheFile() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path store = dir.resolve("helper-store");
        helper(bin, "berthtest", store);
        Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"127.0.0.1:5000\":\"berthtest\"}}");
        DockerConfig config = new DockerConfig(dir, List.of(bin));

        assertThat(config.credentialsFor("127.0.0.1:5000")).isEmpty();
        config.store("127.0.0.1:5000", "berth", "kept-by-helper");

        assertThat(Files.readString(dir.resolve("config.json"))).doesNotContain("kept-by-helper")
                .contains("127.0.0.1:5000");
        assertThat(Files.readString(store)).contains("kept-by-helper");
        assertThat(config.credentialsFor("127.0.0.1:5000")).get().satisfies(auth -> {
            assertThat(auth.username()).isEqualTo("berth");
            assertThat(auth.password()).isEqualTo("kept-by-helper");
        });
        // A registry without its own helper uses credsStore, then auths.
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\":\"berthtest\"}");
        assertThat(config.credentialsFor("127.0.0.1:5000")).isPresent();

        config.erase("127.0.0.1:5000");
        assertThat(config.credentialsFor("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void aMissingHelperIsNamedInTheError() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\":\"nosuchhelper\"}");
        DockerConfig config = new DockerConfig(dir, List.of(dir));

        assertThatThrownBy(() -> config.credentialsFor("docker.io"))
                .hasMessageContaining("docker-credential-nosuchhelper").hasMessageContaining("not installed");
    }

    @Test
    void authHeaderIsBase64UrlJsonWithTheServer() {
        RegistryAuth auth = new RegistryAuth("127.0.0.1:5000", "u", "p", null);

        String json = new String(Base64.getUrlDecoder().decode(auth.toHeader()), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"username\":\"u\",\"password\":\"p\",\"serveraddress\":\"127.0.0.1:5000\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(RegistryAuth.anonymousHeader()), StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }

    /** A credential helper speaking the real protocol, keeping one entry in a file. */
    private static void helper(Path bin, String name, Path store) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "STORE='" + store + "'",
                "case \"$1\" in",
                "  store) cat > \"$STORE\" ;;",
                "  get) read server; if [ -s \"$STORE\" ] && grep -q \"\\\"$server\\\"\" \"$STORE\"; then cat \"$STORE\";"
                        + " else echo 'credentials not found in native keychain'; exit 1; fi ;;",
                "  erase) read server; rm -f \"$STORE\" ;;",
                "  *) exit 2 ;;",
                "esac", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
