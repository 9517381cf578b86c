package dev.berth.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hub answers (written after Hub's documented formats) read back, and the HTTP path against a
 * local server on 127.0.0.1: no request leaves this machine.
 */
class HubClientTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void catalogSearchGivesBadgesStarsAndPulls() throws IOException {
        List<HubRepository> results = HubResponses.catalog(json("catalog-search.json"));

        assertThat(results).extracting(HubRepository::name)
                .containsExactly("nginx", "bitnami/nginx", "someone/nginx-proxy");
        assertThat(results.get(0)).satisfies(r -> {
            assertThat(r.official()).isTrue();
            assertThat(r.verified()).isFalse();
            assertThat(r.stars()).isEqualTo(19876);
            assertThat(r.pulls()).isEqualTo(1_000_000_000L);
            assertThat(r.pullsText()).isEqualTo("1B+");
        });
        assertThat(results.get(1).verified()).isTrue();
        assertThat(results.get(1).official()).isFalse();
        assertThat(results.get(2)).satisfies(r -> {
            assertThat(r.official()).isFalse();
            assertThat(r.verified()).isFalse();
            assertThat(r.pulls()).isEqualTo(10_000);
        });
    }

    @Test
    void olderRepositorySearchGivesOfficialFlagAndExactPulls() throws IOException {
        List<HubRepository> results = HubResponses.repositories(json("repository-search.json"));

        assertThat(results).extracting(HubRepository::name).containsExactly("nginx", "jwilder/nginx-proxy");
        assertThat(results.get(0).official()).isTrue();
        assertThat(results.get(0).pullsText()).isEqualTo("1.2B");
        assertThat(results.get(1).pulls()).isEqualTo(54321);
        assertThat(results.get(1).pullsText()).isEqualTo("54.3K");
    }

    @Test
    void tagsCarrySizeAndPushTime() throws IOException {
        List<HubTag> tags = HubResponses.tags(json("tags.json"));

        assertThat(tags).extracting(HubTag::name).containsExactly("latest", "1.25-alpine", "stable");
        assertThat(tags.get(0).size()).isEqualTo(67346312);
        assertThat(tags.get(0).lastUpdated()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(tags.get(2).size()).isEqualTo(60000000);
        assertThat(tags.get(2).lastUpdated()).isNull();
    }

    @Test
    void searchAsksTheCatalogAndTagsAskTheLibraryNamespace() throws Exception {
        serve("catalog-search.json", "tags.json");
        HubClient client = new HubClient(base());

        List<HubRepository> found = client.search("nginx web", 25);
        List<HubTag> tags = client.tags("nginx", 10);

        assertThat(found).hasSize(3);
        assertThat(tags).hasSize(3);
        assertThat(requests).containsExactly(
                "/api/search/v3/catalog/search?query=nginx+web&from=0&size=25&type=image",
                "/v2/repositories/library/nginx/tags?page_size=10&ordering=last_updated");
    }

    @Test
    void whenTheCatalogIsGoneTheOlderSearchIsUsed() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            boolean catalog = exchange.getRequestURI().getPath().startsWith("/api/");
            byte[] body = catalog ? "{\"message\":\"gone\"}".getBytes() : resource("repository-search.json");
            exchange.sendResponseHeaders(catalog ? 410 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        List<HubRepository> found = new HubClient(base()).search("nginx", 5);

        assertThat(found).extracting(HubRepository::name).containsExactly("nginx", "jwilder/nginx-proxy");
        assertThat(requests).hasSize(2).last().isEqualTo("/v2/search/repositories/?query=nginx&page_size=5");
    }

    @Test
    void withoutNetworkItSaysSoPlainly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HubClient client = new HubClient(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> client.search("nginx", 5))
                .isInstanceOf(HubException.class)
                .hasMessage("Cannot reach Docker Hub: this computer seems to have no internet connection")
                .satisfies(e -> assertThat(((HubException) e).isOffline()).isTrue());
        assertThatThrownBy(() -> client.search("  ", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimitingIsExplained() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.start();

        assertThatThrownBy(() -> new HubClient(base()).tags("nginx", 5))
                .isInstanceOf(HubException.class).hasMessageContaining("too many requests");
    }

    private void serve(String... files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestURI().toString());
            byte[] body = resource(path.contains("/tags") ? files[1] : files[0]);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HubClientTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String name) throws IOException {
        return new ObjectMapper().readTree(resource(name));
    }
}
