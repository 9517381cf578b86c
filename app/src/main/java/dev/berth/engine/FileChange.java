package dev.berth.engine;

/**
 * One path changed in a container's writable layer ({@code docker diff}).
 *
 * @param path absolute path inside the container
 * @param kind added, modified or deleted
 */
public record FileChange(String path, Kind kind) {

    /** The engine's change kinds, in its numbering (0 modified, 1 added, 2 deleted). */
    public enum Kind {
        MODIFIED, ADDED, DELETED;

        static Kind of(Integer engineKind) {
            if (engineKind == null || engineKind < 0 || engineKind > 2) {
                return MODIFIED;
            }
            return values()[engineKind];
        }

        /** The letter {@code docker diff} prints: C, A or D. */
        public char letter() {
            return switch (this) {
                case MODIFIED -> 'C';
                case ADDED -> 'A';
                case DELETED -> 'D';
            };
        }
    }
}
