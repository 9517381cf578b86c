package dev.berth.stats;

import dev.berth.engine.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A group of containers' totals (a compose stack's services), live: watches each container
 * through the {@link StatsHub} and reports the sums after every sample. Close it to stop.
 *
 * <pre>{@code
 * StackStats totals = StackStats.watch(StatsHub.of(engine), serviceIds, t -> batcher.add(t));
 * }</pre>
 */
public final class StackStats implements Subscription {

    private final Map<String, StatsSample> latest = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    private StackStats() {
    }

    public static StackStats watch(StatsHub hub, Collection<String> containerIds, Consumer<StatsTotals> onTotals) {
        StackStats stack = new StackStats();
        for (String id : containerIds) {
            stack.subscriptions.add(hub.watch(id, sample -> {
                stack.latest.put(id, sample);
                onTotals.accept(stack.totals());
            }));
        }
        return stack;
    }

    /** The sums of the latest samples. */
    public StatsTotals totals() {
        return StatsTotals.of(latest.values());
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
