package dev.berth.app.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.ImageSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What removing selected rows does, worked out without a window or an engine. */
class RemovalPlanTest {

    private static final ImageSummary TWO_TAGS = image("sha256:aaaaaaaaaaaaaaaa", "app:1", "app:latest");
    private static final ImageSummary DANGLING = image("sha256:bbbbbbbbbbbbbbbb");

    @Test
    void oneTagOfSeveralIsOnlyUntagged() {
        RemovalPlan plan = RemovalPlan.of(List.of(new ImageRow(TWO_TAGS, "app:1", List.of("web"))));

        assertThat(plan.untag()).containsExactly("app:1");
        assertThat(plan.delete()).isEmpty();
        assertThat(plan.isBlocked()).isFalse();
        assertThat(plan.title()).isEqualTo("Untag app:1?");
    }

    @Test
    void allTagsOfAnImageInUseIsRefusedNamingTheContainers() {
        RemovalPlan plan = RemovalPlan.of(List.of(new ImageRow(TWO_TAGS, "app:1", List.of("web", "worker")),
                new ImageRow(TWO_TAGS, "app:latest", List.of("web", "worker"))));

        assertThat(plan.untag()).containsExactly("app:1");
        assertThat(plan.delete()).containsExactly("app:latest");
        assertThat(plan.blocked()).isEqualTo(Map.of("app:latest", List.of("web", "worker")));
        assertThat(plan.blockedBody()).startsWith("app:latest is used by the containers web, worker.");
    }

    @Test
    void aDanglingImageIsDeletedByItsId() {
        RemovalPlan plan = RemovalPlan.of(List.of(new ImageRow(DANGLING, null, List.of())));

        assertThat(plan.delete()).containsExactly("bbbbbbbbbbbb");
        assertThat(plan.body()).isEqualTo("Deletes the image bbbbbbbbbbbb.");
    }

    private static ImageSummary image(String id, String... tags) {
        return new ImageSummary(id, List.of(tags), List.of(), Instant.EPOCH, 1000, -1, Map.of());
    }
}
