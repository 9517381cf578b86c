package dev.berth.app.containers.details;

import java.util.List;
import java.util.Locale;

/** Which environment variables hold secrets, so the details pane hides their values until asked. */
public final class SecretMask {

    /** Parts of a name that suggest a secret: DB_PASSWORD, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, ... */
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "PASSWD", "PASSPHRASE", "TOKEN", "SECRET",
            "KEY", "CREDENTIAL", "PRIVATE");
    /** Shown instead of a secret; always the same length, so it gives nothing away. */
    public static final String MASK = "••••••••";

    private SecretMask() {
    }

    public static boolean isSecret(String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains);
    }
}
