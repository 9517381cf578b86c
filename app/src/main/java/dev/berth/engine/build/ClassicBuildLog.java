package dev.berth.engine.build;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the classic builder's text ({@code Step 3/7 : RUN make}, {@code ---> Using cache},
 * {@code ---> 3f2a...}) into step rows. The engine sends that text in arbitrary chunks, so it is
 * cut into lines here first. Times are when the lines arrived: the classic builder sends none.
 */
final class ClassicBuildLog {

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern PRODUCED = Pattern.compile("^ ---> ([0-9a-f]{6,64})$");
    private static final Pattern RUNNING_IN = Pattern.compile("^ ---> Running in [0-9a-f]+$");
    private static final Pattern REMOVING = Pattern.compile("^Removing intermediate container [0-9a-f]+$");

    private final StepTable table;
    private final BuildListener listener;
    private final Clock clock;
    private final StringBuilder partial = new StringBuilder();
    private String current;
    private boolean currentRan;

    ClassicBuildLog(StepTable table, BuildListener listener, Clock clock) {
        this.table = table;
        this.listener = listener;
        this.clock = clock;
    }

    /** A {@code stream} chunk from the engine. */
    void accept(String chunk) {
        if (!partial.isEmpty() && (chunk.startsWith(" ---> ") || chunk.startsWith("Removing intermediate container ")
                || chunk.startsWith("Step "))) {
            // A RUN's last output line had no newline: the builder's own message starts a new line.
            partial.append('\n');
        }
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }

    /** The stream ended: flush a last unterminated line, and close the last step if it succeeded. */
    void finish(boolean succeeded) {
        if (!partial.isEmpty()) {
            line(partial.toString());
            partial.setLength(0);
        }
        if (succeeded) {
            completeCurrent();
        }
    }

    /** The step running when an error arrived, or null. */
    String currentStep() {
        return current;
    }

    private void line(String line) {
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            completeCurrent();
            int number = Integer.parseInt(step.group(1));
            String key = "step-" + number;
            current = key;
            currentRan = false;
            BuildStep row = new BuildStep(key, null, number, Integer.parseInt(step.group(2)), step.group(3).strip(),
                    true, false, clock.instant(), null, null, null);
            table.put(row.withCacheable(!"FROM".equals(row.keyword())));
            return;
        }
        if (current != null && line.startsWith(" ---> ")) {
            currentRan = true;
            if (line.equals(" ---> Using cache")) {
                table.update(current, s -> s.withCached(true));
                return;
            }
            Matcher produced = PRODUCED.matcher(line);
            if (produced.matches()) {
                table.update(current, s -> s.withProducedId(produced.group(1)).withTimes(s.started(), clock.instant()));
                return;
            }
            if (RUNNING_IN.matcher(line).matches()) {
                return;
            }
        }
        if (current != null && line.strip().equals("--->")) {
            // FROM scratch: nothing to produce.
            currentRan = true;
            table.update(current, s -> s.withTimes(s.started(), clock.instant()));
            return;
        }
        if (REMOVING.matcher(line).matches()) {
            return;
        }
        if (line.startsWith("Successfully built ")) {
            completeCurrent();
            current = null;
        }
        listener.output(current, line);
    }

    private void completeCurrent() {
        if (current == null) {
            return;
        }
        BuildStep step = table.get(current);
        if (step != null && step.completed() == null && step.error() == null) {
            // An instruction with no "--->" line ran nothing (an ARG before the first FROM).
            BuildStep done = step.withTimes(step.started(), clock.instant());
            table.put(currentRan ? done : done.withCacheable(false));
        }
    }
}
