package dev.berth.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.ContainerSpec;
import dev.berth.engine.Engine;
import dev.berth.engine.EngineEndpoint;
import dev.berth.engine.EngineStream;
import dev.berth.engine.LogQuery;
import dev.berth.testing.Await;
import dev.berth.testing.SocketProxy;
import dev.berth.testing.RealEngine;
import dev.berth.testing.TestEngine;
import dev.berth.testing.TestImages;
import dev.berth.testing.TestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a real container's log through a restart, a stop and start, and its removal. */
@RealEngine
class LogFollowerTest {

    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = TestEngine.shared();
    }


    /** Prints "run" once per start, then numbered lines; exits with code 3 on SIGTERM. */
    private static String counter(String suffix) {
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name(suffix))
                .withCommand("sh", "-c", "trap 'echo stopping >&2; exit 3' TERM; echo run; i=0; "
                        + "while true; do i=$((i+1)); echo \"line $i\"; sleep 0.1; done")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(id);
        return id;
    }

    private static final class Recorder implements LogFollower.Listener {
        final List<LogEntry> entries = Collections.synchronizedList(new ArrayList<>());
        final List<LogNote> notes = Collections.synchronizedList(new ArrayList<>());
        final List<Object> sequence = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean ended = new AtomicBoolean();

        @Override
        public void entries(List<LogEntry> batch) {
            entries.addAll(batch);
            batch.forEach(e -> sequence.add(e.text().text()));
        }

        @Override
        public void note(LogNote note) {
            notes.add(note);
            sequence.add(note.kind());
        }

        @Override
        public void ended() {
            ended.set(true);
        }

        long count(String text) {
            synchronized (entries) {
                return entries.stream().filter(e -> e.text().text().equals(text)).count();
            }
        }

        boolean noted(LogNote.Kind kind) {
            synchronized (notes) {
                return notes.stream().anyMatch(n -> n.kind() == kind);
            }
        }
    }

    @Test
    void followsAcrossARestartWithoutRepeatingLinesAndEndsWithANoteWhenRemoved() {
        String id = counter("follow-restart");
        Recorder recorder = new Recorder();
        try (LogFollower follower = LogFollower.start(engine, id, LogQuery.tail(1000), recorder)) {
            Await.until("the first lines", Duration.ofSeconds(15), () -> recorder.count("line 3") == 1);

            engine.containers().restart(id);

            Await.until("the second run's lines", Duration.ofSeconds(20), () -> recorder.count("run") == 2
                    && recorder.count("line 2") == 2);
            assertThat(recorder.noted(LogNote.Kind.EXITED) || recorder.noted(LogNote.Kind.STARTED)).isTrue();
            assertThat(recorder.count("line 1")).isEqualTo(2);
            assertThat(recorder.count("stopping")).isEqualTo(1);
            assertThat(recorder.entries.stream().filter(e -> e.text().text().equals("stopping")).findFirst().orElseThrow()
                    .isStderr()).isTrue();
            assertThat(recorder.entries).allMatch(LogEntry::hasTime);

            engine.containers().remove(id, true, false);

            Await.until("the removal note", Duration.ofSeconds(15), () -> recorder.noted(LogNote.Kind.REMOVED));
            Await.until("the follower to end", Duration.ofSeconds(5), recorder.ended::get);
            assertThat(recorder.notes.get(recorder.notes.size() - 1).text()).isEqualTo("Container removed");
        }
    }

    @Test
    void aStopShowsTheExitCodeAndAStartContinuesTheSameView() {
        String id = counter("follow-stop");
        Recorder recorder = new Recorder();
        try (LogFollower follower = LogFollower.start(engine, id, LogQuery.tail(1000), recorder)) {
            Await.until("the first lines", Duration.ofSeconds(15), () -> recorder.count("line 2") == 1);

            engine.containers().stop(id);

            Await.until("the exit note", Duration.ofSeconds(15), () -> recorder.noted(LogNote.Kind.EXITED));
            assertThat(recorder.notes).anyMatch(n -> n.text().equals("Container exited with code 3"));
            long linesBeforeStart = recorder.entries.size();

            engine.containers().start(id);

            Await.until("lines of the new run", Duration.ofSeconds(15), () -> recorder.count("run") == 2
                    && recorder.count("line 1") == 2);
            assertThat(recorder.noted(LogNote.Kind.STARTED)).isTrue();
            assertThat(recorder.entries.size()).isGreaterThan((int) linesBeforeStart);
            // The note sits between the runs: after the last line of the first run.
            int exited = recorder.sequence.indexOf(LogNote.Kind.EXITED);
            int secondRun = recorder.sequence.lastIndexOf("run");
            assertThat(exited).isLessThan(secondRun);
            assertThat(recorder.ended.get()).isFalse();
        }
    }

    @Test
    void losingTheEngineShowsANoteAndTheLogContinuesWithoutRepeatsWhenItIsBack(@TempDir Path dir) throws Exception {
        String id = counter("follow-reconnect");
        Path engineSocket = Path.of(URI.create(TestEngine.endpoint().uri()).getPath());
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), engineSocket)) {
            proxy.start();
            try (Engine relayed = TestEngine.connectTo(List.of(new EngineEndpoint(proxy.uri(), "test relay")))) {
                Recorder recorder = new Recorder();
                try (LogFollower follower = LogFollower.start(relayed, id, LogQuery.tail(1000), recorder)) {
                    Await.until("the first lines", Duration.ofSeconds(15), () -> recorder.count("line 3") == 1);

                    proxy.stop();
                    Await.until("the lost-engine note", Duration.ofSeconds(15),
                            () -> recorder.noted(LogNote.Kind.ENGINE_LOST));
                    int seen = recorder.entries.size();
                    proxy.start();

                    Await.until("the reconnected note and new lines", Duration.ofSeconds(20),
                            () -> recorder.noted(LogNote.Kind.RECONNECTED) && recorder.entries.size() > seen + 3);
                    // Every line of the run arrives exactly once, before and after the gap.
                    long last = recorder.entries.stream().map(e -> e.text().text()).filter(t -> t.startsWith("line "))
                            .mapToLong(t -> Long.parseLong(t.substring(5))).max().orElseThrow();
                    for (long i = 1; i <= last; i++) {
                        assertThat(recorder.count("line " + i)).as("line %d", i).isEqualTo(1);
                    }
                }
            }
        }
    }

    /** Logs "line 1" to "line {@code history}" at once, then a line every 0.1 s. */
    private static String withHistory(String suffix, int history) {
        String id = engine.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .withName(TestResources.name(suffix))
                .withCommand("sh", "-c", "awk 'BEGIN { for (i = 1; i <= " + history + "; i++) print \"line \" i }'; i="
                        + history + "; while true; do i=$((i+1)); echo \"line $i\"; sleep 0.1; done")
                .withLabel(TestResources.LABEL, TestResources.RUN_ID));
        engine.containers().start(id);
        Await.until("the history to be in the log", Duration.ofSeconds(15), () -> lastLogged(id) > history);
        return id;
    }

    /** Every line from 1 to the last one seen arrived once, in order; returns the last number. */
    private static long assertEveryLineOnceInOrder(Recorder recorder) {
        List<Long> numbers;
        synchronized (recorder.entries) {
            numbers = recorder.entries.stream().map(e -> e.text().text()).filter(t -> t.startsWith("line "))
                    .map(t -> Long.parseLong(t.substring(5))).toList();
        }
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("entry %d", i).isEqualTo(i + 1L);
        }
        return numbers.size();
    }

    @Test
    void aWholeHistoryWithoutTimesGoesOnWithTimedLiveLinesWithoutGapsOrRepeats() {
        String id = withHistory("plain-history", 5000);
        Recorder recorder = new Recorder();
        try (LogFollower follower = LogFollower.start(engine, id, LogQuery.all().withTimestamps(false), recorder)) {
            Await.until("live lines after the history", Duration.ofSeconds(20), () -> recorder.count("line 5010") == 1);

            long last = assertEveryLineOnceInOrder(recorder);
            assertThat(last).isGreaterThanOrEqualTo(5010);
            // The history came without times (the engine's cheaper stream); what was logged later, with.
            assertThat(recorder.entries.get(0).hasTime()).isFalse();
            assertThat(recorder.entries.get(recorder.entries.size() - 1).hasTime()).isTrue();
        }
    }

    @Test
    void aHistoryReadThatBreaksOffContinuesWhereItStopped(@TempDir Path dir) throws Exception {
        String id = withHistory("plain-history-cut", 30_000);
        Path engineSocket = Path.of(URI.create(TestEngine.endpoint().uri()).getPath());
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), engineSocket)) {
            proxy.start();
            try (Engine relayed = TestEngine.connectTo(List.of(new EngineEndpoint(proxy.uri(), "test relay")))) {
                // 30,000 frames of about 19 bytes: cut the history's response a third of the way in.
                proxy.cutOnceAfter(200_000);
                Recorder recorder = new Recorder();
                try (LogFollower follower = LogFollower.start(relayed, id, LogQuery.all().withTimestamps(false),
                        recorder)) {
                    Await.until("live lines after the history", Duration.ofSeconds(20),
                            () -> recorder.count("line 30005") == 1);

                    assertThat(proxy.cuts()).isEqualTo(1);
                    assertThat(assertEveryLineOnceInOrder(recorder)).isGreaterThanOrEqualTo(30_005);
                    assertThat(recorder.notes).isEmpty();
                }
            }
        }
    }

    /** The number of the last "line N" the container logged, or 0. */
    private static long lastLogged(String id) {
        try (EngineStream stream = engine.logs().open(id, LogQuery.tail(1).withFollow(false).withTimestamps(false))) {
            String text = new String(stream.body().readAllBytes(), StandardCharsets.ISO_8859_1).trim();
            int at = text.lastIndexOf("line ");
            return at < 0 ? 0 : Long.parseLong(text.substring(at + 5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownContainerEndsAtOnceWithANote() {
        Recorder recorder = new Recorder();
        try (LogFollower follower = LogFollower.start(engine, "berth-no-such-container-" + TestResources.RUN_ID,
                LogQuery.tail(10), recorder)) {
            Await.until("the follower to end", Duration.ofSeconds(10), recorder.ended::get);
            assertThat(recorder.notes).extracting(LogNote::text).containsExactly("No such container");
        }
    }
}
