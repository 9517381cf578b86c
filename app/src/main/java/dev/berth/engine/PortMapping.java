package dev.berth.engine;

/**
 * A container port and, when published, where the host exposes it.
 *
 * @param hostIp        address on the host ("0.0.0.0", "::", "127.0.0.1"), or null when not published
 * @param hostPort      published port, or 0 when not published
 * @param containerPort port inside the container
 * @param protocol      tcp, udp or sctp
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {

    public boolean isPublished() {
        return hostPort > 0;
    }

    /** The address a browser should open, e.g. {@code http://localhost:8080}. */
    public String browserUrl() {
        String host = hostIp == null || hostIp.equals("0.0.0.0") || hostIp.equals("::") ? "localhost"
                : hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        return "http://" + host + ":" + hostPort;
    }

    /** The form {@code docker ps} prints: {@code 0.0.0.0:8080->80/tcp} or {@code 80/tcp}. */
    @Override
    public String toString() {
        String inner = containerPort + "/" + protocol;
        if (!isPublished()) {
            return inner;
        }
        String ip = hostIp == null ? "" : hostIp.contains(":") ? "[" + hostIp + "]:" : hostIp + ":";
        return ip + hostPort + "->" + inner;
    }
}
