package io.localpack.asm.web;

import io.localpack.asm.domain.AsmRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the ASM header rules on the ASM URL space only (the VMM OData service has its own). */
@Configuration(proxyBeanMethods = false)
class AsmWebConfig implements WebMvcConfigurer {

    private final AsmRequests requests;

    AsmWebConfig(AsmRequests requests) {
        this.requests = requests;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        String sub = SubscriptionController.SUB;
        registry.addInterceptor(new AsmRequestInterceptor(requests))
                .addPathPatterns("/*/services/hostedservices", "/*/services/hostedservices/**", "/*/operations/**",
                        sub, sub + "/", "/*/certificates", "/*/certificates/**", "/*/locations", "/*/locations/",
                        "/*/rolesizes", "/*/rolesizes/")
                .excludePathPatterns("/_localpack/**"); // the control plane's /_localpack/certificates
    }
}
