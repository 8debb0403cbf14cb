import io.localpack.testcontainers.LocalPackContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Start-up through Testcontainers (bench/image-startup.sh runs it): LocalPackContainer on LocalPack's image against a
 * GenericContainer on the WireMock image the script built on the same base, waited for the same way (an HTTP 200,
 * asked every 50 ms), alternated, after Testcontainers has found the Docker engine; prints "RESULT <image> <ms...>"
 * for each LocalPack image and "RESULT wiremock <ms...>".
 *   java -cp <localpack-testcontainers' class path> ContainerStarts.java WIREMOCK_IMAGE STARTS LOCALPACK_IMAGE...
 */
public class ContainerStarts {

    public static void main(String[] args) {
        String wireMockImage = args[0];
        int starts = Integer.parseInt(args[1]);
        Map<String, List<Long>> localPack = new LinkedHashMap<>();
        List<Long> wireMock = new ArrayList<>();
        // Testcontainers' own start (finding the Docker engine, once per JVM) is not either container's
        DockerClientFactory.instance().client();
        for (int i = 0; i < starts; i++) {
            for (int image = 2; image < args.length; image++) {
                try (LocalPackContainer container = new LocalPackContainer(args[image])) {
                    localPack.computeIfAbsent(args[image], name -> new ArrayList<>()).add(millisToStart(container));
                }
            }
            try (GenericContainer<?> container = new GenericContainer<>(wireMockImage).withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/ready").forPort(8080).forStatusCode(200)
                            .withRateLimiter(RateLimiterBuilder.newBuilder().withRate(20, TimeUnit.SECONDS)
                                    .withConstantThroughput().build())
                            .withStartupTimeout(Duration.ofMinutes(3)))) {
                wireMock.add(millisToStart(container));
            }
        }
        localPack.forEach((image, millis) -> System.out.println("RESULT " + image + " " + join(millis)));
        System.out.println("RESULT wiremock " + join(wireMock));
    }

    private static long millisToStart(GenericContainer<?> container) {
        long start = System.nanoTime();
        container.start();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String join(List<Long> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }
}
