package dev.berth.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.InputStream;

/**
 * A streaming response from the engine (logs, stats), read as raw bytes by whoever opened it.
 * Closing it aborts the request, which also wakes a thread blocked reading it.
 */
public final class EngineStream implements AutoCloseable {

    private final DockerHttpClient.Response response;
    private final InputStream body;

    EngineStream(DockerHttpClient.Response response) {
        this.response = response;
        this.body = response.getBody();
    }

    public InputStream body() {
        return body;
    }

    /** A response header, e.g. Content-Type; null when absent. */
    public String header(String name) {
        return response.getHeader(name);
    }

    @Override
    public void close() {
        response.close();
    }
}
