package dev.berth.app.images;

import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.hub.HubClient;
import dev.berth.hub.HubException;
import dev.berth.hub.HubRepository;
import dev.berth.hub.HubTag;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Docker Hub search for the pull window: results, then the tags of the chosen repository. */
public final class HubSearchModel {

    private static final int RESULTS = 25;
    private static final int TAGS = 30;

    private final BackgroundExecutor executor;
    private final HubClient hub;
    private final ObservableList<HubRepository> results = FXCollections.observableArrayList();
    private final ObservableList<HubTag> tags = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long searchGeneration;
    private long tagsGeneration;

    public HubSearchModel(BackgroundExecutor executor, HubClient hub) {
        this.executor = executor;
        this.hub = hub;
    }

    public ObservableList<HubRepository> results() {
        return results;
    }

    public ObservableList<HubTag> tags() {
        return tags;
    }

    /** "12 results", "Searching…", or why nothing came back ("Cannot reach Docker Hub: …"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void search(String query) {
        if (query == null || query.isBlank()) {
            status.set("Type a name to search Docker Hub");
            return;
        }
        long run = ++searchGeneration;
        busy.set(true);
        status.set("Searching Docker Hub…");
        results.clear();
        tags.clear();
        executor.submit(() -> hub.search(query, RESULTS), found -> {
            if (run != searchGeneration) {
                return;
            }
            busy.set(false);
            results.setAll(found);
            status.set(found.isEmpty() ? "Nothing on Docker Hub matches \"" + query.strip() + "\""
                    : found.size() + (found.size() == 1 ? " result" : " results"));
        }, error -> {
            if (run == searchGeneration) {
                busy.set(false);
                status.set(error instanceof HubException ? error.getMessage() : "Search failed: " + error.getMessage());
            }
        });
    }

    public void loadTags(HubRepository repository) {
        long run = ++tagsGeneration;
        tags.clear();
        if (repository == null) {
            return;
        }
        executor.submit(() -> hub.tags(repository.name(), TAGS), found -> {
            if (run == tagsGeneration) {
                tags.setAll(found);
            }
        }, error -> {
            if (run == tagsGeneration) {
                status.set(error instanceof HubException ? error.getMessage() : "Could not read tags: " + error.getMessage());
            }
        });
    }
}
