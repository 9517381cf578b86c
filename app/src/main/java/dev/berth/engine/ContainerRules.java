package dev.berth.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's rules for what a container can be created with, checked before any engine call so
 * a form can say what is wrong as the user types. Each check returns the problem in a sentence, or
 * empty when the value is fine.
 */
public final class ContainerRules {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern USER = Pattern.compile("[^:\\s]+(:[^:\\s]+)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?");

    private ContainerRules() {
    }

    /** A container name; blank is fine (the engine picks one). */
    public static Optional<String> name(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(name.length() < 2 && NAME.matcher(name + name).matches()
                    ? "A name needs at least 2 characters"
                    : "Use letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return Optional.empty();
    }

    /** A named volume; blank means an anonymous volume. */
    public static Optional<String> volumeName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("A volume name uses letters, digits, '_', '.' and '-', starting with a letter or digit");
    }

    /** An image reference in the engine's grammar ({@code [registry/]path[:tag][@digest]}). */
    public static Optional<String> image(String reference) {
        try {
            ImageReference.parse(reference);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** One publish rule such as {@code 127.0.0.1:8080:80/udp}. */
    public static Optional<String> port(String rule) {
        try {
            PortPublish.parse(rule);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static Optional<String> protocol(String protocol) {
        return PortPublish.PROTOCOLS.contains(protocol) ? Optional.empty()
                : Optional.of("Unknown protocol '" + protocol + "': use tcp, udp or sctp");
    }

    /** A path inside the container (mount target, working directory). */
    public static Optional<String> containerPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("Enter a path inside the container, e.g. /data");
        }
        if (!path.startsWith("/")) {
            return Optional.of("Container paths are absolute: start with /");
        }
        if (path.replaceAll("/+", "/").equals("/")) {
            return Optional.of("Cannot mount over the container's root /");
        }
        return Optional.empty();
    }

    /** The source of a bind mount: an absolute path on the engine's host. */
    public static Optional<String> hostPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("Enter a host path, e.g. /srv/data");
        }
        boolean windowsAbsolute = path.matches("[A-Za-z]:[\\\\/].*") || path.startsWith("\\\\");
        return path.startsWith("/") || windowsAbsolute ? Optional.empty()
                : Optional.of("Host paths are absolute: start with /");
    }

    /** The working directory; blank keeps the image's. */
    public static Optional<String> workingDir(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return path.startsWith("/") ? Optional.empty() : Optional.of("The working directory is absolute: start with /");
    }

    /** {@code name}, {@code uid}, {@code name:group} or {@code uid:gid}; blank keeps the image's. */
    public static Optional<String> user(String user) {
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        return USER.matcher(user).matches() ? Optional.empty()
                : Optional.of("Use user, uid, user:group or uid:gid, without spaces");
    }

    public static Optional<String> envKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("The variable needs a name");
        }
        if (key.indexOf('=') >= 0) {
            return Optional.of("A variable name cannot contain '='");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("A variable name cannot contain spaces");
        }
        return Optional.empty();
    }

    public static Optional<String> labelKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("The label needs a key");
        }
        if (key.indexOf('=') >= 0) {
            return Optional.of("A label key cannot contain '='");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("A label key cannot contain spaces");
        }
        return Optional.empty();
    }

    /** How often on-failure retries: a whole number, 0 for no limit. */
    public static Optional<String> maxRetries(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Integer.parseInt(text.strip()) >= 0 ? Optional.empty()
                    : Optional.of("Retries cannot be negative");
        } catch (NumberFormatException e) {
            return Optional.of("Retries is a whole number (0 for no limit)");
        }
    }

    /** Auto-remove and a restart policy exclude each other, as the engine says. */
    public static Optional<String> restartWithAutoRemove(RestartPolicy restart, boolean autoRemove) {
        return autoRemove && restart.kind() != RestartPolicy.Kind.NO
                ? Optional.of("A container removed on exit cannot also restart: choose one")
                : Optional.empty();
    }

    /** A size such as {@code 64m}, {@code 1g} or {@code 512k}; blank for the default. */
    public static Optional<String> size(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return SIZE.matcher(text.strip()).matches() ? Optional.empty()
                : Optional.of("Use a size such as 64m, 512k or 1g");
    }

    /** Bytes of a size such as {@code 64m} (binary units, as the engine reads them); 0 when blank. */
    public static long sizeBytes(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Use a size such as 64m, 512k or 1g");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase();
        int power = "kmgtp".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
        return (long) (value * Math.pow(1024, power));
    }
}
