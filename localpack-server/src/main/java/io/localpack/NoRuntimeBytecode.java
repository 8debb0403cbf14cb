package io.localpack;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.BytecodeSettings;
import org.hibernate.service.spi.ServiceContributor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up and memory (issue 20): Hibernate generates no classes at run time. With its default (ByteBuddy) bytecode
 * provider it generates, at every start, a lazy-loading proxy class and an accessor class for each entity, and loads
 * about a thousand of ByteBuddy's own classes to do it; none of it can be kept in the JVM's class-data archive or AOT
 * cache, since the classes are made anew each time. The "none" provider Hibernate ships instead reads and writes
 * entities' fields by reflection and makes no proxies.
 *
 * <p>Without proxies an association to one entity cannot be loaded lazily, so every such association is eager
 * ({@code NoRuntimeBytecodeTest} checks that the model has no lazy one, whose first load would fail).
 */
@Configuration(proxyBeanMethods = false)
class NoRuntimeBytecode {

    /**
     * LocalPack's persistence unit gets the "none" provider as a setting. The JPA class transformer Hibernate sets up
     * at boot (used only with a load-time weaver, which LocalPack does not have) takes it from there; without it, that
     * transformer loads ByteBuddy for itself.
     */
    @Bean
    static HibernatePropertiesCustomizer noBytecodeProvider() {
        return properties -> properties.put(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE,
                new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    }

    /**
     * Hibernate 6.6 ignores {@code hibernate.bytecode.provider} and takes the provider of its run time from
     * {@code ServiceLoader}; a service contributor (named in {@code META-INF/services}) is its way to replace it. Only
     * where the setting above is: another persistence unit in the same JVM (a user's, beside the JUnit 5 extension's
     * LocalPack) keeps its own provider and its lazy associations.
     */
    public static class Contributor implements ServiceContributor {
        @Override
        public void contribute(StandardServiceRegistryBuilder registry) {
            if (registry.getSettings().get(BytecodeSettings.BYTECODE_PROVIDER_INSTANCE)
                    instanceof org.hibernate.bytecode.internal.none.BytecodeProviderImpl none) {
                registry.addService(BytecodeProvider.class, none);
            }
        }
    }
}
