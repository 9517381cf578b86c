package dev.berth.compose;

import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestResources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A compose project of one test on the real engine: its files, its containers, and taking it down after. */
abstract class StackTestBase {

    static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 0.2; done";

    final Engine engine = TestEngine.shared();
    final String project = TestResources.name("stack");
    @TempDir
    Path dir;

    @AfterEach
    void takeDown() {
        ComposeDown down = new ComposeDown(engine);
        down.down(down.plan(project, true), UpListener.NONE);
    }

    /** The line that labels a service as this run's, so the run's clean-up finds it too. */
    static String runLabels() {
        return "    labels: {" + TestResources.LABEL + ": " + TestResources.RUN_ID + "}";
    }

    List<ContainerSummary> containers() {
        return engine.containers().listByLabel(ComposeLabels.PROJECT, project);
    }

    ContainerSummary service(String name) {
        return containers().stream().filter(c -> name.equals(c.labels().get(ComposeLabels.SERVICE))).findFirst()
                .orElseThrow(() -> new AssertionError("no container for service " + name));
    }
}
