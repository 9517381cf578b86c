package dev.berth.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Docker Hub's public search: repositories matching a word (with official and verified
 * badges, stars and pulls) and the tags of one repository. Talks to Hub directly over HTTPS,
 * not through the engine, which only knows the older search without badges or pulls.
 *
 * <p>Usage: {@code new HubClient().search("postgres", 25)}
 */
public final class HubClient {

    public static final URI DOCKER_HUB = URI.create("https://hub.docker.com");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public HubClient() {
        this(DOCKER_HUB);
    }

    /** A client for another base address (tests use a local server). */
    public HubClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Repositories matching {@code query}, best first. */
    public List<HubRepository> search(String query, int limit) throws HubException {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("Enter a word to search Docker Hub for");
        }
        String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
        try {
            JsonNode catalog = get("/api/search/v3/catalog/search?query=" + encoded + "&from=0&size=" + limit
                    + "&type=image");
            return HubResponses.catalog(catalog).stream().limit(limit).toList();
        } catch (HubException e) {
            if (e.isOffline()) {
                throw e;
            }
        } catch (IllegalArgumentException unexpectedShape) {
            // fall through to the older search
        }
        try {
            return HubResponses.repositories(get("/v2/search/repositories/?query=" + encoded + "&page_size=" + limit))
                    .stream().limit(limit).toList();
        } catch (IllegalArgumentException e) {
            throw new HubException("Docker Hub answered in a form Berth does not understand", false, e);
        }
    }

    /** The most recently pushed tags of a repository ({@code nginx}, {@code bitnami/nginx}). */
    public List<HubTag> tags(String repository, int limit) throws HubException {
        String path = repository.contains("/") ? repository : "library/" + repository;
        return HubResponses.tags(get("/v2/repositories/" + path + "/tags?page_size=" + limit
                + "&ordering=last_updated"));
    }

    private JsonNode get(String pathAndQuery) throws HubException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "Berth").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            throw offline(e);
        } catch (HttpTimeoutException e) {
            throw new HubException("Docker Hub did not answer in time", true, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw offline(e);
            }
            throw new HubException("Could not talk to Docker Hub: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted", false, e);
        }
        if (response.statusCode() == 404) {
            throw new HubException("Docker Hub has no such repository", false, null);
        }
        if (response.statusCode() == 429) {
            throw new HubException("Docker Hub asks to slow down (too many requests); try again in a minute", false, null);
        }
        if (response.statusCode() >= 400) {
            throw new HubException("Docker Hub answered " + response.statusCode(), false, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HubException("Docker Hub answered in a form Berth does not understand", false, e);
        }
    }

    private static HubException offline(Exception cause) {
        return new HubException("Cannot reach Docker Hub: this computer seems to have no internet connection", true, cause);
    }
}
