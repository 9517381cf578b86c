package dev.berth.app.images;

import dev.berth.engine.ImageSummary;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the images table: one {@code repository:tag} of an image (an image with three tags
 * has three rows), or {@code <none>} for an untagged image.
 */
public final class ImageRow {

    static final String NONE = "<none>";

    private final String id;
    private final String repoTag;
    private final StringProperty repository = new SimpleStringProperty(this, "repository");
    private final StringProperty tag = new SimpleStringProperty(this, "tag");
    private final LongProperty size = new SimpleLongProperty(this, "size");
    private final ObjectProperty<Instant> created = new SimpleObjectProperty<>(this, "created");
    private final ObjectProperty<List<String>> usedBy = new SimpleObjectProperty<>(this, "usedBy", List.of());
    private int tagCount;

    ImageRow(ImageSummary image, String repoTag, List<String> containers) {
        this.id = image.id();
        this.repoTag = repoTag;
        int slash = repoTag == null ? -1 : repoTag.lastIndexOf('/');
        int colon = repoTag == null ? -1 : repoTag.lastIndexOf(':');
        if (repoTag == null) {
            repository.set(NONE);
            tag.set(NONE);
        } else if (colon > slash) {
            repository.set(repoTag.substring(0, colon));
            tag.set(repoTag.substring(colon + 1));
        } else {
            repository.set(repoTag);
            tag.set(NONE);
        }
        update(image, containers);
    }

    /** Identity across reloads: the image and which of its tags. */
    String key() {
        return key(id, repoTag);
    }

    static String key(String id, String repoTag) {
        return id + "|" + (repoTag == null ? "" : repoTag);
    }

    void update(ImageSummary image, List<String> containers) {
        size.set(image.size());
        created.set(image.created());
        usedBy.set(List.copyOf(containers));
        tagCount = image.repoTags().size();
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return ImageSummary.shortId(id);
    }

    /** {@code repository:tag}, or null for an untagged image. */
    public String repoTag() {
        return repoTag;
    }

    /** What to name it by in engine calls and messages: its {@code repository:tag}, else its short ID. */
    public String reference() {
        return repoTag != null ? repoTag : shortId();
    }

    public boolean isDangling() {
        return repoTag == null;
    }

    /** How many tags the image has in all (this row is one of them). */
    public int tagCount() {
        return tagCount;
    }

    public boolean inUse() {
        return !usedBy.get().isEmpty();
    }

    public List<String> usedBy() {
        return usedBy.get();
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public LongProperty sizeProperty() {
        return size;
    }

    public ObjectProperty<Instant> createdProperty() {
        return created;
    }

    public ObjectProperty<List<String>> usedByProperty() {
        return usedBy;
    }

    @Override
    public String toString() {
        return reference();
    }
}
