package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plain HTTP calls to the Engine API over docker-java's transport, for what docker-java's
 * commands cannot express (BuildKit builds with {@code version=2}, image history). Used only
 * inside {@link Engine#http}; a response of 400 or more becomes an {@link EngineException} with
 * the engine's message.
 */
final class EngineHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient client;
    private final String prefix;

    EngineHttp(DockerHttpClient client, String apiVersion) {
        this.client = client;
        this.prefix = apiVersion == null || apiVersion.isBlank() ? "" : "/v" + apiVersion;
    }

    /** Query parameters in order; a key may repeat ({@code t=a&t=b}). */
    static final class Query {
        private final List<String> parts = new ArrayList<>();

        Query add(String key, String value) {
            if (value != null) {
                parts.add(encode(key) + "=" + encode(value));
            }
            return this;
        }

        Query flag(String key, boolean value) {
            return value ? add(key, "1") : this;
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Reads a stream of JSON messages (as build, pull, push and load send them) until it ends. */
    static void readJson(InputStream in, Consumer<JsonNode> sink, Cancellation cancellation) throws IOException {
        try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(in)) {
            while (messages.hasNextValue()) {
                cancellation.check();
                sink.accept(messages.nextValue());
            }
        }
        cancellation.check();
    }

    /** GETs a JSON document. */
    JsonNode getTree(String path) {
        return tree(get(path, null));
    }

    /** POSTs a JSON body and reads the JSON answer. */
    JsonNode postJson(String path, Query query, Object body) {
        byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
        return tree(post(path, query, Map.of("Content-Type", "application/json"), new java.io.ByteArrayInputStream(bytes)));
    }

    /** Reads a response's whole JSON body, then closes it. */
    static JsonNode tree(DockerHttpClient.Response response) {
        try (response; InputStream in = response.getBody()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A query's {@code filters}: each label as {@code key=value}, and more filters of one value
     * each (e.g. {@code dangling=true}). No query parameter when there are none.
     */
    static Query filters(Map<String, String> labels, Map<String, String> more) {
        Map<String, List<String>> filters = new java.util.LinkedHashMap<>();
        more.forEach((key, value) -> filters.put(key, List.of(value)));
        if (!labels.isEmpty()) {
            filters.put("label", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        Query query = new Query();
        if (!filters.isEmpty()) {
            query.add("filters", json(filters));
        }
        return query;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    DockerHttpClient.Response get(String path, Query query) {
        return execute(DockerHttpClient.Request.Method.GET, path, query, Map.of(), null);
    }

    DockerHttpClient.Response post(String path, Query query, Map<String, String> headers, InputStream body) {
        return execute(DockerHttpClient.Request.Method.POST, path, query, headers, body);
    }

    private DockerHttpClient.Response execute(DockerHttpClient.Request.Method method, String path, Query query,
                                              Map<String, String> headers, InputStream body) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
                .method(method)
                .path(prefix + path + (query == null ? "" : query.toString()))
                .headers(headers);
        if (body != null) {
            request.body(body);
        }
        DockerHttpClient.Response response = client.execute(request.build());
        if (response.getStatusCode() >= 400) {
            String text;
            try (InputStream in = response.getBody()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            } finally {
                response.close();
            }
            throw new EngineException(response.getStatusCode(),
                    ErrorMessages.engineMessage(text.isBlank() ? "HTTP " + response.getStatusCode() : text), null);
        }
        return response;
    }
}
