package io.localpack.asm.web;

import io.localpack.web.Api;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests in the ASM URL space that match no operation never reach a controller (so neither the interceptor nor
 * the advice sees them): a wrong verb is ASM's 400 InvalidHttpVerb, an unknown path 404 ResourceNotFound, in ASM XML.
 * Other URL spaces are left to their own handling (this resolver returns null for them).
 */
@Component
class AsmUnmappedRequestResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (Api.of(request) != Api.ASM) {
            return null;
        }
        try {
            if (ex instanceof HttpRequestMethodNotSupportedException) {
                respond(response, AsmError.InvalidHttpVerb, "The HTTP verb " + request.getMethod()
                        + " is not supported on this resource.");
                return new ModelAndView();
            }
            if (ex instanceof NoResourceFoundException) {
                respond(response, AsmError.ResourceNotFound, "The requested resource does not exist.");
                return new ModelAndView();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static void respond(HttpServletResponse response, AsmError error, String message) throws IOException {
        response.setHeader("x-ms-request-id", RequestIds.format(UUID.randomUUID()));
        response.setHeader("Cache-Control", "no-cache");
        AsmErrors.write(response, error.httpStatus(), error.name(), message);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
