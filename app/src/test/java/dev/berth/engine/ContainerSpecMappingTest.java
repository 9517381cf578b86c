package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testing.DockerCli;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting of a {@link ContainerSpec} arrives in the engine's own record of the container. */
@RealEngine
class ContainerSpecMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Engine engine;
    private static String network;
    private static String volume;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
        network = TestResources.name("net");
        volume = TestResources.name("vol");
        String label = TestResources.LABEL + "=" + TestResources.RUN_ID;
        DockerCli.run("network", "create", "--label", label, network);
        DockerCli.run("volume", "create", "--label", label, volume);
    }

    @AfterAll
    static void removeNetworksVolumesAndImages() {
        TestResources.removeAll(engine); // first: a volume stays while a container mounts it
        DockerCli.removeLabelled();
    }

    @Test
    void everyFieldOfTheSpecReachesTheEngine(@TempDir Path dir) throws Exception {
        Path envFile = Files.writeString(dir.resolve("app.env"), "# settings\nFROM_FILE=yes\nSHARED=file\n");
        Path hostDir = Files.createDirectory(dir.resolve("site"));
        ContainerSpec spec = TestResources.sleeper("mapping")
                .withEntrypoint(List.of("/bin/sh", "-c"))
                .withCommand("sleep 30")
                .withEnv("GREETING", "hello world").withEnv("API_TOKEN", "s3cret").withEnv("SHARED", "form")
                .withEnvFile(envFile.toString())
                .withPorts(List.of(PortPublish.parse("127.0.0.1:18080:80/udp"), PortPublish.parse("19000-19001:9000-9001"),
                        PortPublish.parse("5353/sctp"), PortPublish.parse("[::1]:18443-18445:443")))
                .withMounts(List.of(MountSpec.volume(volume, "/named"), MountSpec.volume("", "/anonymous"),
                        MountSpec.bind(hostDir.toString(), "/site").asReadOnly(),
                        MountSpec.tmpfs("/scratch", 64L * 1024 * 1024)))
                .withNetwork(network)
                .withRestart(RestartPolicy.onFailure(3))
                .withLabel("com.example.team", "payments")
                .withWorkingDir("/srv")
                .withUser("1000:1000");

        String id = engine.containers().create(spec);
        ContainerDetails details = engine.containers().inspect(id);
        JsonNode json = JSON.readTree(details.json());
        JsonNode config = json.path("Config");
        JsonNode host = json.path("HostConfig");

        assertThat(details.name()).isEqualTo(TestResources.name("mapping"));
        assertThat(config.path("Image").asText()).isEqualTo(TestImages.BUSYBOX);
        assertThat(strings(config.path("Entrypoint"))).containsExactly("/bin/sh");
        assertThat(strings(config.path("Cmd"))).containsExactly("-c", "sleep 30");
        assertThat(strings(config.path("Env"))).containsSubsequence("FROM_FILE=yes", "GREETING=hello world",
                "API_TOKEN=s3cret");
        assertThat(strings(config.path("Env"))).contains("SHARED=form").doesNotContain("SHARED=file");
        assertThat(config.path("ExposedPorts").has("80/udp")).isTrue();
        assertThat(config.path("ExposedPorts").has("5353/sctp")).isTrue();
        JsonNode bindings = host.path("PortBindings");
        assertThat(bindings.path("80/udp").get(0).path("HostIp").asText()).isEqualTo("127.0.0.1");
        assertThat(bindings.path("80/udp").get(0).path("HostPort").asText()).isEqualTo("18080");
        assertThat(bindings.path("9000/tcp").get(0).path("HostPort").asText()).isEqualTo("19000");
        assertThat(bindings.path("9001/tcp").get(0).path("HostPort").asText()).isEqualTo("19001");
        assertThat(bindings.path("5353/sctp").get(0).path("HostPort").asText()).isEmpty();
        assertThat(bindings.path("443/tcp").get(0).path("HostIp").asText()).isEqualTo("::1");
        assertThat(bindings.path("443/tcp").get(0).path("HostPort").asText()).isEqualTo("18443-18445");

        JsonNode mounts = host.path("Mounts");
        assertThat(mounts).hasSize(4);
        assertThat(mounts.get(0).path("Type").asText()).isEqualTo("volume");
        assertThat(mounts.get(0).path("Source").asText()).isEqualTo(volume);
        assertThat(mounts.get(0).path("Target").asText()).isEqualTo("/named");
        assertThat(mounts.get(1).path("Source").asText("")).isEmpty();
        assertThat(mounts.get(1).path("Target").asText()).isEqualTo("/anonymous");
        assertThat(mounts.get(2).path("Type").asText()).isEqualTo("bind");
        assertThat(mounts.get(2).path("Source").asText()).isEqualTo(hostDir.toString());
        assertThat(mounts.get(2).path("ReadOnly").asBoolean()).isTrue();
        assertThat(mounts.get(3).path("Type").asText()).isEqualTo("tmpfs");
        assertThat(mounts.get(3).path("TmpfsOptions").path("SizeBytes").asLong()).isEqualTo(64L * 1024 * 1024);

        assertThat(host.path("NetworkMode").asText()).isEqualTo(network);
        assertThat(host.path("RestartPolicy").path("Name").asText()).isEqualTo("on-failure");
        assertThat(host.path("RestartPolicy").path("MaximumRetryCount").asInt()).isEqualTo(3);
        assertThat(host.path("AutoRemove").asBoolean()).isFalse();
        assertThat(config.path("Labels").path("com.example.team").asText()).isEqualTo("payments");
        assertThat(config.path("Labels").path(TestResources.LABEL).asText()).isEqualTo(TestResources.RUN_ID);
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/srv");
        assertThat(config.path("User").asText()).isEqualTo("1000:1000");

        // The parsed view the details pane shows agrees with the JSON.
        assertThat(details.state()).isEqualTo(ContainerState.CREATED);
        assertThat(details.restart()).isEqualTo(RestartPolicy.onFailure(3));
        assertThat(details.labels()).containsEntry("com.example.team", "payments");
        assertThat(details.workingDir()).isEqualTo("/srv");
        assertThat(details.user()).isEqualTo("1000:1000");
        assertThat(details.entrypoint()).containsExactly("/bin/sh");
        assertThat(details.command()).containsExactly("-c", "sleep 30");
    }

    @Test
    void autoRemoveAndTheDefaultRestartPolicyAreSetAsTheCliSetsThem() throws Exception {
        String id = engine.containers().create(TestResources.sleeper("autoremove").withAutoRemove(true));
        JsonNode host = JSON.readTree(engine.containers().inspect(id).json()).path("HostConfig");

        assertThat(host.path("AutoRemove").asBoolean()).isTrue();
        assertThat(host.path("RestartPolicy").path("Name").asText()).isEqualTo("no");
        assertThat(host.path("NetworkMode").asText()).isEqualTo("default");
    }

    @Test
    void anUnreadableEnvFileIsReportedWithoutCreatingAnything(@TempDir Path dir) {
        ContainerSpec spec = TestResources.sleeper("envfile-missing").withEnvFile(dir.resolve("nope.env").toString());

        assertThatThrownBy(() -> engine.containers().create(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read the env file " + dir.resolve("nope.env"))
                .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.ENV_FILE));
        assertThat(engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID))
                .noneMatch(c -> c.name().equals(TestResources.name("envfile-missing")));
        assertThat(engine.state().isConnected()).isTrue();
    }

    @Test
    void theSpecOfAContainerReadsBackWhatItWasCreatedWith() {
        ContainerSpec spec = TestResources.sleeper("readback")
                .withEnv("MODE", "test")
                .withPorts(List.of(PortPublish.parse("127.0.0.1:18081:80"), PortPublish.parse("81")))
                .withMounts(List.of(MountSpec.volume(volume, "/named"), MountSpec.tmpfs("/scratch", 1024 * 1024)))
                .withNetwork(network)
                .withRestart(RestartPolicy.of(RestartPolicy.Kind.UNLESS_STOPPED))
                .withLabel("com.docker.compose.project", "shop")
                .withWorkingDir("/tmp")
                .withUser("nobody");
        String id = engine.containers().create(spec);

        ContainerSpec read = engine.containers().specOf(id);

        assertThat(read.name()).isNull();
        assertThat(read.image()).isEqualTo(spec.image());
        assertThat(read.command()).isEqualTo(spec.command());
        assertThat(read.entrypoint()).isEmpty();
        assertThat(read.env()).isEqualTo(spec.env());
        assertThat(read.ports()).containsExactlyInAnyOrderElementsOf(spec.ports());
        assertThat(read.mounts()).isEqualTo(spec.mounts());
        assertThat(read.network()).isEqualTo(network);
        assertThat(read.restart()).isEqualTo(spec.restart());
        assertThat(read.labels()).containsEntry(TestResources.LABEL, TestResources.RUN_ID)
                .doesNotContainKey("com.docker.compose.project");
        assertThat(read.workingDir()).isEqualTo("/tmp");
        assertThat(read.user()).isEqualTo("nobody");
        assertThat(read.autoRemove()).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
