package io.localpack.vmm;

import io.localpack.dialect.ODataDialect;
import io.localpack.dialect.V3JsonFormat;
import io.localpack.dialect.V3Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** An OData error for a VMM URL written outside the OData processor (e.g. an injected fault), in the caller's dialect. */
@Component
public class VmmErrorAnswers {

    private final VmmSettings settings;

    VmmErrorAnswers(VmmSettings settings) {
        this.settings = settings;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String message) throws IOException {
        ODataDialect dialect = ODataDialect.of(request, settings.defaultDialect());
        if (dialect == ODataDialect.V4) {
            dialect.declareOn(response);
            ODataErrors.write(response, status, code, message);
            return;
        }
        V3Response v3 = new V3Response(response, V3JsonFormat.requestedBy(request));
        ODataErrors.write(v3, status, code, message);
        v3.finish();
    }
}
