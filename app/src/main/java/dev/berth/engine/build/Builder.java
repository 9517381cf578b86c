package dev.berth.engine.build;

/** Which of the engine's builders runs a build. */
public enum Builder {
    /** The original builder: one container per step, progress as {@code Step N/M} text. */
    CLASSIC("Classic builder"),
    /** BuildKit through the Engine API ({@code version=2}), progress as {@code moby.buildkit.trace} messages. */
    BUILDKIT("BuildKit");

    private final String title;

    Builder(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
