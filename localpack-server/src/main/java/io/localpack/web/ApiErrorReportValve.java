package io.localpack.web;

import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's last word on an error nothing else answered (a request line or header it refused, an error after the
 * error page): written through {@link ApiErrors} in the format of the API the path belongs to, instead of Tomcat's
 * HTML report. Installed on the host in place of the {@link ErrorReportValve} by {@link ContainerErrorPages}.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private final ObjectProvider<ApiErrors> errors;

    ApiErrorReportValve(ObjectProvider<ApiErrors> errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own report: only an error marked by sendError, with nothing written yet, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiErrors apiErrors = errors.getIfAvailable();
        if (apiErrors == null) {
            return; // the application is not up (yet): an empty error rather than HTML
        }
        String uri = request.getRequestURI();
        String path = uri == null || uri.isEmpty() ? "/" : uri;
        try {
            response.resetBuffer();
            apiErrors.write(new HttpServletRequestWrapper(request) {
                @Override
                public String getRequestURI() {
                    return path;
                }
            }, response, new ApiError(status, ApiErrorController.codeOf(status),
                    ApiErrorController.messageOf(status, path), null));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            // the connection is beyond saying anything more
        }
    }
}
