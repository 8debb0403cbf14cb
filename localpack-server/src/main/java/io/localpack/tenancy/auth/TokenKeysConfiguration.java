package io.localpack.tenancy.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The bearer token keys, read (or generated) once per start, on first use, from {@code localpack.auth}. */
@Configuration
class TokenKeysConfiguration {

    @Bean
    @Lazy // asked for through ObjectProvider, only in bearer mode or when a token is minted
    TokenKeys tokenKeys(AuthSettings settings) {
        return TokenKeys.from(settings);
    }
}
