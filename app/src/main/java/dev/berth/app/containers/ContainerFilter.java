package dev.berth.app.containers;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the filter box matches: every word typed must appear in the container's name, image, ID,
 * state, compose project or one of its labels (as {@code key=value}); "running only" keeps
 * running, restarting and paused ones.
 *
 * @param words       lower-cased words of the filter text
 * @param runningOnly keep only containers that run
 */
public record ContainerFilter(List<String> words, boolean runningOnly) {

    public static final ContainerFilter NONE = new ContainerFilter(List.of(), false);

    public static ContainerFilter of(String text, boolean runningOnly) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return new ContainerFilter(t.isEmpty() ? List.of() : List.of(t.split("\\s+")), runningOnly);
    }

    public boolean isEmpty() {
        return words.isEmpty() && !runningOnly;
    }

    public boolean test(ContainerRow row) {
        if (runningOnly && (row.state() == null || !(row.state().isRunning()
                || row.state() == dev.berth.engine.ContainerState.PAUSED))) {
            return false;
        }
        for (String word : words) {
            if (!matches(row, word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(ContainerRow row, String word) {
        if (contains(row.name(), word) || contains(row.image(), word) || row.id().startsWith(word)
                || (row.state() != null && row.state().word().equals(word))) {
            return true;
        }
        for (Map.Entry<String, String> label : row.labels().entrySet()) {
            if (contains(label.getKey() + "=" + label.getValue(), word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
