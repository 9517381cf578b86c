package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;



import org.junit.jupiter.api.Test;

/** Wasted bytes counted the right way: the kept copy is not waste, deleted files are. */
class EfficiencyTest {

    @Test
    void overwrittenCopiesAndDeletedFilesAreWastedButTheKeptCopyIsNot() throws Exception {
        LayerStack stack = LayerStackTest.stack(
                new Tars.Layer().file("data", 1000).file("junk", 300).file("keep", 50).tar(),
                new Tars.Layer().file("data", 700).tar(),
                new Tars.Layer().file("data", 400).whiteout("junk").tar());

        Efficiency e = Efficiency.of(stack.layers());

        // data: 1000 + 700 + 400 written, 400 kept → 1700; junk: 300 deleted → 300.
        assertThat(e.totalBytes()).isEqualTo(1000 + 300 + 50 + 700 + 400);
        assertThat(e.wastedBytes()).isEqualTo(1700 + 300);
        assertThat(e.wastedPaths()).isEqualTo(2);
        assertThat(e.wastes().get(0)).extracting(Efficiency.Waste::path, Efficiency.Waste::wastedBytes,
                Efficiency.Waste::copies, Efficiency.Waste::layers, Efficiency.Waste::removed)
                .containsExactly("/data", 1700L, 3, java.util.List.of(0, 1, 2), false);
        assertThat(e.wastes().get(1)).extracting(Efficiency.Waste::path, Efficiency.Waste::layers, Efficiency.Waste::removed)
                .containsExactly("/junk", java.util.List.of(0, 2), true);
        assertThat(e.score()).isEqualTo((2450.0 - 2000) / 2450);
        // Layer 0's data and junk, layer 1's data; layer 2's copy stays.
        assertThat(e.hiddenPerLayer()).containsExactly(1300L, 700L, 0L);
    }

    @Test
    void filesHiddenByAnOpaqueFolderOrADeletedParentAreWasted() throws Exception {
        LayerStack stack = LayerStackTest.stack(
                new Tars.Layer().dir("a").file("a/x", 10).dir("b").file("b/y", 20).tar(),
                new Tars.Layer().dir("a").opaque("a").whiteout("b").tar());

        Efficiency e = Efficiency.of(stack.layers());

        assertThat(e.wastedBytes()).isEqualTo(30);
        assertThat(e.hiddenPerLayer()).containsExactly(30L, 0L);
        assertThat(e.score()).isZero();
    }

    @Test
    void anImageWithoutRewritesWastesNothing() throws Exception {
        LayerStack stack = LayerStackTest.stack(new Tars.Layer().file("a", 10).tar(), new Tars.Layer().file("b", 5).tar());

        Efficiency e = Efficiency.of(stack.layers());

        assertThat(e.wastedBytes()).isZero();
        assertThat(e.wastes()).isEmpty();
        assertThat(e.score()).isEqualTo(1.0);
    }
}
