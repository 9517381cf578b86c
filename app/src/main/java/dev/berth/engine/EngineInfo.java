package dev.berth.engine;

/**
 * What the status bar shows about the engine Berth is connected to.
 *
 * @param product    "Docker Engine - Community", "Podman Engine", ...
 * @param name       the engine host's name
 * @param version    engine version, e.g. 20.10.24
 * @param apiVersion API version the engine speaks, e.g. 1.41
 * @param os         operating system, e.g. linux
 * @param arch       CPU architecture, e.g. amd64
 */
public record EngineInfo(String product, String name, String version, String apiVersion, String os, String arch,
                         EngineEndpoint endpoint) {

    public boolean isPodman() {
        return product != null && product.toLowerCase().contains("podman");
    }

    /** "Docker Engine 20.10.24 · API 1.41 · linux/amd64". */
    public String summary() {
        String productName = isPodman() ? "Podman" : "Docker Engine";
        return productName + " " + version + " · API " + apiVersion + " · " + os + "/" + arch;
    }
}
