package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void theEnginesJsonMessageIsWhatTheUserReads() {
        var error = new ConflictException("Status 409: {\"message\":\"conflict: unable to remove repository reference\"}\n");

        assertThat(ErrorMessages.describe(error)).isEqualTo("Conflict: unable to remove repository reference");
        assertThat(ErrorMessages.translate(error).status()).isEqualTo(409);
    }

    @Test
    void aRefusedConnectionReadsAsUnreachable() {
        var error = new RuntimeException(new ConnectException("Connection refused"));

        EngineException translated = ErrorMessages.translate(error);

        assertThat(translated.isUnreachable()).isTrue();
        assertThat(ErrorMessages.describe(new CompletionException(error)))
                .isEqualTo("Cannot reach the engine: connection refused");
    }

    @Test
    void aCallRacingWithALostConnectionReadsAsNotConnected() {
        EngineException translated = ErrorMessages.translate(new IllegalStateException("Connection pool shut down"));

        assertThat(translated.isUnreachable()).isTrue();
        assertThat(translated.getMessage()).isEqualTo("Not connected to a container engine");
    }

    @Test
    void plainTextErrorsLoseOnlyTheStatusPrefix() {
        assertThat(ErrorMessages.engineMessage("Status 500: page not found")).isEqualTo("Page not found");
        assertThat(ErrorMessages.engineMessage(null)).isEqualTo("The engine refused the request");
    }
}
