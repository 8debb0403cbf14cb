package io.localpack.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Puts {@link ApiErrorReportValve} where Tomcat would put its HTML ErrorReportValve. */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Lazily: customizers are built before the API's error formats are. */
    private final ObjectProvider<ApiErrors> errors;

    ContainerErrorPages(ObjectProvider<ApiErrors> errors) {
        this.errors = errors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds an error report valve of this class only when its pipeline has none
                host.getPipeline().addValve(new ApiErrorReportValve(errors));
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }
}
