package io.localpack.tenancy.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code localpack.cors.*}: the origins a browser-based portal may call LocalPack from (none by default), for every
 * API and the control plane.
 */
@ConfigurationProperties("localpack.cors")
public record CorsSettings(List<String> allowedOrigins) {

    public CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
