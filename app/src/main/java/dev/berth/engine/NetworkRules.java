package dev.berth.engine;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a new network can be created with, checked before any engine call so the form can say what
 * is wrong as the user types. Each check returns the problem in a sentence, or empty when fine.
 */
public final class NetworkRules {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private NetworkRules() {
    }

    /**
     * A network name. The engine takes any text, spaces included; Berth keeps to what compose
     * files and scripts can name without quoting.
     */
    public static Optional<String> name(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Name the network");
        }
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("A network name uses letters, digits, '_', '.' and '-', starting with a letter or digit");
    }

    /** A subnet in CIDR form such as {@code 172.28.0.0/16} or {@code fd00:1::/64}; blank lets the engine pick. */
    public static Optional<String> subnet(String subnet) {
        if (subnet == null || subnet.isBlank()) {
            return Optional.empty();
        }
        return parse(subnet.strip()).isPresent() ? Optional.empty()
                : Optional.of("A subnet is an address and a prefix length, e.g. 172.28.0.0/16");
    }

    /** A gateway: an address inside the subnet (which it needs). Blank lets the engine pick. */
    public static Optional<String> gateway(String gateway, String subnet) {
        if (gateway == null || gateway.isBlank()) {
            return Optional.empty();
        }
        Optional<Cidr> range = subnet == null ? Optional.empty() : parse(subnet.strip());
        if (range.isEmpty()) {
            return Optional.of("A gateway needs a subnet to sit in");
        }
        Optional<BigInteger> address = address(gateway.strip(), range.get().bits());
        if (address.isEmpty()) {
            return Optional.of("The gateway is an address such as " + (range.get().bits() == 32 ? "172.28.0.1" : "fd00:1::1"));
        }
        if (!range.get().contains(address.get())) {
            return Optional.of("The gateway " + gateway.strip() + " is outside the subnet " + subnet.strip());
        }
        if (range.get().isNetworkOrBroadcast(address.get())) {
            return Optional.of("The gateway cannot be the subnet's network or broadcast address");
        }
        return Optional.empty();
    }

    private record Cidr(BigInteger network, int prefix, int bits) {
        boolean contains(BigInteger address) {
            return address.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
        }

        /** IPv4 ranges of four or more addresses keep the first and last for themselves. */
        boolean isNetworkOrBroadcast(BigInteger address) {
            if (bits != 32 || prefix > 30) {
                return false;
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger host = address.and(hostMask);
            return host.signum() == 0 || host.equals(hostMask);
        }
    }

    private static Optional<Cidr> parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        int bits = cidr.contains(":") ? 128 : 32;
        Optional<BigInteger> address = address(cidr.substring(0, slash), bits);
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            if (address.isEmpty() || prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(address.get(), prefix, bits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 (bits 32) or IPv6 (bits 128) literal as a number; never a name lookup. */
    private static Optional<BigInteger> address(String text, int bits) {
        if (bits == 32) {
            var m = IPV4.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            long value = 0;
            for (int i = 1; i <= 4; i++) {
                int part = Integer.parseInt(m.group(i));
                if (part > 255) {
                    return Optional.empty();
                }
                value = value << 8 | part;
            }
            return Optional.of(BigInteger.valueOf(value));
        }
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:]+")) {
            return Optional.empty();
        }
        try {
            // A literal with ':' is parsed, never looked up.
            byte[] raw = java.net.InetAddress.getByName(text).getAddress();
            return raw.length == 16 ? Optional.of(new BigInteger(1, raw)) : Optional.empty();
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
