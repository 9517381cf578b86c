package dev.berth.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A unix-socket relay in front of the real engine socket. Stopping it looks to Berth exactly like
 * the engine going away (open streams break, new connections are refused); starting it again
 * looks like the engine coming back, without touching the engine the other tests use.
 */
public final class SocketProxy implements AutoCloseable {

    private final Path listenPath;
    private final Path enginePath;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocketChannel server;
    private final AtomicLong cutAfter = new AtomicLong();
    private final AtomicLong cuts = new AtomicLong();

    public SocketProxy(Path listenPath, Path enginePath) {
        this.listenPath = listenPath;
        this.enginePath = enginePath;
    }

    public String uri() {
        return "unix://" + listenPath;
    }

    public synchronized void start() throws IOException {
        Files.deleteIfExists(listenPath);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(listenPath));
        server = channel;
        Thread acceptor = new Thread(() -> accept(channel), "socket-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(enginePath));
                open.add(client);
                open.add(engine);
                pump(client, engine, false);
                pump(engine, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Arms a one-time cut: the first response from the engine that grows past {@code bytes} is
     * cut there (both sides closed), as a lost connection would. The proxy keeps listening.
     */
    public void cutOnceAfter(long bytes) {
        cutAfter.set(bytes);
    }

    /** How many responses {@link #cutOnceAfter} has cut. */
    public long cuts() {
        return cuts.get();
    }

    private void pump(SocketChannel from, SocketChannel to, boolean fromEngine) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long relayed = 0;
            try {
                while (from.read(buffer) >= 0) {
                    relayed += buffer.position();
                    long limit = cutAfter.get();
                    if (fromEngine && limit > 0 && relayed > limit && cutAfter.compareAndSet(limit, 0)) {
                        cuts.incrementAndGet();
                        return; // closed below, mid-response
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "socket-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Stops listening and cuts every open connection. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (SocketChannel channel : open) {
            closeQuietly(channel);
        }
        open.clear();
        Files.deleteIfExists(listenPath);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
