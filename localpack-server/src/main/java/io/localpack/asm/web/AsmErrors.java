package io.localpack.asm.web;

import io.localpack.asm.domain.OperationFailedException;
import io.localpack.domain.Refusal;
import io.localpack.jobs.JobError;
import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of the ASM controllers as {@code <Error><Code/><Message/></Error>}, and (as the Service Management
 * {@link ApiErrorFormat}) the same shape for errors written by filters and the security chain.
 */
@RestControllerAdvice(assignableTypes = {HostedServicesController.class, OperationsController.class,
        SubscriptionController.class})
class AsmErrors implements ApiErrorFormat {

    private static final Logger log = LoggerFactory.getLogger(AsmErrors.class);
    static final MediaType XML = MediaType.parseMediaType("application/xml; charset=utf-8");

    static String body(String code, String message) {
        return new AsmXml.Writer("Error").el("Code", code).el("Message", message).finish();
    }

    @Override
    public Api api() {
        return Api.ASM;
    }

    /** Written before any ASM handler ran, so the request id header is set here when nothing set it yet. */
    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        if (!response.containsHeader("x-ms-request-id")) {
            response.setHeader("x-ms-request-id", RequestIds.format(UUID.randomUUID()));
        }
        write(response, error.status(), error.code(), error.message());
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        byte[] bytes = body(code, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(XML.toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The request attribute holding the code and message of the error answered, for the request record. */
    static final String ERROR_ATTRIBUTE = AsmErrors.class.getName() + ".error";

    static ResponseEntity<String> entity(int status, String code, String message) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ERROR_ATTRIBUTE, new String[] {code, message},
                    org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return ResponseEntity.status(status).contentType(XML).body(body(code, message));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal e) {
        return entity(AsmError.statusOf(e), e.code(), e.getMessage());
    }

    @ExceptionHandler(OperationFailedException.class)
    ResponseEntity<String> failed(OperationFailedException e) {
        JobError error = e.error();
        return entity(AsmError.statusOf(error), error.name() == null ? AsmError.InternalError.name() : error.name(),
                error.problem());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return entity(400, AsmError.InvalidXmlRequest.name(), "The request body could not be read.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("ASM request failed", e);
        return entity(HttpStatus.INTERNAL_SERVER_ERROR.value(), AsmError.InternalError.name(),
                "The server encountered an internal error. Please retry the request.");
    }
}
