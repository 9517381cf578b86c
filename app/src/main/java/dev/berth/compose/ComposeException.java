package dev.berth.compose;

import java.util.List;

/** A compose file that cannot be used as it is; carries every problem found, in file order. */
public final class ComposeException extends RuntimeException {

    private final transient List<ComposeProblem> problems;
    private final String project;

    public ComposeException(List<ComposeProblem> problems) {
        this(problems, null);
    }

    /** @param project the project name the file gives, when it could be read despite the problems */
    public ComposeException(List<ComposeProblem> problems, String project) {
        super(problems.isEmpty() ? "the compose file is not valid" : problems.get(0).describe()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
        this.project = project;
    }

    /** The file's project name, or null when the problems hide it; a broken file is listed under it. */
    public String project() {
        return project;
    }

    public List<ComposeProblem> problems() {
        return problems;
    }
}
