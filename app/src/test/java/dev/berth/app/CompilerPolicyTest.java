package dev.berth.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerPolicyTest {

    /** Checked in a JVM of its own: adding them here would change how this test run is compiled. */
    @Test
    void theJvmAcceptsBothDirectives(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("directives.json");
        Files.writeString(file, CompilerPolicy.DIRECTIVES);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + file, "-XX:+CompilerDirectivesPrint", "-version")
                .redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(out).isZero();
        assertThat(out).contains("2 compiler directives added");
        // The SHA-256 provider keeps C2; everything else is left to C1.
        assertThat(out.indexOf("matching: sun/security/provider/*.*")).isPositive()
                .isLessThan(out.indexOf("matching: *.*"));
    }
}
