package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating, listing, removing and pruning networks on the real engine. */
@RealEngine
class NetworkApiTest {

    private static final Map<String, String> OURS = Map.of(TestResources.LABEL, TestResources.RUN_ID);
    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }

    @AfterAll
    static void cleanUp() {
        TestResources.removeAll(engine);
        TestResources.removeNetworks(engine);
    }

    private static Optional<NetworkSummary> find(String name) {
        return engine.networks().list().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private static String attach(String network, String suffix) {
        return engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX).withName(TestResources.name(suffix))
                .withCommand("sleep", "300").withNetwork(network).withLabel(TestResources.LABEL, TestResources.RUN_ID));
    }

    @Test
    void aNetworkIsListedWithItsSubnetAndAttachedContainersRunningOrNot() {
        String name = TestResources.name("net-list");
        String id = engine.networks().create(name, "bridge", "10.231.0.0/24", "10.231.0.1", true, true,
                Map.of(TestResources.LABEL, TestResources.RUN_ID, "tier", "back"));

        NetworkSummary created = find(name).orElseThrow();
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.driver()).isEqualTo("bridge");
        assertThat(created.internal()).isTrue();
        assertThat(created.subnets()).containsExactly(new NetworkSummary.Subnet("10.231.0.0/24", "10.231.0.1"));
        assertThat(created.labels()).containsEntry("tier", "back");
        assertThat(created.isInUse()).isFalse();
        assertThat(engine.networks().inspect(id)).contains("\"Name\" : \"" + name + "\"");

        String stopped = attach(name, "net-stopped");
        String running = attach(name, "net-running");
        engine.containers().start(running);

        NetworkSummary used = find(name).orElseThrow();
        assertThat(used.containerNames()).containsExactly(TestResources.name("net-running"), TestResources.name("net-stopped"));
        assertThat(used.running()).containsExactly(TestResources.name("net-running"));
        assertThat(used.attached().get(0).address()).startsWith("10.231.0.");
        assertThatThrownBy(() -> engine.networks().remove(id)).isInstanceOf(EngineException.class)
                .hasMessageContaining("active endpoints");

        engine.containers().remove(running, true, false);
        engine.containers().remove(stopped, true, false);
        engine.networks().remove(id);
        assertThat(find(name)).isEmpty();
    }

    @Test
    void anIpv6SubnetTurnsIpv6OnSoTheEngineKeepsIt() {
        String name = TestResources.name("net-v6");
        engine.networks().create(name, "bridge", "fd00:231::/64", "fd00:231::1", false, false, OURS);

        NetworkSummary created = find(name).orElseThrow();
        assertThat(created.ipv6()).isTrue();
        assertThat(created.subnets()).contains(new NetworkSummary.Subnet("fd00:231::/64", "fd00:231::1"));
    }

    @Test
    void aContainerCanBeConnectedAndDisconnected() {
        String name = TestResources.name("net-join");
        String network = engine.networks().create(name, "bridge", "", "", false, false, OURS);
        String container = attach("bridge", "net-joiner");

        engine.networks().connect(network, container);
        assertThat(find(name).orElseThrow().attached()).extracting(NetworkSummary.Attachment::containerId)
                .containsExactly(container);

        engine.networks().disconnect(network, container);
        assertThat(find(name).orElseThrow().isInUse()).isFalse();
    }

    @Test
    void builtInNetworksAreMarked() {
        assertThat(find("bridge").orElseThrow().isBuiltIn()).isTrue();
        assertThat(find("host").orElseThrow().isBuiltIn()).isTrue();
    }

    @Test
    void pruneKeepsNetworksThatOnlyStoppedContainersUse() {
        Map<String, String> prunable = Map.of(TestResources.LABEL, TestResources.RUN_ID, "prune", "yes");
        String unused = TestResources.name("net-unused");
        String kept = TestResources.name("net-kept");
        engine.networks().create(unused, "bridge", "", "", false, false, prunable);
        engine.networks().create(kept, "bridge", "", "", false, false, prunable);
        attach(kept, "net-keeper");

        assertThat(engine.networks().unused(prunable)).extracting(NetworkSummary::name).containsExactly(unused);
        assertThat(engine.networks().prune(prunable)).containsExactly(unused);

        assertThat(find(unused)).isEmpty();
        assertThat(find(kept)).isPresent();
    }
}
