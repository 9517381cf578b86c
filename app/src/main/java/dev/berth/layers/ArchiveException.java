package dev.berth.layers;

import java.io.IOException;

/** The archive is malformed or hostile; the message says how, in plain words. */
public class ArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
