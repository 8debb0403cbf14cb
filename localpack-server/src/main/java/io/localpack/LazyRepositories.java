package io.localpack;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.util.ClassUtils;

/**
 * Start-up (issue 20): a repository is made when it is first used, not at start. Making one parses and validates
 * each of its queries (with Spring Data's HQL parser, then Hibernate's): a quarter of a start's main thread for the 24
 * repositories, although a test that starts LocalPack uses a few of them.
 *
 * <p>The repositories' bean definitions are marked lazy, and a bean made at start is given a proxy that makes the
 * repository at its first call (otherwise it would make the repositories it is given). Spring Data's
 * {@code bootstrap-mode: lazy} does the same, but sets it up while it scans for repositories, which a start from
 * Spring's build-time bean definitions (bin/localpack, the image) skips; this works in both kinds of start. What a
 * lazy start no longer shows, that every query is valid, {@code RepositoriesStartLazilyTest} does.
 */
@Configuration(proxyBeanMethods = false)
class LazyRepositories {

    @Bean
    static BeanFactoryPostProcessor repositoriesMadeAtFirstUse() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                if (isRepository(definition, beanFactory.getBeanClassLoader())) {
                    definition.setLazyInit(true);
                }
            }
            ((DefaultListableBeanFactory) beanFactory).setAutowireCandidateResolver(
                    new ContextAnnotationAutowireCandidateResolver() {
                        @Override
                        protected boolean isLazy(DependencyDescriptor descriptor) {
                            return Repository.class.isAssignableFrom(descriptor.getDependencyType())
                                    || super.isLazy(descriptor);
                        }
                    });
        };
    }

    private static boolean isRepository(BeanDefinition definition, ClassLoader classLoader) {
        String type = definition.getBeanClassName();
        return type != null && ClassUtils.isPresent(type, classLoader)
                && RepositoryFactoryBeanSupport.class.isAssignableFrom(ClassUtils.resolveClassName(type, classLoader));
    }
}
