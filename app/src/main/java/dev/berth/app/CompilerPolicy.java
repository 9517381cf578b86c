package dev.berth.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * Tells the JVM's just-in-time compiler to leave its optimising tier (C2) out of Berth's code,
 * except for SHA-256. Berth's work is a window, streams and parsing; its hot code is spread thin
 * and keeps changing, so C2 spent more CPU compiling it than its faster code saved: with a table
 * of 30 live containers it was a third of Berth's CPU after minutes, and with a million log lines
 * it made the read slower. The quick tier (C1) compiles all of it for little. SHA-256, which
 * identifies an image's layers, is the exception: only C2 uses the processor's SHA instructions,
 * nine times faster. See docs/decisions/0007-compiler-policy.md.
 *
 * <p>Set through the JVM's own diagnostic command (what {@code jcmd Compiler.directives_add} does),
 * so it holds however Berth was launched. Where that is not available Berth runs as before.
 */
public final class CompilerPolicy {

    private static final Logger LOG = Logger.getLogger(CompilerPolicy.class.getName());

    /** Compiler directives (JEP 165): the first pattern that matches a method applies. */
    static final String DIRECTIVES = """
            [
              { match: ["sun/security/provider/*.*"], c2: { Exclude: false } },
              { match: ["*.*"], c2: { Exclude: true } }
            ]
            """;

    private CompilerPolicy() {
    }

    /** Installs the directives; returns the JVM's answer ("2 compiler directives added"), or null. */
    public static String apply() {
        Path file = null;
        try {
            file = Files.createTempFile("berth-compiler-", ".json");
            Files.writeString(file, DIRECTIVES);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            LOG.fine(() -> "Compiler policy: " + answer);
            return String.valueOf(answer).strip();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "The compiler policy could not be set; the JVM's default applies", e);
            return null;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
