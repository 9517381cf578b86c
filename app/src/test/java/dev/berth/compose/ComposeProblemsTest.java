package dev.berth.compose;

import static dev.berth.compose.ParserFixtures.FILE;
import static dev.berth.compose.ParserFixtures.parse;
import static dev.berth.compose.ParserFixtures.problems;
import static dev.berth.compose.ParserFixtures.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.engine.RestartPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compose files Berth refuses or warns about: each problem at its line and column. */
class ComposeProblemsTest {

    @Test
    void aYamlSyntaxErrorIsOneProblemAtItsPlace() {
        assertThat(problems("services:\n  web:\n    image: nginx\n   ports: []\n")).containsExactly(
                tuple(4, 4, "not valid YAML: this line is indented differently from the lines above it"));
        assertThat(problems("services:\n  web:\n    image: nginx: latest\n    ports: [80, 8080\n"))
                .containsExactly(tuple(3, 17, "not valid YAML: mapping values are not allowed here"));
    }

    @Test
    void anEmptyFileHasNoServices() {
        assertThat(problems("")).containsExactly(tuple(1, 1, "the file has no services"));
        assertThat(problems("- web\n")).extracting(t -> t.toList().get(0)).containsExactly(1);
        assertThat(problems("name: x\n")).containsExactly(tuple(1, 1, "the file has no services"));
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondOccurrence() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    image: httpd\n"))
                .containsExactly(tuple(4, 5, "services.web: duplicate key 'image' (first on line 3)"));
    }

    @Test
    void aMistypedKeyNamesTheKeyItProbablyMeant() {
        assertThat(problems("services:\n  web:\n    imgae: nginx\n")).containsExactly(
                tuple(2, 3, "services.web: service 'web' needs an image: or a build:"),
                tuple(3, 5, "services.web: unknown key 'imgae'; did you mean 'image'?"));
        assertThat(problems("servics:\n  web: {image: nginx}\n")).contains(
                tuple(1, 1, "unknown key 'servics'; did you mean 'services'?"));
    }

    @Test
    void aBadPortNamesItsLineAndColumn() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    ports:\n      - \"8080:80\"\n      - \"8080:80/tpc\"\n"))
                .containsExactly(tuple(6, 9, "services.web.ports[1]: Unknown protocol 'tpc': use tcp, udp or sctp"));
    }

    @Test
    void aBadFieldOfALongPortIsReportedAtThatField() {
        assertThat(problems("""
                services:
                  web:
                    image: nginx
                    ports:
                      - target: 80
                        published: http
                        protocol: tpc
                      - published: 8080
                """)).containsExactly(
                tuple(6, 20, "services.web.ports[0].published: 'http' is not a port number or range"),
                tuple(7, 19, "services.web.ports[0].protocol: Unknown protocol 'tpc': use tcp, udp or sctp"),
                tuple(8, 9, "services.web.ports[1]: a port needs a target: the port inside the container"));
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtThatValue() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    ports: 80\n    labels: [[a]]\n")).containsExactly(
                tuple(4, 12, "services.web.ports: expected a list, not a single value"),
                tuple(5, 14, "services.web.labels[0]: expected a single value, not a list"));
    }

    @Test
    void aNamedVolumeMustBeDeclaredAtTheTop() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    volumes:\n      - data:/data\n"))
                .containsExactly(tuple(5, 9, "services.web.volumes[0]: volume 'data' is not declared under the"
                        + " top-level volumes:"));
    }

    @Test
    void aLongVolumeIsReportedAtTheFieldThatIsWrong() {
        assertThat(problems("""
                services:
                  web:
                    image: nginx
                    volumes:
                      - type: volume
                        source: data
                        target: /data
                      - source: ./x
                        target: /x
                      - {type: bind, source: ., target: relative}
                """)).containsExactly(
                tuple(6, 17, "services.web.volumes[0].source: volume 'data' is not declared under the top-level volumes:"),
                tuple(8, 9, "services.web.volumes[1]: type is missing: use volume, bind or tmpfs"),
                tuple(10, 41, "services.web.volumes[2].target: Container paths are absolute: start with /"));
    }

    @Test
    void aNetworkMustBeDeclaredAtTheTopUnlessItIsTheDefault() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    networks: [default, back]\n"))
                .containsExactly(tuple(4, 25, "services.web.networks[1]: network 'back' is not declared under the"
                        + " top-level networks:"));
    }

    @Test
    void aDependencyOnAnUnknownServiceIsReported() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    depends_on: [cache]\n"))
                .containsExactly(tuple(4, 18, "services.web.depends_on[0]: service 'cache' is not defined in this file"));
    }

    @Test
    void aDependencyCycleIsReportedOnceWhereItCloses() {
        assertThat(problems("""
                services:
                  web:
                    image: nginx
                    depends_on: [api]
                  api:
                    image: nginx
                    depends_on:
                      worker: {condition: service_started}
                  worker:
                    image: nginx
                    depends_on: [web]
                  self:
                    image: nginx
                    depends_on: [self]
                """)).containsExactly(
                tuple(11, 18, "services.worker.depends_on[0]: dependency cycle: web -> api -> worker -> web"),
                tuple(14, 18, "services.self.depends_on[0]: service 'self' depends on itself"));
    }

    @Test
    void aServiceWithoutImageOrBuildIsReportedAtItsKey() {
        assertThat(problems("services:\n  web:\n    ports: [\"80\"]\n  db:\n"))
                .containsExactly(tuple(2, 3, "services.web: service 'web' needs an image: or a build:"),
                        tuple(4, 3, "services.db: service 'db' needs an image: or a build:"));
    }

    @Test
    void aBadRestartPolicyNamesTheChoices() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    restart: sometimes\n")).containsExactly(
                tuple(4, 14, "services.web.restart: 'sometimes' is not a restart policy: use no, always,"
                        + " unless-stopped or on-failure[:N]"));
        assertThat(parse("services:\n  web: {image: nginx, restart: no}").services().get(0).restart())
                .isEqualTo(RestartPolicy.NO);
    }

    @Test
    void aRequiredVariableWithoutAValueGivesItsMessageAtTheValue() {
        assertThat(problems("services:\n  web:\n    image: ${TAG:?need TAG}\n    command: echo ${X\n")).containsExactly(
                tuple(3, 12, "services.web.image: required variable TAG is missing a value: need TAG"),
                tuple(4, 14, "services.web.command: '${' is not closed with '}' (write $$ for a literal $)"));
    }

    @Test
    void everyProblemIsCollectedInFileOrder() {
        assertThat(problems("""
                services:
                  web:
                    image: nginx
                    ports: ["99999"]
                    restart: never
                  db:
                    build: .
                    container_name: "-db"
                    networks: [back]
                """)).extracting(t -> t.toList().get(0)).containsExactly(4, 5, 8, 9);
    }

    @Test
    void keysBerthDoesNotApplyAreWarningsAndExtensionsAreIgnored() {
        assertThat(warnings("""
                x-shared: {anything: goes}
                services:
                  web:
                    image: nginx${TAG}
                    healthcheck: {test: [CMD, true], start_interval: 1s}
                    x-note: ignored
                    depends_on:
                      db: {condition: service_healthy}
                  db: {image: postgres, cap_add: [NET_ADMIN]}
                secrets: {}
                """, Map.of())).containsExactly(
                tuple(4, 12, "services.web.image: variable TAG is not set; using an empty string"),
                tuple(5, 38, "services.web.healthcheck.start_interval: healthcheck start_interval is not applied"
                        + " by Berth"),
                tuple(9, 25, "services.db.cap_add: cap_add is not applied by Berth"),
                tuple(10, 1, "secrets: secrets are not applied by Berth"));
    }

    @Test
    void aBadProfileNameIsReportedAtIt() {
        assertThat(problems("services:\n  web: {image: nginx, profiles: [ok, -bad]}\n"))
                .containsExactly(tuple(2, 38, "services.web.profiles[1]: a profile name uses letters, digits, '_',"
                        + " '.' and '-', starting with a letter or digit"));
    }

    @Test
    void aBadHealthcheckNamesTheFieldThatIsWrong() {
        assertThat(problems("""
                services:
                  db:
                    image: postgres
                    healthcheck:
                      test: [pg_isready]
                      interval: 5 seconds
                      retries: many
                """)).containsExactly(
                tuple(5, 13, "services.db.healthcheck.test: a test list starts with CMD, CMD-SHELL or NONE,"
                        + " e.g. [CMD, pg_isready]"),
                tuple(6, 17, "services.db.healthcheck.interval: '5 seconds' is not a duration: write e.g. 10s,"
                        + " 1m30s or 500ms"),
                tuple(7, 16, "services.db.healthcheck.retries: retries is a whole number, e.g. 3"));
    }

    @Test
    void aMissingEnvFileIsReportedAtItsPath() {
        assertThat(problems("services:\n  web:\n    image: nginx\n    env_file: [missing.env]\n"))
                .containsExactly(tuple(4, 16, "services.web.env_file[0]: the env file "
                        + FILE.resolveSibling("missing.env") + " does not exist"));
        assertThat(parse("services:\n  web:\n    image: nginx\n    env_file: [{path: missing.env, required: false}]\n")
                .services()).hasSize(1);
    }
}
