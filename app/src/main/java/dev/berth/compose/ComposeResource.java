package dev.berth.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A top-level network or volume of a compose file.
 *
 * @param key        its key in the file
 * @param engineName the name it has in the engine: {@code <project>_<key>}, its {@code name:}, or
 *                   the external name
 * @param driver     driver, or empty for the engine's default
 * @param external   made outside the project: never created or removed by it
 * @param labels     labels from the file
 */
public record ComposeResource(String key, String engineName, String driver, boolean external,
                              Map<String, String> labels) {

    public ComposeResource {
        driver = driver == null ? "" : driver;
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
