package dev.berth.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One place an engine may answer, and why Berth looks there ("DOCKER_HOST", "docker context
 * 'colima'", "default Docker socket", "Podman socket").
 *
 * @param uri       {@code unix://}, {@code npipe://}, {@code tcp://} or {@code ssh://} address
 * @param source    where the address came from, shown to the user when it fails
 * @param tlsCertDir folder with ca.pem/cert.pem/key.pem for TLS endpoints, or {@code null}
 */
public record EngineEndpoint(String uri, String source, Path tlsCertDir) {

    public EngineEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
    }

    public EngineEndpoint(String uri, String source) {
        this(uri, source, null);
    }

    public String scheme() {
        return URI.create(uri).getScheme();
    }

    @Override
    public String toString() {
        return uri + " (" + source + ")";
    }
}
