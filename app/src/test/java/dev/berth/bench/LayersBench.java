package dev.berth.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.berth.app.layers.FileEntries;
import dev.berth.engine.Cancellation;
import dev.berth.engine.Engine;
import dev.berth.layers.ArchiveReader;
import dev.berth.layers.ImageAnalysis;
import dev.berth.layers.ImageArchive;
import dev.berth.layers.LayerEntry;
import dev.berth.layers.LayerInspector;
import dev.berth.ui.filetree.FileTreeModel;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Berth's side of {@code scripts/bench.sh layers}: the full analysis of one image as the inspector
 * does it (history, one pass over the save stream, per-layer indexes, efficiency, the file tree
 * of every layer and of the whole filesystem), timed from the first engine call to the last tree,
 * with the heap's peak (sampled, and read just before each collection).
 * Prints {@code berth: seconds=<s> files=<n> bytes=<n> peak_heap_mb=<MB>}.
 */
public final class LayersBench {

    private LayersBench() {
    }

    public static void main(String[] args) throws Exception {
        String image = args[0];
        Engine engine = BenchSupport.connectedEngine();
        System.gc();
        HeapPeak peak = HeapPeak.start();
        long start = System.nanoTime();

        LayerInspector inspector = new LayerInspector(engine.layers());
        LayerInspector.Overview overview = inspector.overview(image);
        long tOverview = System.nanoTime();
        Counting counted;
        ImageArchive archive;
        try (InputStream in = engine.layers().save(overview.image().id())) {
            counted = new Counting(in);
            archive = new ArchiveReader(overview.image().id(), overview.image().diffIds(), new Cancellation(), null)
                    .read(counted);
        }
        long tStream = System.nanoTime();
        ImageAnalysis analysis = LayerInspector.analysis(overview.image(), overview.steps(), archive);
        long tAnalysis = System.nanoTime();
        int nodes = 0;
        for (int i = 0; i < analysis.stack().size(); i++) {
            FileTreeModel tree = FileEntries.tree(analysis.stack().changes(i));
            nodes += tree.entryCount();
        }
        FileTreeModel whole = FileEntries.tree(analysis.stack().filesystem(analysis.stack().size() - 1));
        nodes += whole.entryCount();

        double seconds = (System.nanoTime() - start) / 1e9;
        long peakBytes = peak.stop();
        long files = 0;
        for (int i = 0; i < analysis.stack().size(); i++) {
            for (LayerEntry e : analysis.layer(i).entries()) {
                if (e.isFile()) {
                    files++;
                }
            }
        }
        if (!analysis.complete()) {
            throw new IllegalStateException("the analysis is incomplete: " + analysis.warnings());
        }
        System.err.printf(Locale.ROOT, "[berth] %d layers, %d tree rows, efficiency %.1f %%, wasted %d bytes%n",
                analysis.stack().size(), nodes, analysis.efficiency().score() * 100, analysis.efficiency().wastedBytes());
        System.err.printf(Locale.ROOT, "[berth] history %.2f s, first archive byte %.2f s, archive read %.2f s,"
                        + " efficiency %.2f s, trees %.2f s%n", (tOverview - start) / 1e9,
                (counted.firstByte - tOverview) / 1e9, (tStream - counted.firstByte) / 1e9, (tAnalysis - tStream) / 1e9,
                (System.nanoTime() - tAnalysis) / 1e9);
        System.out.printf(Locale.ROOT, "berth: seconds=%.3f files=%d bytes=%d peak_heap_mb=%d%n", seconds, files,
                counted.count, Math.round(peakBytes / 1048576.0));
        engine.close();
        System.exit(0);
    }

    /** The heap's highest use: sampled every millisecond, and taken just before each collection. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapPeak() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        peak.accumulateAndGet(before, Math::max);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak p = new HeapPeak();
            p.sampler.start();
            return p;
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;
        long firstByte;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                if (count == 0) {
                    firstByte = System.nanoTime();
                }
                count += n;
            }
            return n;
        }
    }
}
