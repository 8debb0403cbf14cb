package io.localpack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;

/** The remembered path matches choose the mapping Spring would, and give the same errors when none fits. */
class PathFirstRequestMappingsTest {

    private final PathFirstRequestMappings.PathFirstMapping mapping = new PathFirstRequestMappings.PathFirstMapping();

    static final class Things {
        public void read() {
        }

        public void readXml() {
        }

        public void other() {
        }
    }

    @BeforeEach
    void register() throws Exception {
        mapping.setApplicationContext(new StaticWebApplicationContext());
        mapping.afterPropertiesSet();
        register("read", RequestMappingInfo.paths("/{sub}/things/{id}").methods(RequestMethod.GET)
                .produces(MediaType.APPLICATION_JSON_VALUE));
        register("readXml", RequestMappingInfo.paths("/{sub}/things/{id}").methods(RequestMethod.GET)
                .produces(MediaType.APPLICATION_XML_VALUE));
    }

    @Test
    void choosesByTheOtherConditionsAmongThePathsThatMatch() throws Exception {
        for (int i = 0; i < 2; i++) { // the second time from what was remembered
            assertThat(handler("GET", "/s/things/1", "application/xml")).isEqualTo("readXml");
            assertThat(handler("GET", "/s/things/1", "application/json")).isEqualTo("read");
            assertThat(handler("GET", "/s/nothing/1", "application/json")).isNull();
        }
        assertThatThrownBy(() -> handler("DELETE", "/s/things/1", "application/json"))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
        assertThatThrownBy(() -> handler("GET", "/s/things/1", "text/csv"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    @Test
    void aMappingAddedLaterIsFoundForAPathSeenBefore() throws Exception {
        assertThat(handler("GET", "/s/nothing/1", "application/json")).isNull();
        register("other", RequestMappingInfo.paths("/{sub}/nothing/{id}"));
        assertThat(handler("GET", "/s/nothing/1", "application/json")).isEqualTo("other");
    }

    private void register(String method, RequestMappingInfo.Builder info) throws NoSuchMethodException {
        Method handler = Things.class.getMethod(method);
        mapping.registerMapping(info.options(mapping.getBuilderConfiguration()).build(), new Things(), handler);
    }

    private String handler(String method, String path, String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
