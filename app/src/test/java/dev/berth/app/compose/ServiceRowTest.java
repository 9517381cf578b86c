package dev.berth.app.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.compose.ComposeLabels;
import dev.berth.compose.ComposeParser;
import dev.berth.compose.ComposeProject;
import dev.berth.engine.ContainerState;
import dev.berth.engine.ContainerSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRowTest {

    private static ContainerSummary container(String service, ContainerState state) {
        return new ContainerSummary("id-" + service, "shop-" + service + "-1", "nginx", "sha256:1", state, "Up 2 minutes",
                List.of(), Instant.now(), Map.of(ComposeLabels.PROJECT, "shop", ComposeLabels.SERVICE, service), "");
    }

    @Test
    void servicesComeInFileOrderThenContainersWhoseServiceLeftTheFile() {
        ComposeProject compose = ComposeParser.parse(Path.of("/srv/shop/compose.yaml").toAbsolutePath(), """
                services:
                  web: {image: nginx}
                  db: {image: postgres}
                  debugger: {image: tools, profiles: [debug]}
                """, Map.of());
        ContainerSummary run = new ContainerSummary("id-run", "shop-web-run-1", "nginx", "sha256:1",
                ContainerState.EXITED, "Exited (0)", List.of(), Instant.now(), Map.of(ComposeLabels.PROJECT, "shop",
                ComposeLabels.SERVICE, "web", ComposeLabels.ONEOFF, "True"), "");
        List<ServiceRow> rows = ServiceRow.of(compose, List.of(run, container("old-worker", ContainerState.RUNNING),
                container("web", ContainerState.RUNNING)));

        assertThat(rows).extracting(ServiceRow::service, ServiceRow::state, ServiceRow::status, ServiceRow::orphan)
                .containsExactly(
                        tuple("web", ContainerState.RUNNING, "Up 2 minutes", false),
                        tuple("db", null, "not created", false),
                        tuple("debugger", null, "off: profile debug", false),
                        tuple("old-worker", ContainerState.RUNNING, "Up 2 minutes", true));
        assertThat(ServiceRow.of(null, List.of(container("web", ContainerState.EXITED))))
                .extracting(ServiceRow::orphan).containsExactly(false);
    }
}
