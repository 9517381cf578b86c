package dev.berth.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pull stream messages (in the engine's wording) into layer phases and an overall fraction. */
class TransferProgressTest {

    private final List<String> messages = new ArrayList<>();
    private final TransferProgress progress = new TransferProgress(new TransferListener() {
        @Override
        public void message(String text) {
            messages.add(text);
        }
    });

    @Test
    void followsEachLayerThroughItsPhasesAndWeighsBySize() throws Exception {
        feed("{\"status\":\"Pulling from berth/app\",\"id\":\"1\"}",
                "{\"status\":\"Already exists\",\"progressDetail\":{},\"id\":\"aaa\"}",
                "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"big\"}",
                "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"small\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":4000000,\"total\":8000000},\"id\":\"big\"}",
                "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1000,\"total\":2000},\"id\":\"small\"}");

        double half = TransferProgress.overall(progress.layers());
        assertThat(half).isBetween(0.34, 0.36);

        feed("{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"small\"}",
                "{\"status\":\"Extracting\",\"progressDetail\":{\"current\":2000,\"total\":2000},\"id\":\"small\"}",
                "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"small\"}");
        LayerProgress small = progress.layers().stream().filter(l -> l.id().equals("small")).findFirst().orElseThrow();
        assertThat(small.phase()).isEqualTo(LayerProgress.Phase.DONE);
        assertThat(small.total()).isEqualTo(2000);
        // A finished small layer barely moves the bar: the big one still has most of the work.
        assertThat(TransferProgress.overall(progress.layers())).isBetween(half, 0.36);

        feed("{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"big\"}",
                "{\"status\":\"Digest: sha256:abc\"}",
                "{\"status\":\"Status: Downloaded newer image for 127.0.0.1:5000/berth/app:1\"}");
        assertThat(TransferProgress.overall(progress.layers())).isEqualTo(1.0);
        assertThat(progress.digest()).isEqualTo("sha256:abc");
        assertThat(messages).contains("1: Pulling from berth/app", "Status: Downloaded newer image for 127.0.0.1:5000/berth/app:1");
        assertThat(progress.error()).isNull();
    }

    @Test
    void pushPhasesAndErrorsAreRead() throws Exception {
        feed("{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"l1\"}",
                "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512,\"total\":1024},\"id\":\"l1\"}",
                "{\"status\":\"Mounted from berth/base\",\"progressDetail\":{},\"id\":\"l2\"}",
                "{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},\"error\":\"unauthorized: authentication required\"}");

        assertThat(progress.layers()).extracting(LayerProgress::phase)
                .containsExactly(LayerProgress.Phase.PUSHING, LayerProgress.Phase.ALREADY_THERE);
        assertThat(TransferProgress.overall(progress.layers())).isEqualTo(0.5);
        assertThat(progress.error()).isEqualTo("unauthorized: authentication required");
    }

    private void feed(String... json) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String message : json) {
            progress.accept(mapper.readTree(message));
        }
    }
}
