package io.localpack.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** LocalPack's image, built once per test JVM from the repository's Dockerfile and the server module's jar. */
final class LocalPackImage {

    static final String PUBLIC_BASE = "eclipse-temurin:25-jre";
    /** Java 25 first (the image then starts from the JDK's ahead-of-time cache), local builds before pulled ones. */
    static final List<String> BASES =
            List.of("localpack-base:25", PUBLIC_BASE, "localpack-base:17", "eclipse-temurin:17-jre");
    private static String built;

    private LocalPackImage() {
    }

    /** LOCALPACK_BASE_IMAGE, else a base the engine already holds: never a pull that may hang on this machine. */
    static Optional<String> baseImage() {
        String configured = System.getenv("LOCALPACK_BASE_IMAGE");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        return BASES.stream().filter(LocalPackImage::present).findFirst();
    }

    static synchronized String name() {
        if (built == null) {
            Path repository = Path.of(System.getProperty("localpack.repository", "..")).toAbsolutePath().normalize();
            Path jar = serverJar(repository.resolve("localpack-server/target"));
            built = new ImageFromDockerfile("localpack-test", false)
                    .withFileFromPath("Dockerfile", repository.resolve("Dockerfile"))
                    .withFileFromPath("config", repository.resolve("config"))
                    .withFileFromPath("docker/train-image.sh", repository.resolve("docker/train-image.sh"))
                    .withFileFromPath("docker/start-image.sh", repository.resolve("docker/start-image.sh"))
                    .withFileFromPath("bin/train-class-cache", repository.resolve("bin/train-class-cache"))
                    .withFileFromPath("localpack-server/target/" + jar.getFileName(), jar)
                    .withBuildArg("BASE_IMAGE", baseImage().orElseThrow())
                    .get();
        }
        return built;
    }

    private static Path serverJar(Path target) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "localpack-server-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no " + target + ": build the server first (./mvnw package)", e);
        }
        throw new IllegalStateException("no runnable jar in " + target + ": build the server first (./mvnw package)");
    }

    private static boolean present(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
