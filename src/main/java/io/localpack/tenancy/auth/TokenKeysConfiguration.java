package io.localpack.tenancy.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bearer token keys, read (or generated) once per start from {@code localpack.auth}. */
@Configuration
class TokenKeysConfiguration {

    @Bean
    TokenKeys tokenKeys(AuthSettings settings) {
        return TokenKeys.from(settings);
    }
}
