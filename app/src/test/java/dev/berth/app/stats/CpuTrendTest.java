package dev.berth.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTrendTest {

    @Test
    void asksForARedrawEveryFewSamplesAndKeepsTheNewestOldestFirst() {
        CpuTrend trend = new CpuTrend();
        int redraws = 0;
        for (int i = 1; i <= CpuTrend.SECONDS + 3; i++) {
            if (trend.add(i)) {
                redraws++;
            }
        }
        assertThat(redraws).isEqualTo((CpuTrend.SECONDS + 3) / CpuTrend.EVERY);
        double[] values = trend.values();
        assertThat(values).hasSize(CpuTrend.SECONDS);
        assertThat(values[0]).isEqualTo(4.0);
        assertThat(values[values.length - 1]).isEqualTo(CpuTrend.SECONDS + 3.0);
    }

    @Test
    void aNewTrendHoldsOnlyWhatWasAdded() {
        CpuTrend trend = new CpuTrend();
        assertThat(trend.values()).isEmpty();
        assertThat(trend.add(12.5)).isFalse();
        assertThat(trend.values()).containsExactly(12.5);
    }
}
