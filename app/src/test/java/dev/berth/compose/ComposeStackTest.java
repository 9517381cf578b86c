package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.Cancellation;
import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.NetworkSummary;
import dev.berth.engine.VolumeSummary;
import dev.berth.testing.Await;
import dev.berth.testing.DockerCli;
import dev.berth.testing.FreePorts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Up and down on the real engine: what is created, kept, replaced and removed. */
@RealEngine
class ComposeStackTest extends StackTestBase {

    private int port;

    @BeforeEach
    void freePort() {
        port = FreePorts.one();
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
                runLabels(),
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
                runLabels(),
                "networks:",
                "  back: {}",
                "volumes:",
                "  data: {}",
                ""));
        return ComposeParser.parse(dir.resolve("compose.yaml"));
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
                runLabels(),
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
}
