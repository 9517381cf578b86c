package dev.berth.engine;

/**
 * The engine's own description ({@code docker info}), for the System view.
 *
 * @param memoryBytes the memory containers can use in all
 * @param rootDir     where the engine keeps images, containers and volumes on its host
 */
public record EngineDetails(String name, String version, String operatingSystem, String kernel, String architecture,
                            int cpus, long memoryBytes, String storageDriver, String loggingDriver, String cgroupDriver,
                            String cgroupVersion, String rootDir, int containers, int running, int images) {
}
