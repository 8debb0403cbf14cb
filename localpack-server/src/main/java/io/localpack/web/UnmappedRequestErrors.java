package io.localpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path no handler takes, or a method its handler does not, answered in the path's API format while the request is
 * still the client's own: left to the error page, the error dispatch would pass the security chains again as
 * {@code /error} and be refused as a tenant request (a control plane 404 became an ASM 403). Runs after the APIs'
 * own resolvers (ASM's), which answer these in their own words first.
 */
@Component
class UnmappedRequestErrors implements HandlerExceptionResolver, Ordered {

    private final ApiErrors errors;

    UnmappedRequestErrors(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        int status;
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            status = 404;
        } else if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
            status = 405;
            if (unsupported.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", unsupported.getSupportedHttpMethods().stream()
                        .map(Object::toString).toList()));
            }
        } else {
            return null;
        }
        try {
            String path = request.getRequestURI();
            errors.write(request, response, new ApiError(status, ApiErrorController.codeOf(status),
                    ApiErrorController.messageOf(status, path), null));
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
