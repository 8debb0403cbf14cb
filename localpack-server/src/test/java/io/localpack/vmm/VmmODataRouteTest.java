package io.localpack.vmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/** The quick route takes only requests the controller's own mapping takes, and takes the usual ones. */
class VmmODataRouteTest {

    private final VmmODataRoute route = new VmmODataRoute(mock(VmmODataController.class));

    VmmODataRouteTest() throws NoSuchMethodException {
    }

    @Test
    void takesWhatTheAnnotationTakesAndNothingElse() throws Exception {
        List<String> usual = List.of("/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/systemcenter/vmm",
                "/sub/services/systemcenter/vmm/", "/sub/services/systemcenter/VMM/Services",
                "/sub/services/systemcenter/Vmm/Services(ID=guid'1',StampId=guid'2')/VMs",
                "/sub/services/systemcenter/vmm/Microsoft.Management.Odata.svc/$metadata",
                "/sub/services/systemcenter/vmm/$batch", "/sub/services/systemcenter/vmm//Clouds",
                "/sub/services/systemcenter/vmm;v=1/Services"); // the lookup path holds no matrix parameters
        List<String> others = List.of("/sub/services/systemcenter", "/sub/services/systemcenter/vmmx",
                "/sub/services/SystemCenter/vmm/Services", "/services/systemcenter/vmm", "//services/systemcenter/vmm",
                "/a/b/services/systemcenter/vmm", "/sub/services/hostedservices", "/_localpack/health");
        for (String path : usual) {
            assertThat(annotationTakes(path)).as(path).isTrue();
            assertThat(route.getHandlerInternal(request("GET", path))).as(path).isInstanceOf(HandlerMethod.class);
            assertThat(route.getHandlerInternal(request("DELETE", path))).as(path).isNotNull();
        }
        for (String path : others) {
            assertThat(route.getHandlerInternal(request("GET", path))).as(path).isNull();
        }
        HandlerMethod handler = (HandlerMethod) route.getHandlerInternal(request("GET", usual.get(2)));
        assertThat(handler.getMethod()).isEqualTo(
                VmmODataController.class.getMethod("handle", HttpServletRequest.class, HttpServletResponse.class));
    }

    @Test
    void leavesPreflightsToTheAnnotation() {
        MockHttpServletRequest preflight = request("OPTIONS", "/sub/services/systemcenter/vmm/Services");
        preflight.addHeader("Origin", "https://portal.example");
        preflight.addHeader("Access-Control-Request-Method", "GET");
        assertThat(route.getHandlerInternal(preflight)).isNull();
    }

    @Test
    void matchesSecurityPatternsAgainstThePath() {
        MockHttpServletRequest request = request("GET", "/sub/services/systemcenter/vmm/Services");
        assertThat(route.match(request, "/_localpack/**")).isNull();
        assertThat(route.match(request, "/*/services/**")).isNotNull();
    }

    private static boolean annotationTakes(String path) throws NoSuchMethodException {
        RequestMapping mapping = VmmODataController.class
                .getMethod("handle", HttpServletRequest.class, HttpServletResponse.class)
                .getAnnotation(RequestMapping.class);
        return Arrays.stream(mapping.value()).anyMatch(pattern ->
                PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path)));
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
