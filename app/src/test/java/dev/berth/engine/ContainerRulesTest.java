package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerRulesTest {

    @Test
    void namesFollowTheEnginesPattern() {
        assertThat(ContainerRules.name("")).isEmpty();
        assertThat(ContainerRules.name("web-1.blue_2")).isEmpty();
        assertThat(ContainerRules.name("9lives")).isEmpty();
        assertThat(ContainerRules.name("w")).contains("A name needs at least 2 characters");
        assertThat(ContainerRules.name("-web")).get().asString().contains("starting with a letter or digit");
        assertThat(ContainerRules.name("my web")).get().asString().contains("Use letters, digits");
        assertThat(ContainerRules.name("web/1")).isPresent();
        assertThat(ContainerRules.volumeName("data_1")).isEmpty();
        assertThat(ContainerRules.volumeName("/data")).isPresent();
    }

    @Test
    void imagesFollowTheReferenceGrammar() {
        assertThat(ContainerRules.image("berth-test/busybox:1")).isEmpty();
        assertThat(ContainerRules.image("registry.example.com:5000/team/app:v1.2-rc_3")).isEmpty();
        assertThat(ContainerRules.image("ubuntu@sha256:" + "a".repeat(64))).isEmpty();
        assertThat(ContainerRules.image("")).contains("Enter an image reference, e.g. busybox:latest");
        assertThat(ContainerRules.image("Busybox")).contains("Repository names must be lowercase: \"Busybox\"");
        assertThat(ContainerRules.image("nginx:-bad")).get().asString().startsWith("Invalid tag \"-bad\"");
        assertThat(ContainerRules.image("nginx@sha256:xyz")).get().asString().startsWith("Invalid digest");
        assertThat(ContainerRules.image("a//b")).get().asString().startsWith("Invalid repository name");
    }

    @Test
    void portsAndProtocols() {
        assertThat(ContainerRules.port("127.0.0.1:8080:80/udp")).isEmpty();
        assertThat(ContainerRules.port("65536")).get().asString().contains("out of range (1-65535)");
        assertThat(ContainerRules.protocol("sctp")).isEmpty();
        assertThat(ContainerRules.protocol("icmp")).contains("Unknown protocol 'icmp': use tcp, udp or sctp");
    }

    @Test
    void containerAndHostPathsAreAbsolute() {
        assertThat(ContainerRules.containerPath("/data")).isEmpty();
        assertThat(ContainerRules.containerPath("data")).contains("Container paths are absolute: start with /");
        assertThat(ContainerRules.containerPath("")).isPresent();
        assertThat(ContainerRules.containerPath("//")).contains("Cannot mount over the container's root /");
        assertThat(ContainerRules.hostPath("/srv/data")).isEmpty();
        assertThat(ContainerRules.hostPath("C:\\data")).isEmpty();
        assertThat(ContainerRules.hostPath("./data")).contains("Host paths are absolute: start with /");
        assertThat(ContainerRules.workingDir("")).isEmpty();
        assertThat(ContainerRules.workingDir("app")).isPresent();
    }

    @Test
    void usersKeysRetriesAndSizes() {
        assertThat(ContainerRules.user("1000:1000")).isEmpty();
        assertThat(ContainerRules.user("www-data")).isEmpty();
        assertThat(ContainerRules.user("a b")).isPresent();
        assertThat(ContainerRules.user("a:b:c")).isPresent();
        assertThat(ContainerRules.envKey("PATH")).isEmpty();
        assertThat(ContainerRules.envKey("A=B")).contains("A variable name cannot contain '='");
        assertThat(ContainerRules.envKey("")).isPresent();
        assertThat(ContainerRules.labelKey("com.example.team")).isEmpty();
        assertThat(ContainerRules.labelKey("a b")).isPresent();
        assertThat(ContainerRules.maxRetries("3")).isEmpty();
        assertThat(ContainerRules.maxRetries("-1")).contains("Retries cannot be negative");
        assertThat(ContainerRules.maxRetries("x")).isPresent();
        assertThat(ContainerRules.size("64m")).isEmpty();
        assertThat(ContainerRules.size("64 MB")).isEmpty();
        assertThat(ContainerRules.size("lots")).isPresent();
        assertThat(ContainerRules.sizeBytes("64m")).isEqualTo(64L * 1024 * 1024);
        assertThat(ContainerRules.sizeBytes("1.5k")).isEqualTo(1536);
        assertThat(ContainerRules.sizeBytes("100")).isEqualTo(100);
        assertThat(ContainerRules.sizeBytes("")).isZero();
    }

    @Test
    void autoRemoveExcludesARestartPolicy() {
        assertThat(ContainerRules.restartWithAutoRemove(RestartPolicy.of(RestartPolicy.Kind.ALWAYS), true)).isPresent();
        assertThat(ContainerRules.restartWithAutoRemove(RestartPolicy.NO, true)).isEmpty();
        assertThat(ContainerRules.restartWithAutoRemove(RestartPolicy.onFailure(3), false)).isEmpty();
        assertThat(RestartPolicy.onFailure(3).cliValue()).isEqualTo("on-failure:3");
        assertThat(RestartPolicy.of(RestartPolicy.Kind.UNLESS_STOPPED).cliValue()).isEqualTo("unless-stopped");
        assertThat(RestartPolicy.Kind.of("on-failure")).isEqualTo(RestartPolicy.Kind.ON_FAILURE);
        assertThat(RestartPolicy.Kind.of("")).isEqualTo(RestartPolicy.Kind.NO);
    }

    @Test
    void engineErrorsPointAtTheFieldTheyConcern() {
        assertThat(SpecField.concernedBy("Driver failed programming external connectivity on endpoint x: "
                + "Bind for 0.0.0.0:8080 failed: port is already allocated")).isEqualTo(SpecField.PORTS);
        assertThat(SpecField.concernedBy("Conflict. The container name \"/web\" is already in use by container "
                + "\"abc\". You have to remove (or rename) that container to be able to reuse that name."))
                .isEqualTo(SpecField.NAME);
        assertThat(SpecField.concernedBy("No such image: nope:1")).isEqualTo(SpecField.IMAGE);
        assertThat(SpecField.concernedBy("Invalid mount config for type \"bind\": bind source path does not exist: /x"))
                .isEqualTo(SpecField.MOUNTS);
        assertThat(SpecField.concernedBy("Network nope not found")).isEqualTo(SpecField.NETWORK);
        assertThat(SpecField.concernedBy("OCI runtime create failed: exec: \"nope\": executable file not found in $PATH"))
                .isEqualTo(SpecField.COMMAND);
        assertThat(SpecField.concernedBy("Cannot read the env file /x: No such file")).isEqualTo(SpecField.ENV_FILE);
        assertThat(SpecField.concernedBy("Something else")).isEqualTo(SpecField.OTHER);
    }
}
