package dev.berth.compose;

import java.nio.file.Path;

/**
 * One thing wrong with a compose file, at the place it starts.
 *
 * @param file    the compose file
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong, as a sentence for the user
 */
public record ComposeProblem(Path file, int line, int column, String message) {

    /** {@code compose.yaml line 12, column 5: message}, the form every view and log shows. */
    public String describe() {
        return file.getFileName() + " line " + line + ", column " + column + ": " + message;
    }
}
