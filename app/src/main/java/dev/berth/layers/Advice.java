package dev.berth.layers;

import java.util.List;

/**
 * One piece of Dockerfile advice for learners.
 *
 * @param title   short, e.g. "Dependencies reinstall on every code change"
 * @param detail  two or three plain sentences: what happens and what to write instead
 * @param where   the lines (or, without a Dockerfile, the steps) concerned, e.g. "line 4"
 * @param bytes   bytes at stake, or 0 when the advice is about build time
 */
public record Advice(Kind kind, String title, String detail, List<String> where, long bytes) {

    public enum Kind {
        BROAD_COPY_BEFORE_INSTALL, ADDED_THEN_DELETED, PACKAGE_CACHE, MANY_RUN_STEPS
    }
}
