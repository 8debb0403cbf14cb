package io.localpack.vmm;

import io.localpack.dialect.DataServiceVersion;
import io.localpack.dialect.ODataDialect;
import io.localpack.dialect.ODataNegotiation;
import io.localpack.dialect.ODataResource;
import io.localpack.dialect.V3Response;
import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** An OData error for a VMM URL written outside the OData processor (e.g. an injected fault), in the caller's dialect. */
@Component
class VmmErrorFormat implements ApiErrorFormat {

    private final VmmSettings settings;

    VmmErrorFormat(VmmSettings settings) {
        this.settings = settings;
    }

    @Override
    public Api api() {
        return Api.VMM;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        ODataDialect dialect = ODataDialect.of(request, settings.defaultDialect());
        if (dialect == ODataDialect.V4) {
            dialect.declareOn(response);
            ODataErrors.write(response, error.status(), error.code(), error.message());
            return;
        }
        // an error has no resource of its own: the client's preference among the formats entity data has decides
        ODataNegotiation.Negotiated format = ODataNegotiation.v3(request, ODataResource.DATA)
                .orElse(ODataNegotiation.Negotiated.AS_SENT);
        V3Response v3 = new V3Response(response, format.v3Json(), format.atom(), null, DataServiceVersion.V1,
                DataServiceVersion.maxOf(request));
        ODataErrors.write(v3, error.status(), error.code(), error.message());
        v3.finish();
    }
}
