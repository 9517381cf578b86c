package dev.berth.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code -p} publish rule, as the docker CLI reads it: {@code 8080:80}, {@code 127.0.0.1:8080:80/udp},
 * {@code [::1]::80}, {@code 8000-8005:8000-8005}, or just {@code 80} (a random host port).
 *
 * @param hostIp         host address to bind, or empty for all addresses
 * @param hostStart      first host port, or 0 to let the engine choose
 * @param hostEnd        last host port (equal to {@code hostStart} for a single port)
 * @param containerStart first container port
 * @param containerEnd   last container port
 * @param protocol       tcp, udp or sctp
 */
public record PortPublish(String hostIp, int hostStart, int hostEnd, int containerStart, int containerEnd,
                          String protocol) {

    public static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public PortPublish {
        hostIp = hostIp == null ? "" : hostIp;
        protocol = protocol == null ? "tcp" : protocol;
    }

    /** Container port {@code port}/tcp published on a random host port. */
    public static PortPublish random(int port) {
        return new PortPublish("", 0, 0, port, port, "tcp");
    }

    /** Host port {@code host} to container port {@code container}, tcp. */
    public static PortPublish of(int host, int container) {
        return new PortPublish("", host, host, container, container, "tcp");
    }

    /**
     * Reads one rule in the CLI's syntax.
     *
     * @throws IllegalArgumentException with a sentence for the user when the text is not a valid rule
     */
    public static PortPublish parse(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("Enter a port, e.g. 8080:80");
        }
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, slash);
            if (!PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("Unknown protocol '" + text.strip().substring(slash + 1)
                        + "': use tcp, udp or sctp");
            }
        }
        String ip = "";
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("Write an IPv6 host address as [address]:hostPort:containerPort");
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 2);
            if (!isIpv6(ip)) {
                throw new IllegalArgumentException("'" + ip + "' is not an IPv6 address");
            }
            if (rest.indexOf(':') < 0) {
                throw new IllegalArgumentException("After the host address give hostPort:containerPort (hostPort may be empty)");
            }
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        switch (parts.length) {
            case 1 -> {
                host = "";
                container = parts[0];
            }
            case 2 -> {
                host = parts[0];
                container = parts[1];
            }
            case 3 -> {
                if (!ip.isEmpty()) {
                    throw new IllegalArgumentException("Too many ':' in '" + text.strip() + "'");
                }
                ip = parts[0];
                host = parts[1];
                container = parts[2];
                if (!isIpv4(ip)) {
                    throw new IllegalArgumentException("'" + ip + "' is not an IPv4 address"
                            + (ip.contains(".") ? "" : " (IPv6 addresses go in brackets: [::1]:8080:80)"));
                }
            }
            default -> throw new IllegalArgumentException(
                    "Too many ':' in '" + text.strip() + "' (IPv6 addresses go in brackets: [::1]:8080:80)");
        }
        if (container.isEmpty()) {
            throw new IllegalArgumentException("The container port is missing");
        }
        int[] c = range(container, "container");
        int[] h = host.isEmpty() ? new int[] {0, 0} : range(host, "host");
        int containerSize = c[1] - c[0];
        int hostSize = h[1] - h[0];
        if (!host.isEmpty() && containerSize != hostSize && containerSize != 0) {
            throw new IllegalArgumentException("Host range " + host + " and container range " + container
                    + " differ in size");
        }
        return new PortPublish(ip, h[0], h[1], c[0], c[1], protocol);
    }

    private static int[] range(String text, String side) {
        int dash = text.indexOf('-');
        int start = port(dash < 0 ? text : text.substring(0, dash), side);
        int end = dash < 0 ? start : port(text.substring(dash + 1), side);
        if (end < start) {
            throw new IllegalArgumentException("The " + side + " range " + text + " ends before it starts");
        }
        return new int[] {start, end};
    }

    private static int port(String text, String side) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 6) {
            throw new IllegalArgumentException("'" + text + "' is not a " + side + " port number");
        }
        int value = Integer.parseInt(text);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("The " + side + " port " + value + " is out of range (1-65535)");
        }
        return value;
    }

    static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            // A literal with ':' is parsed, never looked up.
            return InetAddress.getByName(text).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True when the engine picks the host port. */
    public boolean isRandomHostPort() {
        return hostStart == 0;
    }

    /**
     * The per-container-port bindings the engine is sent, expanding ranges as the CLI does: equal
     * ranges pair up port by port; a single container port with a host range lets the engine choose
     * within that range.
     */
    public List<Binding> bindings() {
        List<Binding> out = new ArrayList<>();
        for (int port = containerStart; port <= containerEnd; port++) {
            String hostSpec;
            if (isRandomHostPort()) {
                hostSpec = "";
            } else if (containerStart == containerEnd && hostStart != hostEnd) {
                hostSpec = hostStart + "-" + hostEnd;
            } else {
                hostSpec = Integer.toString(hostStart + (port - containerStart));
            }
            out.add(new Binding(port, protocol, hostIp, hostSpec));
        }
        return out;
    }

    /** One container port and where the host exposes it ({@code hostPort} empty for any, or a range). */
    public record Binding(int containerPort, String protocol, String hostIp, String hostPort) {
    }

    /** The CLI form, e.g. {@code 127.0.0.1:8080:80/udp}; parsing it gives this rule back. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (!hostIp.isEmpty()) {
            s.append(hostIp.contains(":") ? "[" + hostIp + "]" : hostIp).append(':');
        }
        if (!isRandomHostPort()) {
            s.append(hostStart);
            if (hostEnd != hostStart) {
                s.append('-').append(hostEnd);
            }
            s.append(':');
        } else if (!hostIp.isEmpty()) {
            s.append(':');
        }
        s.append(containerStart);
        if (containerEnd != containerStart) {
            s.append('-').append(containerEnd);
        }
        return s.append('/').append(protocol).toString();
    }
}
