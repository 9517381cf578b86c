package dev.berth.app.stats;

import java.util.Arrays;

/**
 * The recent CPU percentages a table's sparkline draws: the last {@value #SECONDS} samples, with
 * a new picture due every {@value #EVERY} samples (a trend needs no redraw every second).
 */
public final class CpuTrend {

    static final int SECONDS = 40;
    static final int EVERY = 5;

    private final double[] ring = new double[SECONDS];
    private int size;
    private int head;
    private int sinceShown;

    /** Adds a sample; true when the sparkline should be redrawn with {@link #values()}. */
    public boolean add(double cpuPercent) {
        ring[(head + size) % SECONDS] = cpuPercent;
        if (size < SECONDS) {
            size++;
        } else {
            head = (head + 1) % SECONDS;
        }
        sinceShown++;
        if (sinceShown >= EVERY) {
            sinceShown = 0;
            return true;
        }
        return false;
    }

    /** The samples, oldest first. */
    public double[] values() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) % SECONDS];
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(values());
    }
}
