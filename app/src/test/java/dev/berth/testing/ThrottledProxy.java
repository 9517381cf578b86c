package dev.berth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a local server that slows the answers down to a set rate,
 * so a pull from a local registry takes long enough to watch (and to photograph) its progress.
 */
public final class ThrottledProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final int bytesPerSecond;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public ThrottledProxy(int targetPort, int bytesPerSecond) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        Thread acceptor = new Thread(this::accept, "throttled-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code 127.0.0.1:<port>} of the relay. */
    public String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                pump(client.getInputStream(), target.getOutputStream(), 0, client, target);
                pump(target.getInputStream(), client.getOutputStream(), bytesPerSecond, client, target);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, int rate, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[rate > 0 ? Math.max(1024, rate / 20) : 64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (rate > 0) {
                        Thread.sleep(Math.max(1, n * 1000L / rate));
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // either side closed
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "throttled-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(ThrottledProxy::closeQuietly);
    }
}
