package dev.berth.compose;

import static dev.berth.compose.ParserFixtures.FILE;
import static dev.berth.compose.ParserFixtures.parse;
import static dev.berth.compose.ParserFixtures.problems;
import static dev.berth.compose.ParserFixtures.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.berth.engine.HealthCheck;
import dev.berth.engine.MountSpec;
import dev.berth.engine.PortPublish;
import dev.berth.engine.RestartPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files Berth accepts, and what they read into. */
class ComposeParserTest {

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
    void composeProjectNameInTheEnvironmentWinsOverNameAsInTheCli() {
        ComposeProject project = ComposeParser.parse(FILE, "name: shop\nservices: {web: {image: nginx}}\n"
                + "volumes: {data: {}}\n", Map.of("COMPOSE_PROJECT_NAME", "Shop-Staging"));
        assertThat(project.name()).isEqualTo("shop-staging");
        assertThat(project.network("default").orElseThrow().engineName()).isEqualTo("shop-staging_default");
        assertThat(ComposeParser.defaultProjectName(Path.of("/srv/My Blog/compose.yaml"))).isEqualTo("myblog");
    }

    @Test
    void aProjectRunUnderAnotherNameRenamesWhatIsNamedAfterIt() {
        ComposeProject project = parse("""
                name: shop
                services: {web: {image: nginx, networks: [front, outside]}}
                networks:
                  front: {}
                  outside: {external: true, name: shared}
                volumes:
                  data: {}
                  logs: {name: fixed-logs}
                """).withName("shop-old");
        assertThat(project.name()).isEqualTo("shop-old");
        assertThat(project.networks()).extracting(ComposeResource::engineName).containsExactly("shop-old_front", "shared");
        assertThat(project.volumes()).extracting(ComposeResource::engineName)
                .containsExactly("shop-old_data", "fixed-logs");
    }

    @Test
    void healthchecksAndWaitingDependenciesAreRead() {
        ComposeProject project = parse("""
                services:
                  db:
                    image: postgres
                    healthcheck:
                      test: pg_isready -U app
                      interval: 1m30s
                      timeout: 500ms
                      start_period: 2s
                      retries: 5
                  migrate: {image: app, healthcheck: {disable: true}}
                  web:
                    image: app
                    depends_on:
                      db: {condition: service_healthy}
                      migrate: {condition: service_completed_successfully}
                      cache: {condition: service_started}
                  cache: {image: redis, healthcheck: {test: [CMD, redis-cli, ping]}}
                """);
        assertThat(project.service("db").orElseThrow().healthcheck()).isEqualTo(new HealthCheck(
                List.of("CMD-SHELL", "pg_isready -U app"), Duration.ofSeconds(90), Duration.ofMillis(500),
                Duration.ofSeconds(2), 5));
        assertThat(project.service("migrate").orElseThrow().healthcheck()).isEqualTo(HealthCheck.none());
        // Timings alone tune the image's own check, which the engine keeps when the test is empty.
        assertThat(parse("services: {db: {image: postgres, healthcheck: {interval: 5s, retries: 10}}}")
                .services().get(0).healthcheck())
                .isEqualTo(new HealthCheck(List.of(), Duration.ofSeconds(5), null, null, 10));
        assertThat(project.service("cache").orElseThrow().healthcheck().test())
                .containsExactly("CMD", "redis-cli", "ping");
        ComposeService web = project.service("web").orElseThrow();
        assertThat(web.healthcheck()).isNull();
        assertThat(web.dependsOn()).containsExactly("db", "migrate", "cache");
        assertThat(web.waitFor()).containsExactly(entry("db", ComposeService.Condition.HEALTHY),
                entry("migrate", ComposeService.Condition.COMPLETED));
        assertThat(project.warnings()).isEmpty();
    }

    @Test
    void profilesDecideWhichServicesRunAndComposeProfilesTurnsThemOn() {
        String yaml = """
                services:
                  web: {image: app}
                  debugger: {image: tools, profiles: [debug]}
                  seed: {image: app, profiles: [test, debug]}
                """;
        ComposeProject plain = parse(yaml);
        assertThat(plain.profiles()).isEmpty();
        assertThat(plain.allProfiles()).containsExactly("debug", "test");
        assertThat(plain.enabledServices()).extracting(ComposeService::name).containsExactly("web");

        ComposeProject debug = ComposeParser.parse(FILE, yaml, Map.of("COMPOSE_PROFILES", "debug, other"));
        assertThat(debug.profiles()).containsExactly("debug", "other");
        assertThat(debug.enabledServices()).extracting(ComposeService::name).containsExactly("web", "debugger", "seed");
        assertThat(plain.withProfiles(java.util.Set.of("test")).enabledServices()).extracting(ComposeService::name)
                .containsExactly("web", "seed");
        assertThat(plain.withProfiles(java.util.Set.of("*")).enabledServices()).hasSize(3);
    }

    @Test
    void buildArgumentsAndTargetAreRead() {
        ComposeService web = parse("""
                services:
                  web:
                    build:
                      context: app
                      target: runtime
                      args:
                        VERSION: "1.2"
                        FROM_ENV:
                        UNSET:
                """).services().get(0);
        assertThat(web.build().target()).isEqualTo("runtime");
        assertThat(web.build().args()).containsExactly(entry("VERSION", "1.2"));
        ComposeService withEnv = ComposeParser.parse(FILE, "services: {web: {build: {context: ., args: [FROM_ENV]}}}",
                Map.of("FROM_ENV", "from the shell")).services().get(0);
        assertThat(withEnv.build().args()).containsExactly(entry("FROM_ENV", "from the shell"));
    }
}
