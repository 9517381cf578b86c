package dev.berth.testing;

import dev.berth.engine.ContainerSpec;
import dev.berth.engine.ContainerSummary;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineException;
import dev.berth.engine.ImageSummary;
import dev.berth.engine.NetworkSummary;
import dev.berth.engine.VolumeSummary;
import java.util.UUID;

/**
 * Labels everything a test run creates and removes it afterwards. The label value is unique per
 * JVM, so parallel runs on one engine never remove each other's containers.
 */
public final class TestResources {

    public static final String LABEL = "dev.berth.test";
    public static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);

    private TestResources() {
    }

    /** A name no other run uses: {@code berth-test-<run>-<suffix>}. */
    public static String name(String suffix) {
        return "berth-test-" + RUN_ID + "-" + suffix;
    }

    /** A labelled busybox container spec that stops promptly on SIGTERM. */
    public static ContainerSpec sleeper(String suffix) {
        return ContainerSpec.of(TestImages.BUSYBOX)
                .withName(name(suffix))
                .withCommand("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done")
                .withLabel(LABEL, RUN_ID);
    }

    /** Removes every image this run built or tagged (after its containers are gone). */
    public static void removeImages(Engine engine) {
        for (ImageSummary image : engine.images().listByLabel(LABEL, RUN_ID)) {
            try {
                engine.images().remove(image.id(), true);
            } catch (EngineException e) {
                if (!e.isNotFound() && !e.isConflict()) {
                    throw e;
                }
            }
        }
    }

    /** Removes every container this run created. */
    public static void removeAll(Engine engine) {
        for (ContainerSummary c : engine.containers().listByLabel(LABEL, RUN_ID)) {
            try {
                engine.containers().remove(c.id(), true, true);
            } catch (EngineException e) {
                if (!e.isNotFound() && !e.isConflict()) {
                    throw e;
                }
            }
        }
    }

    /** Removes every volume this run created (after the containers that mount them). */
    public static void removeVolumes(Engine engine) {
        for (VolumeSummary v : engine.volumes().list()) {
            if (RUN_ID.equals(v.labels().get(LABEL))) {
                try {
                    engine.volumes().remove(v.name());
                } catch (EngineException e) {
                    if (!e.isNotFound() && !e.isConflict()) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Removes every network this run created (after the containers attached to them). */
    public static void removeNetworks(Engine engine) {
        for (NetworkSummary n : engine.networks().list()) {
            if (RUN_ID.equals(n.labels().get(LABEL))) {
                try {
                    engine.networks().remove(n.id());
                } catch (EngineException e) {
                    if (!e.isNotFound() && !e.isConflict()) {
                        throw e;
                    }
                }
            }
        }
    }
}
