package dev.berth.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    private final Preferences settings = Preferences.userRoot().node("dev/berth-test/" + TestResources.RUN_ID);
    @TempDir
    Path dir;

    @AfterEach
    void forget() throws BackingStoreException {
        settings.removeNode();
    }

    @Test
    void openedFilesAreRememberedForTheNextRunAndGoneOnesDropped() throws Exception {
        Path shop = Files.writeString(dir.resolve("shop.yaml"), "services: {}\n");
        Path blog = Files.writeString(dir.resolve("blog.yaml"), "services: {}\n");
        Path gone = dir.resolve("gone.yaml");
        RecentFiles first = new RecentFiles(settings);
        first.add(shop);
        first.add(gone);
        first.add(blog);
        first.add(shop);

        RecentFiles next = new RecentFiles(settings);
        assertThat(next.existing()).containsExactly(blog, shop);

        next.remove(blog);
        assertThat(new RecentFiles(settings).existing()).containsExactly(shop);
    }

    @Test
    void withoutSettingsNothingOutlivesTheRun() throws Exception {
        Path shop = Files.writeString(dir.resolve("shop.yaml"), "services: {}\n");
        RecentFiles run = new RecentFiles(null);
        run.add(shop);
        assertThat(run.existing()).containsExactly(shop);
        assertThat(new RecentFiles(null).existing()).isEmpty();
    }

    @Test
    void theOldestFilesGiveWayWhenTheListIsFull() throws Exception {
        RecentFiles files = new RecentFiles(settings);
        for (int i = 0; i < 40; i++) {
            files.add(Files.writeString(dir.resolve("stack-" + i + ".yaml"), "services: {}\n"));
        }
        assertThat(new RecentFiles(settings).existing()).hasSize(30)
                .startsWith(dir.resolve("stack-10.yaml")).endsWith(dir.resolve("stack-39.yaml"));
    }
}
