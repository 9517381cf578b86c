package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.engine.MountSpec;
import dev.berth.engine.PortPublish;
import dev.berth.engine.RestartPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeParserTest {

    private static final Path FILE = Path.of("/projects/shop/compose.yaml").toAbsolutePath();

    private static ComposeProject parse(String yaml) {
        return ComposeParser.parse(FILE, yaml, Map.of());
    }

    private static List<Tuple> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    private static List<Tuple> problems(String yaml, Map<String, String> env) {
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> ComposeParser.parse(FILE, yaml, env));
        assertThat(e).as("the file should not be accepted").isNotNull();
        return e.problems().stream().map(p -> tuple(p.line(), p.column(), p.message())).toList();
    }

    private static List<Tuple> warnings(String yaml, Map<String, String> env) {
        return ComposeParser.parse(FILE, yaml, env).warnings().stream()
                .map(p -> tuple(p.line(), p.column(), p.message())).toList();
    }

    @Test
    void aFullProjectReadsIntoServicesNetworksAndVolumes(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("Shop")).resolve("compose.yaml");
        Files.writeString(file.resolveSibling("web.env"), "# from the file\nFROM_FILE=file\nSHARED=1\n");
        String yaml = """
                services:
                  web:
                    build:
                      context: ./web
                      dockerfile: Dockerfile.dev
                    image: shop/web:${TAG:-dev}
                    command: npm run "start server"
                    ports:
                      - "8080:80"
                      - target: 443
                        published: "8443"
                        host_ip: 127.0.0.1
                        protocol: udp
                    volumes:
                      - data:/var/lib/data
                      - ./site:/usr/share/site:ro
                      - /cache
                    environment:
                      - MODE=production
                      - FROM_FILE=overridden
                    env_file: web.env
                    depends_on:
                      - db
                    networks:
                      - front
                      - back
                    restart: on-failure:3
                    labels:
                      - shop.tier=front
                  db:
                    image: postgres:16
                    entrypoint: ["docker-entrypoint.sh", "-c", "fsync=off"]
                    environment:
                      POSTGRES_PASSWORD: secret
                      PGDATA:
                      NOT_IN_ENV:
                    labels:
                      shop.tier: back
                    restart: unless-stopped
                    working_dir: /srv
                    user: postgres
                    container_name: shop-db
                networks:
                  front:
                  back:
                    driver: bridge
                    labels: {purpose: storage}
                volumes:
                  data:
                    name: shop-data
                """;

        ComposeProject project = ComposeParser.parse(file, yaml, Map.of("PGDATA", "/pgdata"));

        assertThat(project.name()).isEqualTo("shop");
        assertThat(project.file()).isEqualTo(file);
        assertThat(project.warnings()).isEmpty();
        assertThat(project.services()).extracting(ComposeService::name).containsExactly("web", "db");

        ComposeService web = project.service("web").orElseThrow();
        assertThat(web.line()).isEqualTo(2);
        assertThat(web.build()).isEqualTo(new ComposeService.Build(file.getParent().resolve("web"), "Dockerfile.dev"));
        assertThat(web.image()).isEqualTo("shop/web:dev");
        assertThat(web.command()).containsExactly("npm", "run", "start server");
        assertThat(web.entrypoint()).isEmpty();
        assertThat(web.ports()).containsExactly(PortPublish.of(8080, 80),
                new PortPublish("127.0.0.1", 8443, 8443, 443, 443, "udp"));
        assertThat(web.mounts()).containsExactly(MountSpec.volume("data", "/var/lib/data"),
                MountSpec.bind(file.getParent().resolve("site").toString(), "/usr/share/site").asReadOnly(),
                MountSpec.volume("", "/cache"));
        // The env file comes first; environment: wins on the same key.
        assertThat(web.environment()).containsExactly(Map.entry("FROM_FILE", "overridden"), Map.entry("SHARED", "1"),
                Map.entry("MODE", "production"));
        assertThat(web.dependsOn()).containsExactly("db");
        assertThat(web.networks()).containsExactly("front", "back");
        assertThat(web.restart()).isEqualTo(RestartPolicy.onFailure(3));
        assertThat(web.labels()).containsExactly(Map.entry("shop.tier", "front"));
        assertThat(web.containerName()).isNull();

        ComposeService db = project.service("db").orElseThrow();
        assertThat(db.line()).isEqualTo(30);
        assertThat(db.build()).isNull();
        assertThat(db.entrypoint()).containsExactly("docker-entrypoint.sh", "-c", "fsync=off");
        assertThat(db.environment()).containsExactly(Map.entry("POSTGRES_PASSWORD", "secret"),
                Map.entry("PGDATA", "/pgdata"));
        assertThat(db.networks()).isEmpty();
        assertThat(db.labels()).containsExactly(Map.entry("shop.tier", "back"));
        assertThat(db.restart()).isEqualTo(RestartPolicy.of(RestartPolicy.Kind.UNLESS_STOPPED));
        assertThat(db.workingDir()).isEqualTo("/srv");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(db.containerName()).isEqualTo("shop-db");

        assertThat(project.networks()).containsExactly(
                new ComposeResource("front", "shop_front", "", false, Map.of()),
                new ComposeResource("back", "shop_back", "bridge", false, Map.of("purpose", "storage")),
                new ComposeResource("default", "shop_default", "", false, Map.of()));
        assertThat(project.volumes()).containsExactly(new ComposeResource("data", "shop-data", "", false, Map.of()));
    }

    @Test
    void externalResourcesKeepTheirOwnNameAndADeclaredDefaultNetworkIsUsedAsWritten() {
        ComposeProject project = parse("""
                services:
                  web: {image: nginx}
                networks:
                  default: {name: shared-net}
                  proxy: {external: true}
                volumes:
                  certs: {external: true, name: letsencrypt}
                  cache: {driver: local}
                """);
        assertThat(project.networks()).extracting(ComposeResource::key, ComposeResource::engineName,
                ComposeResource::external).containsExactly(tuple("default", "shared-net", false),
                tuple("proxy", "proxy", true));
        assertThat(project.volumes()).extracting(ComposeResource::engineName).containsExactly("letsencrypt", "shop_cache");
    }

    @Test
    void longVolumesAndHomeRelativeBindsBecomeMounts() {
        ComposeService web = parse("""
                services:
                  web:
                    build: ./app
                    volumes:
                      - {type: bind, source: ./conf, target: /etc/app, read_only: true}
                      - {type: volume, source: data, target: /data}
                      - {type: tmpfs, target: /run, tmpfs: {size: 64m}}
                      - ~/cache:/cache
                volumes: {data: }
                """).services().get(0);
        assertThat(web.build()).isEqualTo(new ComposeService.Build(FILE.resolveSibling("app"), "Dockerfile"));
        assertThat(web.mounts()).containsExactly(
                MountSpec.bind(FILE.resolveSibling("conf").toString(), "/etc/app").asReadOnly(),
                MountSpec.volume("data", "/data"), MountSpec.tmpfs("/run", 64L << 20),
                MountSpec.bind(Path.of(System.getProperty("user.home"), "cache").toString(), "/cache"));
    }

    @Test
    void keysWithoutValuesTakeThemFromTheEnvironmentOrAreLeftOut() {
        ComposeProject project = ComposeParser.parse(FILE, """
                services:
                  web:
                    image: nginx
                    environment: [API_KEY, UNSET_KEY, "EMPTY="]
                    labels: [flag, "a=b=c"]
                    command: [echo, "$$HOME"]
                    networks:
                      back: {aliases: [api]}
                networks: {back: }
                """, Map.of("API_KEY", "k"));
        ComposeService web = project.services().get(0);
        assertThat(web.environment()).containsExactly(Map.entry("API_KEY", "k"), Map.entry("EMPTY", ""));
        assertThat(web.labels()).containsExactly(Map.entry("flag", ""), Map.entry("a", "b=c"));
        assertThat(web.command()).containsExactly("echo", "$HOME");
        assertThat(web.networks()).containsExactly("back");
        assertThat(project.warnings()).extracting(ComposeProblem::line, ComposeProblem::column, ComposeProblem::message)
                .containsExactly(tuple(8, 14, "services.web.networks.back.aliases: network aliases is not applied by Berth"));
    }

    @Test
    void theDefaultNetworkIsLeftOutWhenNoServiceUsesIt() {
        ComposeProject project = parse("""
                services:
                  web: {image: nginx, networks: {front: }}
                networks: {front: }
                """);
        assertThat(project.networks()).extracting(ComposeResource::key).containsExactly("front");
    }

    @Test
    void variablesComeFromTheEnvironmentAndDotEnvBesideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  web:\n    image: nginx:${BERTH_TEST_TAG_7Q}\n");
        Files.writeString(dir.resolve(".env"), "BERTH_TEST_TAG_7Q=1.27\n");
        assertThat(ComposeParser.parse(file).service("web").orElseThrow().image()).isEqualTo("nginx:1.27");
    }

    @Test
    void aFileThatCannotBeReadIsOneProblem(@TempDir Path dir) {
        ComposeException e = catchThrowableOfType(ComposeException.class,
                () -> ComposeParser.parse(dir.resolve("compose.yaml")));
        assertThat(e.problems()).extracting(ComposeProblem::line, ComposeProblem::message)
                .containsExactly(tuple(1, "the file does not exist"));
    }

    @Test
    void mergeKeysShareSettingsBetweenServices() {
        ComposeProject project = parse("""
                x-common: &common
                  image: busybox
                  restart: always
                services:
                  one: {<<: *common}
                  two:
                    <<: *common
                    image: alpine
                """);
        assertThat(project.services()).extracting(ComposeService::image, s -> s.restart().kind())
                .containsExactly(tuple("busybox", RestartPolicy.Kind.ALWAYS), tuple("alpine", RestartPolicy.Kind.ALWAYS));
    }

    @Test
    void theProjectNameIsNormalisedAsComposeDoes() {
        assertThat(parse("name: My Shop.2024\nservices: {web: {image: nginx}}").name()).isEqualTo("myshop2024");
        assertThat(parse("name: __Web-App_\nservices: {web: {image: nginx}}").name()).isEqualTo("web-app_");
        ComposeProject fromDirectory = ComposeParser.parse(Path.of("/tmp/My Project!/compose.yaml"),
                "services: {web: {image: nginx}}", Map.of());
        assertThat(fromDirectory.name()).isEqualTo("myproject");
        assertThat(problems("name: '***'\nservices: {web: {image: nginx}}"))
                .containsExactly(tuple(1, 7, "name: '***' has no letter or digit to make a project name of"));
    }

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
                    healthcheck: {test: [CMD, true]}
                    x-note: ignored
                    depends_on:
                      db: {condition: service_healthy}
                  db: {image: postgres, cap_add: [NET_ADMIN]}
                secrets: {}
                """, Map.of())).containsExactly(
                tuple(4, 12, "services.web.image: variable TAG is not set; using an empty string"),
                tuple(5, 5, "services.web.healthcheck: healthcheck is not applied by Berth"),
                tuple(8, 23, "services.web.depends_on.db.condition: service_healthy is not applied by Berth:"
                        + " it starts db first, without waiting for it"),
                tuple(9, 25, "services.db.cap_add: cap_add is not applied by Berth"),
                tuple(10, 1, "secrets: secrets are not applied by Berth"));
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
