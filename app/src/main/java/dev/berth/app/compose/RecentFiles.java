package dev.berth.app.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;

/**
 * The compose files opened on the Compose page, remembered between runs so a stack that is not up
 * is still listed next time. Files that are gone are dropped when read.
 */
final class RecentFiles {

    private static final String KEY = "compose.files";
    private static final int KEEP = 30;

    private final Preferences settings;
    private final Set<Path> files = new LinkedHashSet<>();

    /** @param settings where the list is kept, or null to keep it for this run only */
    RecentFiles(Preferences settings) {
        this.settings = settings;
        if (settings != null) {
            Arrays.stream(settings.get(KEY, "").split("\n")).filter(s -> !s.isBlank())
                    .map(Path::of).forEach(files::add);
        }
    }

    /** The remembered files that still exist, oldest first. Reads the disk: call in the background. */
    List<Path> existing() {
        synchronized (files) {
            return files.stream().filter(Files::isRegularFile).toList();
        }
    }

    void add(Path file) {
        synchronized (files) {
            files.remove(file);
            files.add(file);
            while (files.size() > KEEP) {
                files.remove(files.iterator().next());
            }
        }
        store();
    }

    void remove(Path file) {
        synchronized (files) {
            files.remove(file);
        }
        store();
    }

    private void store() {
        if (settings == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        synchronized (files) {
            files.forEach(f -> lines.add(f.toString()));
        }
        // A preference value holds at most MAX_VALUE_LENGTH characters: the oldest files give way.
        while (String.join("\n", lines).length() > Preferences.MAX_VALUE_LENGTH) {
            lines.remove(0);
        }
        settings.put(KEY, String.join("\n", lines));
    }
}
