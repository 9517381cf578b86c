package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.DockerCli;
import dev.berth.testing.FreePorts;
import dev.berth.testing.InspectComparison;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Copy as docker run": the command line creates the same container as the spec it came from. */
@RealEngine
class DockerRunCommandTest {

    private static Engine engine;
    private static String network;
    private static String volume;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
        network = TestResources.name("cli-net");
        volume = TestResources.name("cli-vol");
        String label = TestResources.LABEL + "=" + TestResources.RUN_ID;
        DockerCli.run("network", "create", "--label", label, network);
        DockerCli.run("volume", "create", "--label", label, volume);
    }

    @AfterAll
    static void removeNetworksVolumesAndImages() {
        DockerCli.removeLabelled();
    }

    @Test
    void writesEachSettingAsTheCliFlagForIt() {
        ContainerSpec spec = ContainerSpec.of("nginx:1.25").withName("web")
                .withEntrypoint(List.of("/docker-entrypoint.sh", "--verbose"))
                .withCommand("nginx", "-g", "daemon off;")
                .withEnv("GREETING", "hello world").withEnvFile("/etc/app.env")
                .withPorts(List.of(PortPublish.parse("127.0.0.1:8080:80/udp"), PortPublish.parse("9000-9001:9000-9001")))
                .withMounts(List.of(MountSpec.volume("data", "/data"), MountSpec.bind("/srv/my site", "/site").asReadOnly(),
                        MountSpec.tmpfs("/scratch", 1024)))
                .withNetwork("backend").withRestart(RestartPolicy.onFailure(3)).withLabel("team", "web ops")
                .withWorkingDir("/srv").withUser("1000:1000");

        assertThat(DockerRunCommand.of(spec, true)).isEqualTo("docker run -d --name web --entrypoint /docker-entrypoint.sh"
                + " --env-file /etc/app.env -e 'GREETING=hello world' -p 127.0.0.1:8080:80/udp -p 9000-9001:9000-9001/tcp"
                + " --mount type=volume,source=data,target=/data --mount 'type=bind,source=/srv/my site,target=/site,readonly'"
                + " --mount type=tmpfs,target=/scratch,tmpfs-size=1024 --network backend --restart on-failure:3"
                + " --label 'team=web ops' -w /srv -u 1000:1000 nginx:1.25 --verbose nginx -g 'daemon off;'");
        assertThat(DockerRunCommand.of(ContainerSpec.of("busybox").withAutoRemove(true), false))
                .isEqualTo("docker run --rm busybox");
    }

    @Test
    void theCliMakesTheSameContainerFromTheCommand(@TempDir Path dir) throws Exception {
        Path hostDir = Files.createDirectory(dir.resolve("my site"));
        int port = FreePorts.one();
        int range = FreePorts.range(2);
        ContainerSpec spec = TestResources.sleeper("copy-berth")
                .withEnv("GREETING", "hello 'quoted' world").withEnv("EMPTY", "")
                .withPorts(List.of(PortPublish.parse("127.0.0.1:" + port + ":80/udp"),
                        PortPublish.parse(range + "-" + (range + 1) + ":9000-9001"), PortPublish.parse("7000")))
                .withMounts(List.of(MountSpec.volume(volume, "/named"), MountSpec.volume("", "/anonymous"),
                        MountSpec.bind(hostDir.toString(), "/site").asReadOnly(), MountSpec.tmpfs("/scratch", 1 << 20)))
                .withNetwork(network)
                .withRestart(RestartPolicy.onFailure(2))
                .withLabel("com.example.note", "a \"quoted\" label")
                .withWorkingDir("/tmp")
                .withUser("65534");

        assertSameContainer(spec);
    }

    @Test
    void entrypointEnvFileAndAutoRemoveToo(@TempDir Path dir) throws Exception {
        Path envFile = Files.writeString(dir.resolve("app.env"), "FROM_FILE=yes\n# comment\nSPACED=a b\n");
        ContainerSpec spec = TestResources.sleeper("copy-entry")
                .withEntrypoint(List.of("/bin/sh", "-c"))
                .withCommand("trap 'exit 0' TERM; while true; do sleep 0.2; done")
                .withEnvFile(envFile.toString())
                .withEnv("MODE", "copy")
                .withAutoRemove(true);

        assertSameContainer(spec);
    }

    /** Creates the spec with Berth and runs its command with the CLI, then compares the two inspections. */
    private static void assertSameContainer(ContainerSpec spec) {
        String berthId = engine.containers().create(spec);
        String cliName = spec.name().replace("copy-", "copy-cli-");
        String command = DockerRunCommand.of(spec.withName(cliName), true);

        String cliId = DockerCli.shell(command);

        assertThat(InspectComparison.configured(engine.containers().inspect(cliId).json())).as(command)
                .isEqualTo(InspectComparison.configured(engine.containers().inspect(berthId).json()));
        assertThat(engine.containers().inspect(cliId).labels()).containsEntry(TestResources.LABEL, TestResources.RUN_ID);
    }
}
