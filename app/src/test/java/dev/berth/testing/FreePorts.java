package dev.berth.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Host ports nothing listens on right now, for publishing test containers. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int one() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The first of {@code count} consecutive free ports. */
    public static int range(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20000, 60000 - count);
            boolean free = true;
            for (int p = start; p < start + count && free; p++) {
                free = isFree(p);
            }
            if (free) {
                return start;
            }
        }
        throw new AssertionError("no " + count + " consecutive free ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
