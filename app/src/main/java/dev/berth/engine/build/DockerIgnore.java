package dev.berth.engine.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build context's {@code .dockerignore}, matched the way the docker CLI matches it: patterns are
 * cleaned paths relative to the context, {@code *} and {@code ?} stop at {@code /}, {@code **}
 * spans directories, a pattern that matches a parent directory excludes everything inside it, and
 * the last matching pattern wins, so {@code !pattern} lines bring files back.
 *
 * <p>Usage: {@code DockerIgnore.read(contextDir).excludes("build/out.o")}
 */
public final class DockerIgnore {

    /** One line of the file. */
    record Rule(String pattern, boolean exception, Pattern regex, int depth) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Reads {@code .dockerignore} in the context folder; no file means nothing is ignored. */
    public static DockerIgnore read(Path contextDir) throws IOException {
        Path file = contextDir.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return none();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static DockerIgnore parse(String content) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : content.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            if (exception) {
                line = line.substring(1).strip();
                if (line.isEmpty()) {
                    throw new IllegalArgumentException(".dockerignore: illegal exclusion pattern: \"!\"");
                }
            }
            String pattern = clean(line);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            rules.add(new Rule(pattern, exception, Pattern.compile(regex(pattern)), pattern.split("/").length));
        }
        return new DockerIgnore(rules);
    }

    /** This rule set plus exceptions that keep the given paths (the Dockerfile, {@code .dockerignore}). */
    public DockerIgnore keeping(String... paths) {
        List<Rule> all = new ArrayList<>(rules);
        for (String path : paths) {
            if (excludes(path)) {
                String pattern = clean(path);
                all.add(new Rule(pattern, true, Pattern.compile(regex(pattern)), pattern.split("/").length));
            }
        }
        return new DockerIgnore(all);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the file or folder at this context-relative path (with {@code /}) is left out. */
    public boolean excludes(String relativePath) {
        String path = clean(relativePath);
        String[] parents = parentDirs(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            boolean match = rule.regex().matcher(path).matches();
            if (!match && parents.length > 0 && rule.depth() <= parents.length) {
                match = rule.regex().matcher(String.join("/", java.util.Arrays.copyOf(parents, rule.depth()))).matches();
            }
            if (match) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    /**
     * Whether an excluded folder must still be walked because an exception might bring back
     * something inside it (the CLI's rule: an exception pattern that starts with the folder's path).
     */
    public boolean mayIncludeInside(String relativeDir) {
        String prefix = clean(relativeDir) + "/";
        for (Rule rule : rules) {
            if (rule.exception() && (rule.pattern() + "/").startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String[] parentDirs(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? new String[0] : path.substring(0, slash).split("/");
    }

    /** Go's {@code filepath.Clean} for slash-separated paths. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** The CLI's translation of a pattern to a regular expression, for '/' separators. */
    static String regex(String pattern) {
        StringBuilder out = new StringBuilder("^");
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (inClass) {
                if (ch == ']') {
                    inClass = false;
                    out.append(']');
                } else if (ch == '\\' && i + 1 < pattern.length()) {
                    out.append('\\').append(pattern.charAt(++i));
                } else if (ch == '[' || ch == '&') {
                    out.append('\\').append(ch);
                } else {
                    out.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '*' -> {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                            i++;
                        }
                        out.append(i + 1 >= pattern.length() ? ".*" : "(.*/)?");
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '[' -> {
                    inClass = true;
                    out.append('[');
                    if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == '^' || pattern.charAt(i + 1) == '!')) {
                        out.append('^');
                        i++;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    } else {
                        out.append("\\\\");
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        if (inClass) {
            throw new IllegalArgumentException(".dockerignore: unterminated character class in \"" + pattern + "\"");
        }
        return out.append('$').toString();
    }
}
