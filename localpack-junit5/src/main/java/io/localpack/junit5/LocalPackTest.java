package io.localpack.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts LocalPack in this JVM once for the test class (a free port, its own in-memory H2 database, the bundled
 * fixtures or a named set) and resets it before every test method. Test methods and lifecycle methods take a
 * {@link io.localpack.client.LocalPackClient} parameter: endpoints, tokens, reset, snapshots, faults, timing, journal.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalPackExtension.class)
public @interface LocalPackTest {

    /** A bundled fixture set by name ({@code minimal}, …); empty: the bundled default fixtures. */
    String fixtureSet() default "";

    /** Your own fixture folders instead ({@code classpath:my-fixtures}, {@code file:src/test/fixtures}). */
    String[] fixtures() default {};

    /** false: keep the state one test method leaves for the next. */
    boolean resetBetweenTests() default true;

    /** true: jobs finish at once ({@code localpack.jobs.duration-factor=0}) instead of taking their modelled time. */
    boolean instantJobs() default true;

    /** Further LocalPack settings, {@code key=value} (for example {@code localpack.auth.mode=bearer}). */
    String[] properties() default {};
}
