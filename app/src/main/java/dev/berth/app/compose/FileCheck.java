package dev.berth.app.compose;

import dev.berth.compose.ComposeException;
import dev.berth.compose.ComposeParser;
import dev.berth.compose.ComposeProblem;
import dev.berth.compose.ComposeProject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What reading a compose file (saved, or as edited) gave: the project and its warnings, or the
 * problems and, when they leave it readable, the project name.
 */
record FileCheck(ComposeProject compose, List<ComposeProblem> problems, String project) {

    boolean hasErrors() {
        return compose == null;
    }

    /** Reads the saved file. Runs in the background. */
    static FileCheck of(Path file) {
        return check(file, () -> ComposeParser.parse(file));
    }

    /** Reads edited text as if saved to {@code file}. Runs in the background. */
    static FileCheck of(Path file, String text) {
        return check(file, () -> ComposeParser.parseText(file, text));
    }

    private static FileCheck check(Path file, Supplier<ComposeProject> read) {
        try {
            ComposeProject compose = read.get();
            return new FileCheck(compose, compose.warnings(), compose.name());
        } catch (ComposeException e) {
            return new FileCheck(null, e.problems(),
                    e.project() != null ? e.project() : ComposeParser.defaultProjectName(file));
        }
    }
}
