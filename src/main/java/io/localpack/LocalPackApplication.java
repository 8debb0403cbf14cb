package io.localpack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** LocalPack: a local stand-in for the Windows Azure Pack tenant APIs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalPackApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalPackApplication.class, args);
    }
}
