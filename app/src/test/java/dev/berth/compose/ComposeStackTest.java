package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.NetworkSummary;
import dev.berth.engine.VolumeSummary;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.testing.Await;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.DockerCli;
import dev.berth.testing.FreePorts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistry;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Up and down on the real engine: what is created, kept, replaced and removed. */
@RealEngine
class ComposeStackTest {

    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 0.2; done";

    private final Engine engine = TestEngine.shared();
    private final String project = TestResources.name("stack");
    @TempDir
    Path dir;
    private int port;

    @BeforeEach
    void freePort() {
        port = FreePorts.one();
    }

    @AfterEach
    void takeDown() {
        ComposeDown down = new ComposeDown(engine);
        down.down(down.plan(project, true), UpListener.NONE);
    }

    private ComposeProject write(String workerGreeting) throws IOException {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "hello from the stack\n");
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  web:",
                "    image: " + TestImages.BUSYBOX,
                "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 8080 -h /site & wait\"]",
                "    ports: [\"127.0.0.1:" + port + ":8080\"]",
                "    volumes: [\"./site:/site:ro\"]",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                "  worker:",
                "    image: " + TestImages.BUSYBOX,
                "    depends_on: [web]",
                "    networks: [default, back]",
                "    environment:",
                "      GREETING: " + workerGreeting,
                "    command:",
                "      - sh",
                "      - -c",
                "      - until wget -q -O /data/page http://web:8080/; do sleep 0.2; done;"
                        + " echo \"$$GREETING fetched\"; " + LOOP,
                "    volumes: [\"data:/data\"]",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                "networks:",
                "  back: {}",
                "volumes:",
                "  data: {}",
                ""));
        return ComposeParser.parse(dir.resolve("compose.yaml"));
    }

    private List<ContainerSummary> containers() {
        return engine.containers().listByLabel(ComposeLabels.PROJECT, project);
    }

    private ContainerSummary service(String name) {
        return containers().stream().filter(c -> name.equals(c.labels().get(ComposeLabels.SERVICE))).findFirst()
                .orElseThrow(() -> new AssertionError("no container for service " + name));
    }

    @Test
    void upCreatesTheNetworksVolumeAndContainersAndServicesReachEachOtherByName() throws Exception {
        ComposeProject compose = write("hello");
        List<String> steps = new ArrayList<>();

        new ComposeUp(engine).up(compose, (message, done, total) -> steps.add(message), new Cancellation());

        assertThat(containers()).extracting(ContainerSummary::name)
                .containsExactlyInAnyOrder(project + "-web-1", project + "-worker-1");
        assertThat(containers()).allMatch(c -> c.state() == ContainerState.RUNNING);
        assertThat(service("web").labels()).containsEntry(ComposeLabels.CONFIG_FILES, dir.resolve("compose.yaml")
                .toString()).containsEntry(ComposeLabels.NUMBER, "1").containsKey(ComposeLabels.CONFIG_HASH);
        assertThat(engine.networks().list()).extracting(NetworkSummary::name)
                .contains(project + "_default", project + "_back");
        assertThat(engine.volumes().list()).extracting(VolumeSummary::name).contains(project + "_data");
        // Dependencies come first: web's container is made before the worker's.
        assertThat(steps).containsSubsequence("Container " + project + "-web-1", "Container " + project + "-worker-1");

        // The worker reaches web by its service name, through the alias on the project network.
        Await.until("the worker fetched the page from web", Duration.ofSeconds(20),
                () -> DockerCli.run("logs", project + "-worker-1").contains("hello fetched"));
        assertThat(DockerCli.run("exec", project + "-worker-1", "cat", "/data/page").strip()).isEqualTo("hello from the stack");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/index.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo("hello from the stack\n");

        List<StackSummary> stacks = StackSummary.of(engine.containers().list());
        StackSummary stack = stacks.stream().filter(s -> s.project().equals(project)).findFirst().orElseThrow();
        assertThat(stack.configFile()).isEqualTo(dir.resolve("compose.yaml"));
        assertThat(stack.running()).isEqualTo(2);
        assertThat(stack.containers()).extracting(ComposeLabels::serviceOf).containsExactly("web", "worker");
    }

    @Test
    void aSecondUpKeepsUnchangedContainersAndReplacesAChangedOne() throws Exception {
        new ComposeUp(engine).up(write("hello"), UpListener.NONE, new Cancellation());
        String web = service("web").id();
        String worker = service("worker").id();
        engine.containers().stop(web);

        new ComposeUp(engine).up(write("hello"), UpListener.NONE, new Cancellation());
        assertThat(service("web").id()).isEqualTo(web);
        assertThat(service("web").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(service("worker").id()).isEqualTo(worker);

        new ComposeUp(engine).up(write("changed"), UpListener.NONE, new Cancellation());
        assertThat(service("web").id()).isEqualTo(web);
        assertThat(service("worker").id()).isNotEqualTo(worker);
        assertThat(containers()).hasSize(2);
        Await.until("the new worker runs with the new environment", Duration.ofSeconds(20),
                () -> DockerCli.run("logs", project + "-worker-1").contains("changed fetched"));
    }

    @Test
    void downListsWhatItRemovesAndKeepsVolumesUnlessAsked() throws Exception {
        new ComposeUp(engine).up(write("hello"), UpListener.NONE, new Cancellation());
        ComposeDown down = new ComposeDown(engine);

        DownPlan plan = down.plan(project, false);
        assertThat(plan.describe()).containsExactlyInAnyOrder(
                "Container " + project + "-web-1 (running)", "Container " + project + "-worker-1 (running)",
                "Network " + project + "_default", "Network " + project + "_back");
        down.down(plan, UpListener.NONE);

        assertThat(containers()).isEmpty();
        assertThat(engine.networks().list()).extracting(NetworkSummary::name)
                .doesNotContain(project + "_default", project + "_back");
        assertThat(engine.volumes().list()).extracting(VolumeSummary::name).contains(project + "_data");

        DownPlan volumes = down.plan(project, true);
        assertThat(volumes.describe()).containsExactly("Volume " + project + "_data and all its data");
        down.down(volumes, UpListener.NONE);
        assertThat(engine.volumes().list()).extracting(VolumeSummary::name).doesNotContain(project + "_data");
    }

    private ComposeProject writeDb(String generation) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "name: " + project,
                "services:",
                "  db:",
                "    image: " + TestImages.BUSYBOX,
                "    environment: {GENERATION: \"" + generation + "\"}",
                "    volumes: [\"/data\", \"./dumps:/dumps\"]",
                "    command: [\"sh\", \"-c\", \"[ -f /data/first ] || echo made by $$GENERATION > /data/first; "
                        + LOOP + "\"]",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                ""));
        return ComposeParser.parse(dir.resolve("compose.yaml"));
    }

    private String anonymousVolume(String containerId) {
        return engine.containers().inspect(containerId).mounts().stream()
                .filter(m -> m.destination().equals("/data")).findFirst().orElseThrow().name();
    }

    @Test
    void aReplacedContainerKeepsItsAnonymousVolumeAndOneOffContainersAreLeftAlone() throws Exception {
        new ComposeUp(engine).up(writeDb("one"), UpListener.NONE, new Cancellation());
        assertThat(dir.resolve("dumps")).as("a missing bind source is made, as compose does").isDirectory();
        String first = service("db").id();
        Await.until("the first container wrote its file", Duration.ofSeconds(20), () -> DockerCli.run("exec",
                project + "-db-1", "cat", "/data/first").strip().equals("made by one"));
        String volume = anonymousVolume(first);
        String oneOff = engine.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(project + "-db-run-1").withCommand("sh", "-c", LOOP)
                .withLabel(ComposeLabels.PROJECT, project).withLabel(ComposeLabels.SERVICE, "db")
                .withLabel(ComposeLabels.ONEOFF, "True").withLabel(ComposeLabels.NUMBER, "1")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));

        new ComposeUp(engine).up(writeDb("two"), UpListener.NONE, new Cancellation());

        ContainerSummary replaced = containers().stream().filter(c -> c.name().equals(project + "-db-1"))
                .findFirst().orElseThrow();
        assertThat(replaced.id()).isNotEqualTo(first);
        assertThat(anonymousVolume(replaced.id())).isEqualTo(volume);
        Await.until("the new container runs on the old data", Duration.ofSeconds(20), () -> DockerCli.run("exec",
                project + "-db-1", "cat", "/data/first").strip().equals("made by one"));
        assertThat(engine.containers().find(oneOff)).get().extracting(ContainerSummary::state)
                .isEqualTo(ContainerState.RUNNING);

        ComposeDown down = new ComposeDown(engine);
        DownPlan plan = down.plan(project, true);
        assertThat(plan.describe()).contains("The containers' anonymous volumes and their data");
        down.down(plan, UpListener.NONE);
        assertThat(containers()).isEmpty();
        assertThat(engine.volumes().list()).extracting(VolumeSummary::name).doesNotContain(volume);
    }

    private ComposeProject writeWaiting(int migrateExit) throws IOException {
        String labels = "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}";
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
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                "  app:",
                "    image: " + TestImages.BUSYBOX,
                "    depends_on: {db: {condition: service_healthy}}",
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
                ""));
        ComposeProject compose = ComposeParser.parse(dir.resolve("compose.yaml"));

        assertThatThrownBy(() -> new ComposeUp(engine).up(compose, UpListener.NONE, new Cancellation()))
                .hasMessage("Service db is unhealthy (its check said: database not ready), so app was not started");
        assertThat(containers()).extracting(ContainerSummary::name).containsExactly(project + "-db-1");
    }

    @Test
    void aServiceInAProfileRunsOnlyWhenItsProfileIsOn() throws Exception {
        String labels = "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}";
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
                "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
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
                    "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}",
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
