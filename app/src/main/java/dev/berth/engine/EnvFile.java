package dev.berth.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An env file as {@code docker run --env-file} reads it: one {@code KEY=VALUE} per line, blank
 * lines and lines starting with {@code #} skipped, the value taken verbatim (no quotes removed),
 * and a bare {@code KEY} taking its value from this process's environment (skipped when unset).
 */
public final class EnvFile {

    private EnvFile() {
    }

    /** The file's entries as {@code KEY=VALUE} strings, in file order. */
    public static List<String> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), System::getenv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the env file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param environment where a bare {@code KEY} gets its value (null when unset)
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static List<String> parse(String content, UnaryOperator<String> environment) {
        List<String> entries = new ArrayList<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Line " + (n + 1) + " has no variable name");
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Line " + (n + 1) + ": variable '" + key.strip()
                        + "' contains whitespace");
            }
            if (eq >= 0) {
                entries.add(line);
            } else {
                String value = environment.apply(key);
                if (value != null) {
                    entries.add(key + "=" + value);
                }
            }
        }
        return entries;
    }
}
