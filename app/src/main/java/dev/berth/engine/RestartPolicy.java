package dev.berth.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * When the engine restarts a container that stopped.
 *
 * @param kind       no, always, unless-stopped or on-failure
 * @param maxRetries for on-failure: how often to retry (0 for no limit)
 */
public record RestartPolicy(Kind kind, int maxRetries) {

    public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);

    /** The engine's policy names. */
    public enum Kind {
        NO, ALWAYS, UNLESS_STOPPED, ON_FAILURE;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind the engine calls {@code word}; an empty or unknown word means no restart. */
        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            return NO;
        }
    }

    public RestartPolicy {
        Objects.requireNonNull(kind, "kind");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (kind != Kind.ON_FAILURE) {
            maxRetries = 0;
        }
    }

    public static RestartPolicy of(Kind kind) {
        return new RestartPolicy(kind, 0);
    }

    public static RestartPolicy onFailure(int maxRetries) {
        return new RestartPolicy(Kind.ON_FAILURE, maxRetries);
    }

    /** The CLI's {@code --restart} value: {@code always}, {@code on-failure:3}. */
    public String cliValue() {
        return kind == Kind.ON_FAILURE && maxRetries > 0 ? kind.word() + ":" + maxRetries : kind.word();
    }
}
