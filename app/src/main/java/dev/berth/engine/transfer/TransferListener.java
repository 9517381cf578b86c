package dev.berth.engine.transfer;

/** Hears a pull or push on the stream's thread; hand updates to the UI in batches, never block. */
public interface TransferListener {

    TransferListener NONE = new TransferListener() {
    };

    /** A layer's state changed. */
    default void layer(LayerProgress layer) {
    }

    /** A message about the image as a whole ("Digest: sha256:...", "Status: Downloaded newer image ..."). */
    default void message(String text) {
    }
}
