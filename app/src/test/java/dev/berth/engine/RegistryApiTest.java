package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.transfer.LayerProgress;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.testing.BuildContexts;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestRegistry;
import dev.berth.testing.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, push and pull against a real registry on 127.0.0.1 with htpasswd auth. */
@RealEngine
class RegistryApiTest {

    private static Engine engine;
    private static TestRegistry registry;
    private static Path configDir;
    private static DockerConfig config;

    @BeforeAll
    static void startRegistry() throws Exception {
        engine = TestEngine.shared();
        registry = TestRegistry.start();
        configDir = Files.createTempDirectory("berth-docker-config");
        config = new DockerConfig(configDir);
    }

    @AfterAll
    static void stopRegistry() {
        TestResources.removeImages(engine);
        registry.close();
        BuildContexts.delete(configDir);
    }

    @Test
    void loginPushRemovePullRoundTrip() throws Exception {
        String local = TestResources.name("push") + ":1";
        Path dir = BuildContexts.twoFiles("push");
        try {
            engine.images().build(dir, local, Map.of(TestResources.LABEL, TestResources.RUN_ID));
        } finally {
            BuildContexts.delete(dir);
        }
        String remote = registry.host() + "/berth/" + TestResources.name("app") + ":1";
        engine.images().tag(local, remote);

        assertThatThrownBy(() -> engine.registries().push(remote, config, TransferListener.NONE, new Cancellation()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("The registry refused the push of " + remote);
        assertThatThrownBy(() -> engine.registries().login(config, registry.host(), TestRegistry.USER, "wrong"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("refused that user name and password");
        assertThat(config.credentialsFor(registry.host())).isEmpty();

        engine.registries().login(config, registry.host(), TestRegistry.USER, registry.password());
        assertThat(Files.readString(config.file())).contains(registry.host()).doesNotContain(registry.password());

        List<LayerProgress> pushed = new CopyOnWriteArrayList<>();
        String digest = engine.registries().push(remote, config, recorder(pushed), new Cancellation());
        assertThat(digest).startsWith("sha256:");
        assertThat(pushed).anyMatch(l -> l.phase() == LayerProgress.Phase.PUSHING && l.total() > 0);
        assertThat(pushed).filteredOn(l -> l.phase() == LayerProgress.Phase.DONE).isNotEmpty();

        String imageId = engine.images().idOf(local);
        engine.images().remove(remote, false);
        engine.images().remove(local, false);
        assertThat(engine.images().exists(imageId)).isFalse();

        List<LayerProgress> pulled = new CopyOnWriteArrayList<>();
        List<String> messages = new CopyOnWriteArrayList<>();
        String pulledDigest = engine.registries().pull(remote, config, new TransferListener() {
            @Override
            public void layer(LayerProgress layer) {
                pulled.add(layer);
            }

            @Override
            public void message(String text) {
                messages.add(text);
            }
        }, new Cancellation());

        assertThat(pulledDigest).isEqualTo(digest);
        assertThat(engine.images().exists(remote)).isTrue();
        assertThat(engine.images().idOf(remote)).isEqualTo(imageId);
        assertThat(pulled).anyMatch(l -> l.phase() == LayerProgress.Phase.DOWNLOADING && l.total() > 0);
        assertThat(pulled).anyMatch(l -> l.phase() == LayerProgress.Phase.EXTRACTING);
        assertThat(pulled).anyMatch(l -> l.phase() == LayerProgress.Phase.DONE && l.status().equals("Pull complete"));
        assertThat(messages).anyMatch(m -> m.contains("Downloaded newer image for " + remote));

        List<LayerProgress> again = new CopyOnWriteArrayList<>();
        engine.registries().pull(remote, config, recorder(again), new Cancellation());
        assertThat(again).allMatch(l -> l.phase().isFinished());
        engine.images().remove(remote, false);
    }

    @Test
    void pullingWhatTheRegistryDoesNotHaveOrWithoutLoginSaysSoPlainly() throws Exception {
        DockerConfig anonymous = new DockerConfig(Files.createTempDirectory("berth-anonymous"));
        String missing = registry.host() + "/berth/no-such-image:1";

        assertThatThrownBy(() -> engine.registries().pull(missing, anonymous, TransferListener.NONE, new Cancellation()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("The registry refused access to " + missing);

        DockerConfig loggedIn = new DockerConfig(Files.createTempDirectory("berth-logged-in"));
        engine.registries().login(loggedIn, registry.host(), TestRegistry.USER, registry.password());
        assertThatThrownBy(() -> engine.registries().pull(missing, loggedIn, TransferListener.NONE, new Cancellation()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("The registry has no image " + missing);
    }

    @Test
    void withoutNetworkDockerHubIsUnreachableAndSaysSo() {
        assertThatThrownBy(() -> engine.registries().pull("berth-offline-check/none:1", config, TransferListener.NONE,
                new Cancellation()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot reach the registry for berth-offline-check/none:1");
        assertThat(engine.state().isConnected()).isTrue();
    }

    @Test
    void badReferencesAreRefusedBeforeAnyEngineCall() {
        assertThatThrownBy(() -> engine.registries().pull("Busybox", config, TransferListener.NONE, new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> engine.images().tag(TestImages.BUSYBOX, "berth/app:bad tag"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid tag");
    }

    private static TransferListener recorder(List<LayerProgress> into) {
        return new TransferListener() {
            @Override
            public void layer(LayerProgress layer) {
                into.add(layer);
            }
        };
    }
}
