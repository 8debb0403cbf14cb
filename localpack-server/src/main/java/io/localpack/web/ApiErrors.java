package io.localpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers an error in the format of the API the request belongs to, for code that runs outside every API's own
 * handlers (filters, the security chain, HTTP fault rules). A path that belongs to no API gets the Service
 * Management format: like ASM, it lives under a subscription id and has no other error shape.
 */
@Component
public class ApiErrors {

    private final Map<Api, ApiErrorFormat> formats = new EnumMap<>(Api.class);

    ApiErrors(List<ApiErrorFormat> formats) {
        formats.forEach(format -> this.formats.put(format.api(), format));
        this.formats.put(Api.OTHER, this.formats.get(Api.ASM));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        formats.get(Api.of(request)).write(request, response, error);
    }
}
