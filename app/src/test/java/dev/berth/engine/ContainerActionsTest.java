package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.testing.Await;
import dev.berth.testing.DockerCli;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each container action against the real engine. */
@RealEngine
class ContainerActionsTest {

    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void removeNetworksVolumesAndImages() {
        DockerCli.removeLabelled();
    }

    @Test
    void pauseUnpauseAndKill() {
        String id = engine.containers().run(TestResources.sleeper("pause"));

        engine.containers().pause(id);
        assertThat(engine.containers().inspect(id).state()).isEqualTo(ContainerState.PAUSED);
        assertThatThrownBy(() -> engine.containers().pause(id)).isInstanceOf(EngineException.class)
                .hasMessageContaining("already paused");

        engine.containers().unpause(id);
        assertThat(engine.containers().inspect(id).state()).isEqualTo(ContainerState.RUNNING);

        engine.containers().kill(id);
        Await.until("the container has died", () -> engine.containers().inspect(id).state() == ContainerState.EXITED);
        assertThat(engine.containers().inspect(id).exitCode()).isEqualTo(137);
    }

    @Test
    void killSendsTheGivenSignal() {
        String id = engine.containers().run(TestResources.sleeper("sighup")
                .withCommand("sh", "-c", "trap 'exit 7' HUP; while true; do sleep 0.2; done"));

        engine.containers().kill(id, "SIGHUP");

        Await.until("the container exited on SIGHUP", () -> engine.containers().inspect(id).state() == ContainerState.EXITED);
        assertThat(engine.containers().inspect(id).exitCode()).isEqualTo(7);
    }

    @Test
    void renameArrivesAsAnEventAndInTheList() throws InterruptedException {
        String id = engine.containers().create(TestResources.sleeper("old-name"));
        BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        try (Subscription ignored = engine.onEvent(e -> {
            if (id.equals(e.id())) {
                events.add(e);
            }
        })) {
            engine.containers().rename(id, TestResources.name("new-name"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            EngineEvent event = null;
            while (System.nanoTime() < deadline && (event == null || !event.baseAction().equals("rename"))) {
                event = events.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(event).isNotNull();
            assertThat(event.baseAction()).isEqualTo("rename");
            assertThat(event.attributes()).containsEntry("name", TestResources.name("new-name"));
        }
        assertThat(engine.containers().find(id).orElseThrow().name()).isEqualTo(TestResources.name("new-name"));
    }

    @Test
    void commitMakesAnImageHoldingTheContainersFiles() {
        String id = engine.containers().create(TestResources.sleeper("commit")
                .withCommand("sh", "-c", "echo committed > /marker"));
        engine.containers().start(id);
        Await.until("the container finished", () -> engine.containers().inspect(id).state() == ContainerState.EXITED);
        String repository = "berth-test/commit-" + TestResources.RUN_ID;

        String imageId = engine.containers().commit(id, repository, "v1", "saved by a test", "Berth tests");

        assertThat(imageId).startsWith("sha256:");
        assertThat(engine.images().exists(repository + ":v1")).isTrue();
        assertThat(engine.images().list()).flatExtracting(ImageSummary::repoTags).contains(repository + ":v1");
        String fromImage = engine.containers().create(TestResources.sleeper("from-commit")
                .withImage(repository + ":v1").withCommand("cat", "/marker"));
        engine.containers().start(fromImage);
        Await.until("the check finished", () -> engine.containers().inspect(fromImage).state() == ContainerState.EXITED);
        assertThat(engine.containers().inspect(fromImage).exitCode()).isZero();
        assertThat(DockerCli.run("image", "inspect", "--format", "{{.Comment}} / {{.Author}}", repository + ":v1"))
                .isEqualTo("saved by a test / Berth tests");
    }

    @Test
    void diffListsAddedChangedAndDeletedPaths() {
        String id = engine.containers().create(TestResources.sleeper("diff")
                .withCommand("sh", "-c", "mkdir -p /data && echo hi > /data/new.txt && rm /bin/ls"));
        engine.containers().start(id);
        Await.until("the container finished", () -> engine.containers().inspect(id).state() == ContainerState.EXITED);

        List<FileChange> changes = engine.containers().diff(id);

        assertThat(changes).contains(new FileChange("/data", FileChange.Kind.ADDED),
                new FileChange("/data/new.txt", FileChange.Kind.ADDED),
                new FileChange("/bin", FileChange.Kind.MODIFIED),
                new FileChange("/bin/ls", FileChange.Kind.DELETED));
        assertThat(changes).extracting(FileChange::path).isSorted();
        assertThat(FileChange.Kind.DELETED.letter()).isEqualTo('D');
    }

    @Test
    void inspectReportsStateNetworksAndTheRawJson() {
        String id = engine.containers().run(TestResources.sleeper("inspect").withEnv("DB_PASSWORD", "hunter2"));

        ContainerDetails details = engine.containers().inspect(id);

        assertThat(details.id()).isEqualTo(id);
        assertThat(details.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(details.startedAt()).isNotNull();
        assertThat(details.finishedAt()).isNull();
        assertThat(details.networks()).containsKey("bridge");
        assertThat(details.networks().get("bridge").ipAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(details.env()).contains("DB_PASSWORD=hunter2");
        assertThat(details.json()).startsWith("{").contains("\"Id\":\"" + id + "\"");
        assertThatThrownBy(() -> engine.containers().inspect("berth-no-such-container"))
                .isInstanceOf(EngineException.class).hasMessageContaining("No such container")
                .satisfies(e -> assertThat(((EngineException) e).isNotFound()).isTrue());
    }

    @Test
    void aContainerThatCannotStartIsRemovedAgain() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            ContainerSpec spec = TestResources.sleeper("port-taken")
                    .withPorts(List.of(PortPublish.of(taken.getLocalPort(), 80)));

            assertThatThrownBy(() -> engine.containers().run(spec)).isInstanceOf(EngineException.class)
                    .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.PORTS));
        }
        ContainerSpec noShell = TestResources.sleeper("no-exec").withCommand("/no/such/program");
        assertThatThrownBy(() -> engine.containers().run(noShell)).isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.COMMAND));

        assertThat(engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID))
                .extracting(ContainerSummary::name)
                .doesNotContain(TestResources.name("port-taken"), TestResources.name("no-exec"));
    }

    @Test
    void createFailuresNameTheirField() {
        String image = "berth-test/no-such-image:" + TestResources.RUN_ID;
        assertThatThrownBy(() -> engine.containers().create(TestResources.sleeper("no-image").withImage(image)))
                .isInstanceOf(EngineException.class).hasMessageContaining("No such image")
                .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.IMAGE));
        // The engine checks the network when starting, so run() removes the container again.
        assertThatThrownBy(() -> engine.containers().run(TestResources.sleeper("no-net")
                .withNetwork("berth-no-such-network-" + TestResources.RUN_ID)))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.NETWORK));
        assertThatThrownBy(() -> engine.containers().create(TestResources.sleeper("no-bind")
                .withMounts(List.of(MountSpec.bind("/berth/no/such/dir", "/x")))))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(SpecField.concernedBy(e.getMessage())).isEqualTo(SpecField.MOUNTS));
        assertThat(engine.containers().networks()).contains("bridge", "host", "none");
        assertThat(engine.containers().listByLabel(TestResources.LABEL, TestResources.RUN_ID))
                .extracting(ContainerSummary::name).doesNotContain(TestResources.name("no-net"));
    }
}
