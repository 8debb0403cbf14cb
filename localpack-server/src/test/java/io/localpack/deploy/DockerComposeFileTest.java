package io.localpack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml: one LocalPack on H2 by default; PostgreSQL plus two replicas on it with the postgres profile;
 * every LocalPack built from the Dockerfile on the base LOCALPACK_BASE_IMAGE names (a local one where no registry
 * answers), health-checked by the image's own check. The file's shape is asserted here, and its validity with
 * {@code docker compose config -q} wherever a Compose client is installed.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("basedir", ".")).resolve("../docker-compose.yml").normalize();

    @Test
    @SuppressWarnings("unchecked")
    void oneLocalPackByDefaultAndTwoReplicasOnPostgresWithTheProfile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE_FILE));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        Map<String, Object> single = services.get("localpack");
        assertThat(single).doesNotContainKey("profiles");
        assertThat((List<String>) single.get("ports")).containsExactly("30005:30005");
        assertThat(String.valueOf(((Map<String, Object>) single.get("build")).get("args")))
                .contains("BASE_IMAGE=${LOCALPACK_BASE_IMAGE:-eclipse-temurin:25-jre}");

        assertThat(services.get("postgres")).containsKey("healthcheck").containsEntry("profiles", List.of("postgres"));
        List<String> replicas = services.keySet().stream().filter(name -> name.startsWith("localpack-pg-")).toList();
        assertThat(replicas).hasSize(2);
        for (String replica : replicas) {
            Map<String, Object> service = services.get(replica);
            assertThat(service).containsEntry("profiles", List.of("postgres"));
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                    .containsKeys("LOCALPACK_DB_URL", "LOCALPACK_DB_USER", "LOCALPACK_DB_PASSWORD");
            assertThat(String.valueOf(environment.get("LOCALPACK_DB_URL"))).contains("//postgres:5432/");
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void composeAcceptsTheFile() throws Exception {
        List<String> command = composeCommand();
        if (command == null) {
            abort("no Docker Compose client installed (docker compose / docker-compose): file not validated");
        }
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", COMPOSE_FILE.toString(), "config", "-q"));
        Result result = run(config);
        assertThat(result.exitCode()).as(String.join(" ", config) + ": " + result.output()).isZero();
    }

    /** The Compose v2 plugin if the docker CLI has it, else the standalone docker-compose, else null. */
    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (run(version).exitCode() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // Not installed: try the next.
            }
        }
        return null;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
