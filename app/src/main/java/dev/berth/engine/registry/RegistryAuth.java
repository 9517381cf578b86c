package dev.berth.engine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials for one registry, as the engine's {@code X-Registry-Auth} header carries them.
 * {@link #toString()} never shows the secret.
 *
 * @param serverAddress the registry as written in {@code config.json} ({@code 127.0.0.1:5000},
 *                      {@code https://index.docker.io/v1/})
 * @param username      user name, or null with an identity token
 * @param password      password or access token, or null with an identity token
 * @param identityToken a refresh token the registry handed out at login, or null
 */
public record RegistryAuth(String serverAddress, String username, String password, String identityToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code X-Registry-Auth} header value: base64url of the JSON auth config. */
    public String toHeader() {
        ObjectNode node = JSON.createObjectNode();
        if (identityToken != null && !identityToken.isEmpty()) {
            node.put("identitytoken", identityToken);
        } else {
            node.put("username", username == null ? "" : username);
            node.put("password", password == null ? "" : password);
        }
        node.put("serveraddress", serverAddress);
        return Base64.getUrlEncoder().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The header for anonymous access (the engine wants one on every push). */
    public static String anonymousHeader() {
        return Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryAuth[" + serverAddress + ", user=" + username + ", secret=" + (password != null
                || identityToken != null ? "***" : "none") + "]";
    }
}
