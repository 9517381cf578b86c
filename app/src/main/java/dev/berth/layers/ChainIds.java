package dev.berth.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ChainIDs identify a layer together with everything below it (OCI image spec):
 * {@code ChainID(L0) = DiffID(L0)}, {@code ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln))}.
 * Two images share a leading layer exactly when their ChainIDs at that position are equal.
 */
public final class ChainIds {

    private ChainIds() {
    }

    public static List<String> of(List<String> diffIds) {
        List<String> out = new ArrayList<>(diffIds.size());
        String chain = null;
        for (String diffId : diffIds) {
            chain = chain == null ? diffId
                    : ArchiveReader.sha256((chain + " " + diffId).getBytes(StandardCharsets.UTF_8));
            out.add(chain);
        }
        return out;
    }

    /** How many leading layers two images share. */
    public static int sharedPrefix(List<String> diffIdsA, List<String> diffIdsB) {
        List<String> a = of(diffIdsA);
        List<String> b = of(diffIdsB);
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }
}
