package io.localpack;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** LocalPack: a local stand-in for the Windows Azure Pack tenant APIs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalPackApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalPackApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
