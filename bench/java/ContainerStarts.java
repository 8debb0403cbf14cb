import io.localpack.testcontainers.LocalPackContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Start-up through Testcontainers (bench/image-startup.sh runs it): LocalPackContainer on LocalPack's image against a
 * GenericContainer on the WireMock image the script built on the same base, waited for the same way (an HTTP 200,
 * asked every 50 ms), alternated, after Testcontainers has found the Docker engine; prints "RESULT testcontainers-localpack <ms...>" and the same for WireMock.
 *   java -cp <localpack-testcontainers' class path> ContainerStarts.java LOCALPACK_IMAGE WIREMOCK_IMAGE STARTS
 */
public class ContainerStarts {

    public static void main(String[] args) {
        String localPackImage = args[0];
        String wireMockImage = args[1];
        int starts = Integer.parseInt(args[2]);
        List<Long> localPack = new ArrayList<>();
        List<Long> wireMock = new ArrayList<>();
        // Testcontainers' own start (finding the Docker engine, once per JVM) is not either container's
        DockerClientFactory.instance().client();
        for (int i = 0; i < starts; i++) {
            try (LocalPackContainer container = new LocalPackContainer(localPackImage)) {
                localPack.add(millisToStart(container));
            }
            try (GenericContainer<?> container = new GenericContainer<>(wireMockImage).withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/ready").forPort(8080).forStatusCode(200)
                            .withRateLimiter(RateLimiterBuilder.newBuilder().withRate(20, TimeUnit.SECONDS)
                                    .withConstantThroughput().build())
                            .withStartupTimeout(Duration.ofMinutes(3)))) {
                wireMock.add(millisToStart(container));
            }
        }
        System.out.println("RESULT testcontainers-localpack " + join(localPack));
        System.out.println("RESULT testcontainers-wiremock " + join(wireMock));
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
