package io.localpack.tenancy.auth;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.LocalPackServerTest;
import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security's chains find their requests by path patterns, and the filter Spring Security puts before them
 * looks up no handler (the dispatcher does, once per request); the introspector still answers whoever asks it.
 */
@LocalPackServerTest
class NoHandlerLookupBeforeSecurityTest {

    @Autowired HandlerMappingIntrospector introspector;
    @Autowired List<SecurityFilterChain> chains;

    @Test
    void theChainsMatchByPathPatternsWithoutAskingSpringMvc() {
        assertThat(chains).hasSizeGreaterThanOrEqualTo(3);
        for (SecurityFilterChain chain : chains) {
            String matcher = String.valueOf(((DefaultSecurityFilterChain) chain).getRequestMatcher());
            assertThat(matcher).as("a chain's matcher").doesNotContain("Mvc")
                    .satisfiesAnyOf(m -> assertThat(m).contains("PathPattern"), m -> assertThat(m).contains("any"));
        }
    }

    @Test
    void theFilterBeforeTheChainsKeepsNoLookup() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/" + FABRIKAM + "/services/hostedservices/fabrikam-web/deploymentslots/Production");
        List<String> attributesInTheChain = new ArrayList<>();
        FilterChain chain = (req, res) -> attributesInTheChain.addAll(Collections.list(req.getAttributeNames()));

        introspector.createCacheFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(attributesInTheChain).isEmpty();
        assertThat(Collections.list(request.getAttributeNames())).isEmpty();
    }

    @Test
    void theIntrospectorStillFindsTheHandlerWhenAsked() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/" + FABRIKAM + "/services/hostedservices/fabrikam-web/deploymentslots/Production");
        request.addHeader("x-ms-version", "2014-06-01");
        assertThat(introspector.getMatchableHandlerMapping(request)).isNotNull();
    }
}
