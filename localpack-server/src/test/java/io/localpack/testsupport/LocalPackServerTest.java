package io.localpack.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole LocalPack server on a random port with the test settings (jobs finish at once) and the bundled fixtures.
 *
 * <p>Every test class that carries this and nothing else that configures the context shares one server: Spring's
 * test context cache keys contexts by their whole configuration, so one extra property or annotation starts another
 * server (seconds each). Add a property only when it is what the test is about (an auth mode, a page size the
 * assertions count on), and leave the shared data as you found it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:localpack-test.properties")
public @interface LocalPackServerTest {
}
