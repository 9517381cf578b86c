package dev.berth.ui.chart;

import java.util.Arrays;

/**
 * Points in time, oldest first, kept for a sliding window: adding a point drops those older than
 * the window before it. A small ring of primitives; a five-minute series of one point a second is
 * two arrays of 300.
 */
public final class TimeSeries {

    private long windowMillis;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int head;
    private int size;

    public TimeSeries(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    public void setWindowMillis(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** Adds a point; points older than the window before it are dropped. */
    public void add(long timeMillis, double value) {
        if (size == times.length) {
            long[] t = new long[size * 2];
            double[] v = new double[size * 2];
            for (int i = 0; i < size; i++) {
                t[i] = time(i);
                v[i] = value(i);
            }
            times = t;
            values = v;
            head = 0;
        }
        int slot = (head + size) % times.length;
        times[slot] = timeMillis;
        values[slot] = value;
        size++;
        long oldest = timeMillis - windowMillis;
        while (size > 1 && time(0) < oldest) {
            head = (head + 1) % times.length;
            size--;
        }
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long time(int i) {
        return times[(head + i) % times.length];
    }

    public double value(int i) {
        return values[(head + i) % values.length];
    }

    /** The newest value, or NaN when empty. */
    public double latest() {
        return size == 0 ? Double.NaN : value(size - 1);
    }

    /** The newest time, or 0 when empty. */
    public long latestTime() {
        return size == 0 ? 0 : time(size - 1);
    }

    /** The largest value at or after {@code fromMillis}, or 0 when none. */
    public double max(long fromMillis) {
        double max = 0;
        for (int i = 0; i < size; i++) {
            if (time(i) >= fromMillis && !Double.isNaN(value(i))) {
                max = Math.max(max, value(i));
            }
        }
        return max;
    }

    /** The values, oldest first (a copy). */
    public double[] values() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = value(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return "TimeSeries" + Arrays.toString(values());
    }
}
