package io.localpack.vmm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.MatchableHandlerMapping;
import org.springframework.web.servlet.handler.RequestMatchResult;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds {@link VmmODataController} for a request under its {@code @RequestMapping} by one pattern match, before
 * Spring MVC's mapping of every controller method is consulted (twice per request: Spring Security asks too). The
 * VMM service is what clients call most, and its route takes every method and every path below the service root,
 * so no other condition needs checking. A CORS preflight still goes the annotation's way.
 */
@Component
class VmmODataRoute extends AbstractHandlerMapping implements MatchableHandlerMapping {

    /** The annotation's patterns: any subscription segment; "services/systemcenter" as written; "vmm" in any case. */
    private static final Pattern ROUTE = Pattern.compile("/[^/]+/services/systemcenter/(?i:vmm)(?:/.*)?");

    private final HandlerMethod handle;

    VmmODataRoute(VmmODataController controller) throws NoSuchMethodException {
        this.handle = new HandlerMethod(controller, VmmODataController.class.getMethod("handle",
                HttpServletRequest.class, HttpServletResponse.class));
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (CorsUtils.isPreFlightRequest(request) || !ROUTE.matcher(initLookupPath(request)).matches()) {
            return null;
        }
        return handle;
    }

    /** Spring Security's path matchers ask the mapping that takes a request to match their patterns, as MVC's does. */
    @Override
    public RequestMatchResult match(HttpServletRequest request, String pattern) {
        PathPattern pathPattern = getPatternParser().parse(pattern);
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        return pathPattern.matches(path) ? new RequestMatchResult(pathPattern, path) : null;
    }
}
