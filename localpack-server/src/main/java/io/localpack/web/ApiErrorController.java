package io.localpack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error the container or Spring raises outside an API's own handlers (no handler for the path, a method the
 * path does not take, a request Tomcat refuses) reaches this error page, which answers it in the format of the API
 * the original path belongs to, never as Tomcat's HTML or Spring's {@code {"timestamp","status",…}}. Replaces Spring
 * Boot's BasicErrorController.
 */
@RestController
class ApiErrorController implements ErrorController {

    private final ApiErrors errors;

    ApiErrorController(ApiErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = statusOf(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest original = path == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return path; // the error dispatch's own URI is the error page's; the API is the original path's
            }
        };
        response.resetBuffer();
        errors.write(original, response, new ApiError(status, codeOf(status), messageOf(status, path), null));
    }

    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code && code >= 400 ? code : 500;
    }

    /** The status's reason phrase in the PascalCase the APIs' codes use, e.g. {@code MethodNotAllowed}. */
    static String codeOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "Error" + status;
        }
        StringBuilder code = new StringBuilder();
        for (String word : known.getReasonPhrase().split("[^A-Za-z]+")) {
            if (!word.isEmpty()) {
                code.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
            }
        }
        return code.toString();
    }

    static String messageOf(int status, String path) {
        String where = path == null ? "" : " (" + path + ")";
        return switch (status) {
            case 404 -> "The resource was not found" + where + ".";
            case 405 -> "The HTTP method is not allowed for this resource" + where + ".";
            case 400 -> "The request could not be read" + where + ".";
            case 413 -> "The request body is too large" + where + ".";
            case 431 -> "The request headers are too large" + where + ".";
            default -> "The request failed with status " + status + where + ".";
        };
    }
}
