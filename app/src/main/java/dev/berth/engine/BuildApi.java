package dev.berth.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.engine.build.BuildContext;
import dev.berth.engine.build.BuildListener;
import dev.berth.engine.build.BuildProgress;
import dev.berth.engine.build.BuildRequest;
import dev.berth.engine.build.BuildResult;
import dev.berth.engine.build.Builder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Image builds with either builder, through {@code POST /build}: the context folder is streamed
 * as a tar while it is sent, and the response is read into step rows as it arrives. BuildKit runs
 * with {@code version=2} and no client session (so no build secrets or SSH forwarding), which
 * docker-java cannot ask for; hence the plain HTTP call.
 */
public final class BuildApi {

    private static final int PIPE_BUFFER = 256 * 1024;

    private final Engine engine;

    BuildApi(Engine engine) {
        this.engine = engine;
    }

    /** BuildKit answers through the API from engine API 1.39 on, on Linux engines; Podman builds its own way. */
    public boolean supportsBuildKit() {
        EngineInfo info = engine.state().info();
        return info != null && !info.isPodman() && "linux".equalsIgnoreCase(info.os())
                && Engine.apiAtLeast(info.apiVersion(), 1, 39);
    }

    /** BuildKit when the engine has it, else the classic builder. */
    public Builder preferredBuilder() {
        return supportsBuildKit() ? Builder.BUILDKIT : Builder.CLASSIC;
    }

    /** Builds and waits, without progress. */
    public BuildResult build(BuildRequest request) {
        return build(request, BuildListener.NONE, new Cancellation());
    }

    /**
     * Builds on the calling thread, telling {@code listener} about steps and output as they
     * arrive. A failed build returns a result with the builder's error; an engine that cannot be
     * reached throws {@link EngineException}; a cancelled build throws {@link CancellationException};
     * a context folder or Dockerfile that cannot be read throws {@link IllegalArgumentException}.
     */
    public BuildResult build(BuildRequest request, BuildListener listener, Cancellation cancellation) {
        BuildContext context;
        try {
            context = BuildContext.of(request.contextDir(), request.dockerfile());
        } catch (IOException e) {
            throw new IllegalArgumentException(contextProblem(e), e);
        }
        Instant start = Instant.now();
        BuildProgress progress = new BuildProgress(listener, Clock.systemUTC());
        try {
            engine.http(http -> {
                stream(http, request, context, progress, cancellation);
                return null;
            });
        } catch (EngineException e) {
            if (e.isUnreachable()) {
                throw e;
            }
            progress.fail(e.getMessage());
        }
        progress.finish();
        return new BuildResult(request.builder(), progress.error() == null ? progress.imageId() : null,
                progress.steps(), progress.error(), Duration.between(start, Instant.now()));
    }

    private static void stream(EngineHttp http, BuildRequest request, BuildContext context, BuildProgress progress,
                               Cancellation cancellation) {
        AtomicReference<IOException> contextError = new AtomicReference<>();
        PipedInputStream body;
        PipedOutputStream sink;
        try {
            body = new PipedInputStream(PIPE_BUFFER);
            sink = new PipedOutputStream(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread writer = new Thread(() -> {
            try (sink) {
                context.writeTar(sink);
            } catch (IOException e) {
                contextError.compareAndSet(null, e);
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the reader sees the broken pipe
                }
            }
        }, "berth-build-context");
        writer.setDaemon(true);
        cancellation.check();
        writer.start();
        try (Subscription onCancel = cancellation.onCancel(() -> closeQuietly(body))) {
            DockerHttpClient.Response response = http.post("/build", query(request, context),
                    Map.of("Content-Type", "application/x-tar"), body);
            try (response; Subscription closeOnCancel = cancellation.onCancel(response::close)) {
                EngineHttp.readJson(response.getBody(), progress::accept, cancellation);
            }
        } catch (RuntimeException e) {
            throw failure(e, contextError.get(), cancellation);
        } catch (IOException e) {
            throw failure(new UncheckedIOException(e), contextError.get(), cancellation);
        } finally {
            closeQuietly(body);
        }
    }

    private static RuntimeException failure(RuntimeException e, IOException contextError, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new CancellationException("Build cancelled");
        }
        if (contextError != null) {
            return new EngineException(-1, contextProblem(contextError), contextError);
        }
        return e;
    }

    static EngineHttp.Query query(BuildRequest request, BuildContext context) {
        EngineHttp.Query query = new EngineHttp.Query();
        for (String tag : request.tags()) {
            query.add("t", tag);
        }
        query.add("dockerfile", context.dockerfileName());
        if (!request.buildArgs().isEmpty()) {
            query.add("buildargs", EngineHttp.json(request.buildArgs()));
        }
        if (!request.labels().isEmpty()) {
            query.add("labels", EngineHttp.json(request.labels()));
        }
        query.add("target", request.target());
        query.flag("nocache", request.noCache());
        // Remove intermediate containers even when a step fails, so a failed build leaves nothing behind.
        query.add("rm", "1").add("forcerm", "1");
        query.add("version", request.builder() == Builder.BUILDKIT ? "2" : "1");
        return query;
    }

    private static String contextProblem(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            String reason = missing.getReason();
            return (reason == null ? "No such file" : reason) + ": " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "Cannot read the build context: permission denied on " + denied.getFile();
        }
        return "Cannot read the build context: " + e.getMessage();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only to unblock the other side
        }
    }
}
