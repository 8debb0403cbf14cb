package io.localpack.admin.ui;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page's script, style sheet and icons: {@code /_localpack/ui/assets/*} from {@code classpath:dashboard/}. */
@Configuration
class DashboardAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/_localpack/ui/assets/**")
                .addResourceLocations("classpath:/dashboard/")
                .setCacheControl(CacheControl.maxAge(Duration.ZERO).mustRevalidate());
    }
}
