package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.testing.Await;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.DockerCli;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistry;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a compose file asks of up beyond the basics, on the real engine: waiting, profiles, builds, pulls. */
@RealEngine
class ComposeUpOptionsTest extends StackTestBase {

    private ComposeProject writeWaiting(int migrateExit) throws IOException {
        String labels = runLabels();
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  db:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"sleep 1; touch /ready; " + LOOP + "\"]",
                "    healthcheck: {test: [CMD, test, -f, /ready], interval: 300ms, retries: 30}",
                labels,
                "  migrate:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"echo migrating; exit " + migrateExit + "\"]",
                labels,
                "  app:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"" + LOOP + "\"]",
                "    depends_on:",
                "      db: {condition: service_healthy}",
                "      migrate: {condition: service_completed_successfully}",
                labels,
                ""));
        return ComposeParser.parse(dir.resolve("compose.yaml"));
    }

    @Test
    void aServiceWaitsForItsDependencyToBeHealthyAndForAJobToFinish() throws Exception {
        List<String> steps = new ArrayList<>();
        new ComposeUp(engine).up(writeWaiting(0), (message, done, total) -> steps.add(message), new Cancellation());

        assertThat(steps).containsSubsequence("Waiting for db to be healthy", "Waiting for migrate to finish",
                "Container " + project + "-app-1");
        assertThat(engine.containers().inspect(service("db").id()).health()).isEqualTo("healthy");
        assertThat(engine.containers().inspect(service("migrate").id()).exitCode()).isZero();
        assertThat(service("app").state()).isEqualTo(ContainerState.RUNNING);

        // Unchanged, with its health check: kept. A stopped dependency is started and waited for again.
        String db = service("db").id();
        engine.containers().stop(db);
        new ComposeUp(engine).up(writeWaiting(0), UpListener.NONE, new Cancellation());
        assertThat(service("db").id()).isEqualTo(db);
        assertThat(engine.containers().inspect(db).health()).isEqualTo("healthy");
    }

    @Test
    void aJobThatFailsKeepsItsDependentFromStarting() throws Exception {
        assertThatThrownBy(() -> new ComposeUp(engine).up(writeWaiting(3), UpListener.NONE, new Cancellation()))
                .hasMessage("Service migrate exited with code 3, so app was not started");
        assertThat(containers()).extracting(ContainerSummary::name)
                .containsExactlyInAnyOrder(project + "-db-1", project + "-migrate-1");
    }

    @Test
    void anUnhealthyDependencyIsNamedWithWhatItsCheckSaid() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  db:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"" + LOOP + "\"]",
                "    healthcheck: {test: echo database not ready; exit 1, interval: 200ms, retries: 2}",
                runLabels(),
                "  app:",
                "    image: " + TestImages.BUSYBOX,
                "    depends_on: {db: {condition: service_healthy}}",
                runLabels(),
                ""));
        ComposeProject compose = ComposeParser.parse(dir.resolve("compose.yaml"));

        assertThatThrownBy(() -> new ComposeUp(engine).up(compose, UpListener.NONE, new Cancellation()))
                .hasMessage("Service db is unhealthy (its check said: database not ready), so app was not started");
        assertThat(containers()).extracting(ContainerSummary::name).containsExactly(project + "-db-1");
    }

    @Test
    void aServiceInAProfileRunsOnlyWhenItsProfileIsOn() throws Exception {
        String labels = runLabels();
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"" + LOOP + "\"]",
                labels,
                "  debugger:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"" + LOOP + "\"]",
                "    profiles: [debug]",
                labels,
                "  probe:",
                "    image: " + TestImages.BUSYBOX,
                "    depends_on: [debugger]",
                "    profiles: [probe]",
                labels,
                ""));
        // An explicit environment: a COMPOSE_PROFILES set where the tests run must not change them.
        ComposeProject compose = ComposeParser.parse(dir.resolve("compose.yaml"),
                Files.readString(dir.resolve("compose.yaml")), Map.of());

        new ComposeUp(engine).up(compose, UpListener.NONE, new Cancellation());
        assertThat(containers()).extracting(ContainerSummary::name).containsExactly(project + "-web-1");

        new ComposeUp(engine).up(compose.withProfiles(Set.of("debug")), UpListener.NONE, new Cancellation());
        assertThat(containers()).extracting(ContainerSummary::name)
                .containsExactlyInAnyOrder(project + "-web-1", project + "-debugger-1");

        assertThatThrownBy(() -> new ComposeUp(engine).up(compose.withProfiles(Set.of("probe")), UpListener.NONE,
                new Cancellation())).hasMessage("Service probe depends on debugger, which runs only with the profile"
                + " debug: turn it on first");
    }

    @Test
    void aServiceWithBuildIsBuiltUnderTheProjectsNameAndRunsWhatWasBuilt() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.copy(TestImages.busyboxBinary(), app.resolve("busybox"));
        Files.writeString(app.resolve("hello.txt"), "built for " + project + "\n");
        Files.writeString(app.resolve("Containerfile"), String.join("\n",
                "FROM scratch AS base",
                "ARG GREETING",
                "LABEL " + TestResources.LABEL + "=" + TestResources.RUN_ID + " greeting=$GREETING",
                "COPY busybox /bin/busybox",
                "COPY hello.txt /hello.txt",
                "CMD [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox cat /hello.txt; trap 'exit 0' TERM;"
                        + " while true; do /bin/busybox sleep 0.2; done\"]",
                "FROM base AS extra",
                "LABEL extra=yes",
                ""));
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  tool:",
                "    build:",
                "      context: ./app",
                "      dockerfile: Containerfile",
                "      target: base",
                "      args: {GREETING: hello}",
                runLabels(),
                ""));
        List<String> steps = new ArrayList<>();
        try {
            new ComposeUp(engine).up(ComposeParser.parse(dir.resolve("compose.yaml")),
                    (message, done, total) -> steps.add(message), new Cancellation());

            assertThat(steps).contains("Building " + project + "-tool")
                    .anyMatch(step -> step.matches("Building " + project + "-tool: \\[base \\d/\\d] COPY .*"));
            assertThat(service("tool").image()).isEqualTo(project + "-tool");
            // The argument reached the build, and the build stopped at the target stage.
            assertThat(DockerCli.run("image", "inspect", "-f", "{{json .Config.Labels}}", project + "-tool"))
                    .contains("\"greeting\":\"hello\"").doesNotContain("extra");
            Await.until("the built image's command runs", Duration.ofSeconds(20),
                    () -> DockerCli.run("logs", project + "-tool-1").contains("built for " + project));
        } finally {
            takeDown();
            if (engine.images().exists(project + "-tool")) {
                engine.images().remove(project + "-tool", true);
            }
        }
    }

    @Test
    void aMissingImageIsPulledFromItsRegistryWithTheSavedLogin() throws Exception {
        Path configDir = Files.createTempDirectory("berth-docker-config");
        String remote;
        try (TestRegistry registry = TestRegistry.start()) {
            DockerConfig credentials = new DockerConfig(configDir);
            engine.registries().login(credentials, registry.host(), TestRegistry.USER, registry.password());
            remote = registry.host() + "/berth/" + TestResources.name("pulled") + ":1";
            engine.images().tag(TestImages.BUSYBOX, remote);
            engine.registries().push(remote, credentials, TransferListener.NONE, new Cancellation());
            engine.images().remove(remote, false);
            assertThat(engine.images().exists(remote)).isFalse();
            Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                    "name: " + project,
                    "services:",
                    "  app:",
                    "    image: " + remote,
                    "    command: [\"sh\", \"-c\", \"" + LOOP + "\"]",
                    runLabels(),
                    ""));
            List<String> steps = new ArrayList<>();
            try {
                new ComposeUp(engine, credentials).up(ComposeParser.parse(dir.resolve("compose.yaml")),
                        (message, done, total) -> steps.add(message), new Cancellation());

                assertThat(steps).containsSubsequence("Pulling " + remote, "Container " + project + "-app-1");
                assertThat(engine.images().exists(remote)).isTrue();
                assertThat(service("app").state()).isEqualTo(ContainerState.RUNNING);
            } finally {
                takeDown();
                if (engine.images().exists(remote)) {
                    engine.images().remove(remote, false);
                }
            }
        } finally {
            BuildContexts.delete(configDir);
        }
    }

    @Test
    void aMissingImageIsNamedBeforeAnythingIsCreated() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  app:",
                "    image: berth-test/not-here:" + TestResources.RUN_ID,
                ""));
        ComposeProject compose = ComposeParser.parse(dir.resolve("compose.yaml"));

        assertThatThrownBy(() -> new ComposeUp(engine).up(compose, UpListener.NONE, new Cancellation()))
                .hasMessageContaining("Service app needs the image berth-test/not-here:" + TestResources.RUN_ID
                        + ", which is not on this engine, and pulling it failed");
        assertThat(containers()).isEmpty();
        Map<String, String> label = Map.of(ComposeLabels.PROJECT, project);
        assertThat(engine.networks().list().stream().filter(n -> n.labels().entrySet().containsAll(label.entrySet()))
                .collect(Collectors.toList())).isEmpty();
    }
}
