package dev.berth.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference ({@code [registry/]path[:tag][@digest]}) checked against the grammar the
 * engine uses, so a bad one gets a clear message in the form before any engine call.
 *
 * @param registry the registry host ({@code docker.io} when none is written)
 * @param path     the repository path, {@code library/} added for Docker Hub's official images
 * @param tag      the tag, or null (means {@code latest} when pulling)
 * @param digest   the content digest, or null
 */
public record ImageReference(String registry, String path, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    /** Parses and checks a reference; throws IllegalArgumentException with the reason. */
    public static ImageReference parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("Enter an image reference, e.g. busybox:latest");
        }
        String rest = input;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("Invalid digest \"" + digest + "\" (expected e.g. sha256:<64 hex digits>)");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("Invalid tag \"" + tag
                        + "\": use letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-'");
            }
        }
        String registry = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                if (!DOMAIN.matcher(first).matches()) {
                    throw new IllegalArgumentException("Invalid registry host \"" + first + "\"");
                }
                registry = first;
                path = rest.substring(slash + 1);
            }
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("The reference has no repository name");
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Repository names must be lowercase: \"" + path + "\"");
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Invalid repository name \"" + path
                    + "\": use lowercase letters, digits and separators (. _ - /), not at the start or end");
        }
        if (rest.length() > 255) {
            throw new IllegalArgumentException("Repository names must not be longer than 255 characters");
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageReference(registry, path, tag, digest);
    }

    /** Whether the text is a valid reference. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The repository as the docker CLI writes it: {@code busybox}, {@code me/app}, {@code host:5000/app}. */
    public String repository() {
        if (registry.equals(DOCKER_HUB)) {
            return path.startsWith("library/") ? path.substring("library/".length()) : path;
        }
        return registry + "/" + path;
    }

    /** The tag, or {@code latest} when neither tag nor digest is given. */
    public String tagOrLatest() {
        return tag != null ? tag : digest != null ? null : "latest";
    }

    /** {@code repository:tag} (or {@code @digest}), with {@code latest} filled in. */
    public String familiar() {
        if (digest != null) {
            return repository() + (tag != null ? ":" + tag : "") + "@" + digest;
        }
        return repository() + ":" + tagOrLatest();
    }

    public boolean isDockerHub() {
        return registry.equals(DOCKER_HUB);
    }
}
