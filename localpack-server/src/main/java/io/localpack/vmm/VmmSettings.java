package io.localpack.vmm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the VMM OData service ({@code localpack.odata.*}).
 *
 * @param pageSize most entities in one response before a next link
 * @param maxRequestBodyBytes largest request body accepted (413 above)
 * @param synchronousWait how long a request without RunAsynchronously=1 waits for its job before answering anyway
 * @param defaultDialect the OData version answered when a request names none (V3, as the real SPF answers)
 */
@ConfigurationProperties("localpack.odata")
public record VmmSettings(int pageSize, long maxRequestBodyBytes, java.time.Duration synchronousWait,
        io.localpack.dialect.ODataDialect defaultDialect) {

    public VmmSettings {
        if (pageSize <= 0) {
            pageSize = 100;
        }
        if (maxRequestBodyBytes <= 0) {
            maxRequestBodyBytes = 1024 * 1024;
        }
        if (synchronousWait == null) {
            synchronousWait = java.time.Duration.ofMinutes(10);
        }
        if (defaultDialect == null) {
            defaultDialect = io.localpack.dialect.ODataDialect.V3;
        }
    }
}
