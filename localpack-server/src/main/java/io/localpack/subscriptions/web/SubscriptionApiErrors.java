package io.localpack.subscriptions.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.domain.Refusal;
import io.localpack.subscriptions.SubscriptionRefusal;
import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the subscription API as WAP's DataContract {@code Error} in JSON (in XML for a client asking for XML):
 * {@code {"Code":…,"Message":…,"Details":[{"Code":…,"Source":<what was wrong>,"Message":…}]}} (Details empty when no
 * single member was wrong). Answers refusals of the controller, paths and verbs that match no operation, and (as the
 * API's {@link ApiErrorFormat}) errors written by filters and the security chain.
 */
@RestControllerAdvice(assignableTypes = SubscriptionApiController.class)
class SubscriptionApiErrors implements ApiErrorFormat, HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Api api() {
        return Api.SUBSCRIPTIONS;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        boolean asXml = WireXml.wanted(request.getHeader("Accept"));
        byte[] body = asXml ? WireXml.object("Error", body(error)).getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body(error));
        response.setStatus(error.status());
        response.setContentType(asXml ? SubscriptionApiController.XML_UTF8.toString()
                : MediaType.APPLICATION_JSON_VALUE + ";charset=utf-8");
        response.setHeader("x-ms-request-id", UUID.randomUUID().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(HttpServletRequest request, Refusal e) {
        return entity(request, errorOf(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(HttpServletRequest request, Exception e) {
        log.error("Subscription API request failed", e);
        return entity(request, new ApiError(500, "InternalError", "The server encountered an internal error.", null));
    }

    /** Requests that match no operation never reach the controller or its advice. */
    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (Api.of(request) != Api.SUBSCRIPTIONS) {
            return null;
        }
        try {
            if (ex instanceof HttpRequestMethodNotSupportedException) {
                write(request, response, new ApiError(405, "MethodNotAllowed", "The HTTP verb " + request.getMethod()
                        + " is not supported on " + request.getRequestURI() + ".", null));
                return new ModelAndView();
            }
            if (ex instanceof NoResourceFoundException) {
                write(request, response, new ApiError(404, "ResourceNotFound", "The requested resource does not "
                        + "exist.", null));
                return new ModelAndView();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static ApiError errorOf(Refusal e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_ALLOWED -> 403;
        };
        return new ApiError(status, e.code(), e.getMessage(), e instanceof SubscriptionRefusal r ? r.field() : null);
    }

    static ResponseEntity<String> entity(HttpServletRequest request, ApiError error) {
        boolean asXml = WireXml.wanted(request.getHeader("Accept"));
        try {
            return ResponseEntity.status(error.status())
                    .contentType(asXml ? SubscriptionApiController.XML_UTF8 : MediaType.APPLICATION_JSON)
                    .header("x-ms-request-id", UUID.randomUUID().toString())
                    .body(asXml ? WireXml.object("Error", body(error)) : JSON.writeValueAsString(body(error)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", error.code());
        body.put("Message", error.message());
        if (error.field() == null) {
            body.put("Details", List.of());
        } else {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("Code", error.code());
            detail.put("Source", error.field());
            detail.put("Message", error.message());
            body.put("Details", List.of(detail));
        }
        return body;
    }
}
