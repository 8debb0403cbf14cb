package io.localpack.readcache;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the application's data source behind {@link VersionedDataSource}, so every commit is counted. */
@Configuration(proxyBeanMethods = false)
class ReadCacheConfiguration {

    @Bean
    static BeanPostProcessor versionedDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof VersionedDataSource)
                        ? new VersionedDataSource(dataSource) : bean;
            }
        };
    }
}
