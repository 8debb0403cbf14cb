package io.localpack.tenancy.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security puts a filter before its chain that looks up, for every request, the Spring MVC handler that will
 * serve it (the {@link HandlerMappingIntrospector}'s cache), for request matchers and CORS settings that ask Spring
 * MVC. LocalPack's matchers are path patterns ({@link SecurityConfiguration#pathPatterns()}) and its CORS settings
 * its own, so nothing reads that lookup, and the dispatcher looks the handler up again: it was 13 % of a read's
 * samples (B5). The introspector is replaced by one that keeps no lookup; anything that asks it still gets an answer,
 * looked up then, as Spring does without the cache.
 */
@Component
class NoHandlerLookupBeforeSecurity implements BeanPostProcessor, ApplicationContextAware {

    private ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HandlerMappingIntrospector && !(bean instanceof UncachedIntrospector)) {
            UncachedIntrospector replacement = new UncachedIntrospector();
            replacement.setApplicationContext(context);
            replacement.afterPropertiesSet();
            return replacement;
        }
        return bean;
    }

    /** Keeps nothing per request; its lookups are made when asked. */
    static final class UncachedIntrospector extends HandlerMappingIntrospector {

        @Override
        public CachedResult setCache(HttpServletRequest request) {
            return null;
        }
    }
}
