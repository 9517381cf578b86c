package dev.berth.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Plain HTTP requests on the session's own connection pool, for streams read as raw bytes. */
final class RawRequests {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private RawRequests() {
    }

    static EngineStream open(DockerClient client, String path) {
        if (!(client instanceof DockerClientImpl impl)) {
            throw new IllegalStateException("raw streams need docker-java's own client");
        }
        DockerHttpClient http = impl.getHttpClient();
        DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build());
        int status = response.getStatusCode();
        if (status / 100 != 2) {
            String body;
            try (InputStream in = response.getBody()) {
                body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                body = "";
            } finally {
                response.close();
            }
            throw new EngineException(status, ErrorMessages.engineMessage(body), null);
        }
        return new EngineStream(response);
    }
}
