package dev.berth.engine;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthResponse;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.engine.registry.DockerConfig;
import dev.berth.engine.registry.RegistryAuth;
import dev.berth.engine.transfer.TransferListener;
import dev.berth.engine.transfer.TransferProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * What talks to registries through the engine: login, pull and push. Credentials come from and
 * go to the docker CLI's {@link DockerConfig}; they are never logged.
 */
public final class RegistryApi {

    private final Engine engine;

    RegistryApi(Engine engine) {
        this.engine = engine;
    }

    /**
     * Checks the credentials with the registry (through the engine, which knows which registries
     * may use plain HTTP) and, when they work, stores them where the docker CLI would.
     */
    public void login(DockerConfig config, String registry, String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("Enter a user name");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Enter a password or access token");
        }
        String server = DockerConfig.serverKey(registry);
        AuthResponse response;
        try {
            response = engine.call(c -> c.authCmd().withAuthConfig(new AuthConfig()
                    .withUsername(username).withPassword(password).withRegistryAddress(server)).exec());
        } catch (EngineException e) {
            if (e.isUnreachable()) {
                throw e;
            }
            throw new EngineException(e.status(), ErrorMessages.loginProblem(e.getMessage(), registry), e);
        }
        if (response.getStatus() == null || !response.getStatus().toLowerCase().contains("succeeded")) {
            throw new EngineException(-1, "The registry did not confirm the login: " + response.getStatus(), null);
        }
        try {
            config.store(registry, username, password);
        } catch (IOException e) {
            throw new EngineException(-1, "Logged in, but could not save the credentials to " + config.file() + ": "
                    + e.getMessage(), e);
        }
    }

    public void logout(DockerConfig config, String registry) {
        try {
            config.erase(registry);
        } catch (IOException e) {
            throw new EngineException(-1, "Could not remove the credentials from " + config.file() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Pulls an image, reporting each layer; returns the manifest digest. */
    public String pull(String reference, DockerConfig config, TransferListener listener, Cancellation cancellation) {
        ImageReference ref = ImageReference.parse(reference);
        EngineHttp.Query query = new EngineHttp.Query().add("fromImage", ref.repository())
                .add("tag", ref.digest() != null ? ref.digest() : ref.tagOrLatest());
        return transfer("/images/create", query, ref, config, listener, cancellation, false);
    }

    /** Pushes an image (by its reference, which names the registry), reporting each layer. */
    public String push(String reference, DockerConfig config, TransferListener listener, Cancellation cancellation) {
        ImageReference ref = ImageReference.parse(reference);
        if (ref.digest() != null) {
            throw new IllegalArgumentException("Push a tag, not a digest");
        }
        EngineHttp.Query query = new EngineHttp.Query().add("tag", ref.tagOrLatest());
        return transfer("/images/" + ref.repository() + "/push", query, ref, config, listener, cancellation, true);
    }

    private String transfer(String path, EngineHttp.Query query, ImageReference ref, DockerConfig config,
                            TransferListener listener, Cancellation cancellation, boolean push) {
        Map<String, String> headers = new HashMap<>();
        Optional<RegistryAuth> auth = credentials(config, ref.registry());
        headers.put("X-Registry-Auth", auth.map(RegistryAuth::toHeader).orElse(RegistryAuth.anonymousHeader()));
        TransferProgress progress = new TransferProgress(listener);
        try {
            engine.http(http -> {
                cancellation.check();
                try (DockerHttpClient.Response response = http.post(path, query, headers, null);
                     Subscription onCancel = cancellation.onCancel(response::close)) {
                    EngineHttp.readJson(response.getBody(), progress::accept, cancellation);
                    return null;
                } catch (IOException e) {
                    if (cancellation.isCancelled()) {
                        throw new CancellationException((push ? "Push" : "Pull") + " cancelled");
                    }
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    if (cancellation.isCancelled()) {
                        throw new CancellationException((push ? "Push" : "Pull") + " cancelled");
                    }
                    throw e;
                }
            });
        } catch (EngineException e) {
            if (e.isUnreachable()) {
                throw e;
            }
            throw new EngineException(e.status(), ErrorMessages.registryProblem(e.getMessage(), ref.familiar(), push), e);
        }
        if (progress.error() != null) {
            throw new EngineException(-1, ErrorMessages.registryProblem(progress.error(), ref.familiar(), push), null);
        }
        return progress.digest();
    }

    private static Optional<RegistryAuth> credentials(DockerConfig config, String registry) {
        try {
            return config.credentialsFor(registry);
        } catch (IOException e) {
            throw new EngineException(-1, "Could not read the credentials for " + registry + ": " + e.getMessage(), e);
        }
    }
}
