package dev.berth.layers;

import static org.assertj.core.api.Assertions.assertThat;



import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Dockerfile instructions back out of what each builder records in the history. */
class InstructionTest {

    @Test
    void classicMetadataSteps() {
        Instruction cmd = Instruction.fromHistory("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]");
        assertThat(cmd.keyword()).isEqualTo("CMD");
        assertThat(cmd.text()).isEqualTo("CMD [\"/bin/sh\"]");
        assertThat(Instruction.fromHistory("/bin/sh -c #(nop) WORKDIR /app").text()).isEqualTo("WORKDIR /app");
        assertThat(Instruction.fromHistory("/bin/sh -c #(nop) COPY file:7027c77992f5b5a06465828d75ae4ff9adcec5f94bc05d3f683eb205e0ec1ac0 in /bin/busybox ")
                .textWithoutContentHashes()).isEqualTo("COPY file:… in /bin/busybox");
    }

    @Test
    void classicRunStepsWithAndWithoutBuildArgs() {
        assertThat(Instruction.fromHistory("/bin/sh -c apt-get update").text()).isEqualTo("RUN apt-get update");
        Instruction withArgs = Instruction.fromHistory("|2 VERSION=1.2 NAME=two words /bin/sh -c echo $VERSION");
        assertThat(withArgs.text()).isEqualTo("RUN echo $VERSION");
        assertThat(withArgs.buildArgs()).containsExactlyEntriesOf(Map.of("VERSION", "1.2", "NAME", "two words"));
        // Exec form: the classic builder records the bare command.
        assertThat(Instruction.fromHistory("/bin/busybox --install -s /bin").text())
                .isEqualTo("RUN /bin/busybox --install -s /bin");
    }

    @Test
    void buildkitSteps() {
        Instruction run = Instruction.fromHistory("RUN |1 VERSION=2 /bin/sh -c make # buildkit");
        assertThat(run.text()).isEqualTo("RUN make");
        assertThat(run.buildArgs()).containsEntry("VERSION", "2");
        assertThat(Instruction.fromHistory("RUN /bin/sh -c echo hi # buildkit").text()).isEqualTo("RUN echo hi");
        assertThat(Instruction.fromHistory("COPY . /app # buildkit").text()).isEqualTo("COPY . /app");
        assertThat(Instruction.fromHistory("ENV A=1").keyword()).isEqualTo("ENV");
        assertThat(Instruction.fromHistory("WORKDIR /app").writesFiles()).isFalse();
        assertThat(Instruction.fromHistory("COPY . /app # buildkit").writesFiles()).isTrue();
    }
}
