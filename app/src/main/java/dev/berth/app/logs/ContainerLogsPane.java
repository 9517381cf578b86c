package dev.berth.app.logs;

import dev.berth.app.common.AppServices;
import dev.berth.logs.LogEntry;
import dev.berth.logs.LogFollower;
import dev.berth.logs.LogNote;
import dev.berth.ui.logview.LogLine;
import dev.berth.ui.logview.LogView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;

/**
 * One container's log, live: the log view fed by a {@link LogFollower}, with a choice of how much
 * history to load. Stops, restarts and removal show as notes in the log. Closing the pane (or
 * showing another container) closes the stream.
 *
 * <pre>{@code
 * ContainerLogsPane logs = new ContainerLogsPane(services);
 * logs.show(containerId);
 * tab.setContent(logs.node());
 * // when the tab goes away:
 * logs.close();
 * }</pre>
 */
public final class ContainerLogsPane implements AutoCloseable {

    private final AppServices services;
    private final LogView view = new LogView();
    private final HistoryPicker history = new HistoryPicker(h -> restart());
    /** Lines of a follower that was replaced or closed must not reach the view. */
    private final AtomicInteger generation = new AtomicInteger();
    private LogFollower follower;
    private String containerId;

    public ContainerLogsPane(AppServices services) {
        this.services = services;
        view.setId("container-logs");
        view.getToolbarItems().setAll(history);
        // While times are hidden a long history is read without them (the engine sends it faster);
        // showing them reads the log again, every line with its time.
        view.showTimestampsProperty().addListener((obs, was, show) -> {
            if (show && follower != null && follower.historyWithoutTimes()) {
                restart();
            }
        });
    }

    /** Follows this container's log from now on (closing the previous one's stream). */
    public void show(String id) {
        if (id == null ? containerId == null : id.equals(containerId)) {
            return;
        }
        containerId = id;
        restart();
    }

    public String containerId() {
        return containerId;
    }

    private void restart() {
        stop();
        view.clear();
        view.setFollow(true);
        if (containerId == null) {
            return;
        }
        int mine = generation.incrementAndGet();
        LogLines lines = new LogLines();
        follower = LogFollower.start(services.engine(), containerId,
                history.history().query(Instant.now()).withTimestamps(view.isShowTimestamps()),
                new LogFollower.Listener() {
                    @Override
                    public void entries(List<LogEntry> batch) {
                        List<LogLine> out = new ArrayList<>(batch.size());
                        for (LogEntry entry : batch) {
                            out.add(lines.line(entry, null));
                        }
                        if (generation.get() == mine) {
                            view.append(out);
                        }
                    }

                    @Override
                    public void note(LogNote note) {
                        if (generation.get() == mine) {
                            view.append(LogLines.note(note, null));
                        }
                    }
                });
    }

    private void stop() {
        generation.incrementAndGet();
        if (follower != null) {
            follower.close();
            follower = null;
        }
    }

    public Node node() {
        return view;
    }

    /** The log view itself, for embedding views and tests. */
    public LogView logView() {
        return view;
    }

    @Override
    public void close() {
        stop();
        containerId = null;
    }
}
