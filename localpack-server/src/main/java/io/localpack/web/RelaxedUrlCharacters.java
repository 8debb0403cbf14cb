package io.localpack.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets Tomcat take the characters WCF-era clients and hand-written scripts send unencoded, as IIS (http.sys) in
 * front of the real SPF and Service Management API takes them: {@code guid'{…}'} keys, {@code |} and {@code "} in
 * paths and query strings, and brackets in query strings. What Tomcat still refuses (a raw space, a control
 * character) is answered in the API's own error format by {@link ApiErrorController}.
 */
@Component
class RelaxedUrlCharacters implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String PATH_CHARACTERS = "{}|\"";
    static final String QUERY_CHARACTERS = "{}|\"[]";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("relaxedPathChars", PATH_CHARACTERS);
            connector.setProperty("relaxedQueryChars", QUERY_CHARACTERS);
        });
    }
}
