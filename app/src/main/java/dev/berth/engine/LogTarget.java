package dev.berth.engine;

import java.time.Instant;

/**
 * What following a container's log needs to know about it.
 *
 * @param id        full container ID
 * @param name      container name without the leading slash
 * @param tty       true when the container has a TTY (its log stream is raw, not multiplexed)
 * @param state     running, exited, ...
 * @param exitCode  the last exit code (meaningful once it has exited)
 * @param startedAt when the current (or last) run started; {@link Instant#EPOCH} if never
 */
public record LogTarget(String id, String name, boolean tty, ContainerState state, int exitCode, Instant startedAt) {
}
