package io.localpack.asm.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the ASM header rules on the ASM URL space only (the VMM OData service has its own). */
@Configuration(proxyBeanMethods = false)
class AsmWebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsmRequestInterceptor())
                .addPathPatterns("/*/services/hostedservices", "/*/services/hostedservices/**", "/*/operations/**");
    }
}
