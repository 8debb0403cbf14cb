package io.localpack.vmm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the VMM OData service ({@code localpack.odata.*}).
 *
 * @param pageSize most entities in one response before a next link
 * @param maxRequestBodyBytes largest request body accepted (413 above)
 */
@ConfigurationProperties("localpack.odata")
public record VmmSettings(int pageSize, long maxRequestBodyBytes) {

    public VmmSettings {
        if (pageSize <= 0) {
            pageSize = 100;
        }
        if (maxRequestBodyBytes <= 0) {
            maxRequestBodyBytes = 1024 * 1024;
        }
    }
}
