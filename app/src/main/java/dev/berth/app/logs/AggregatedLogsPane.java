package dev.berth.app.logs;

import dev.berth.app.common.AppServices;
import dev.berth.engine.LogQuery;
import dev.berth.logs.LogNote;
import dev.berth.logs.MergedLogs;
import dev.berth.ui.logview.LogLine;
import dev.berth.ui.logview.LogSource;
import dev.berth.ui.logview.LogView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;

/**
 * Several containers' logs in one view (a compose stack's services, say): each line prefixed by
 * its source's name in a stable colour, merged in timestamp order, with a toggle per source.
 *
 * <pre>{@code
 * AggregatedLogsPane logs = new AggregatedLogsPane(services, List.of(
 *         new MergedLogs.Source(webId, "web"), new MergedLogs.Source(dbId, "db")));
 * pane.setCenter(logs.node());
 * }</pre>
 */
public final class AggregatedLogsPane implements AutoCloseable {

    private final AppServices services;
    private final List<MergedLogs.Source> sources;
    private final List<LogSource> viewSources = new ArrayList<>();
    private final LogView view = new LogView();
    private final HistoryPicker history = new HistoryPicker(h -> restart());
    private final AtomicInteger generation = new AtomicInteger();
    private MergedLogs merged;

    public AggregatedLogsPane(AppServices services, List<MergedLogs.Source> sources) {
        this.services = services;
        this.sources = List.copyOf(sources);
        view.setId("aggregated-logs");
        for (MergedLogs.Source s : this.sources) {
            viewSources.add(new LogSource(s.name()));
        }
        view.getSources().setAll(viewSources);
        view.getToolbarItems().setAll(history);
        restart();
    }

    private void restart() {
        stop();
        view.clear();
        view.setFollow(true);
        int mine = generation.incrementAndGet();
        LogLines lines = new LogLines();
        LogQuery query = history.history().query(Instant.now());
        merged = MergedLogs.start(services.engine(), sources, query, new MergedLogs.Listener() {
            @Override
            public void entries(List<MergedLogs.SourcedEntry> batch) {
                List<LogLine> out = new ArrayList<>(batch.size());
                synchronized (lines) {
                    for (MergedLogs.SourcedEntry e : batch) {
                        out.add(lines.line(e.entry(), viewSources.get(e.source())));
                    }
                }
                if (generation.get() == mine) {
                    view.append(out);
                }
            }

            @Override
            public void note(int source, LogNote note) {
                if (generation.get() == mine) {
                    view.append(LogLines.note(note, viewSources.get(source)));
                }
            }
        });
    }

    private void stop() {
        generation.incrementAndGet();
        if (merged != null) {
            merged.close();
            merged = null;
        }
    }

    public Node node() {
        return view;
    }

    public LogView logView() {
        return view;
    }

    @Override
    public void close() {
        stop();
    }
}
