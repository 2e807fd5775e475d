package cn.gov.ybj.crossprov.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Bad input never gives a 500: text checks for JSON and parameters, duplicate JSON keys refused,
 * a Content-Security-Policy on every page, bilingual bodies for 404s and firewall refusals.
 * The refusals themselves are answered by {@link ApiErrors}.
 */
@Configuration
class InputHardening implements WebMvcConfigurer {

    static final String REJECTED_ZH = "请求含有不允许的字符或格式";
    static final String REJECTED_EN = "The request contains characters or a form that are not allowed";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer safeJson() {
        // {"a":1,"a":2} would otherwise silently keep the last value
        return b -> b.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new SafeStringDeserializer());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnsafeParameterInterceptor()).addPathPatterns("/api/**");
    }

    @Bean
    FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicy(@Value("${app.keycloak.url:}") String keycloakUrl) {
        var bean = new FilterRegistrationBean<>(new ContentSecurityPolicyFilter(origin(keycloakUrl)));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before security, so early refusals carry it too
        return bean;
    }

    @Bean
    FilterRegistrationBean<ApiNotFoundFilter> apiNotFound() {
        var bean = new FilterRegistrationBean<>(new ApiNotFoundFilter());
        bean.addUrlPatterns("/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return bean;
    }

    /** Spring Security's firewall (encoded slashes, control characters in headers, …): 400 in both languages. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, e) -> {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"messageZh\":\"" + REJECTED_ZH + "\",\"messageEn\":\"" + REJECTED_EN + "\"}");
        };
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() == null || u.getHost() == null ? "" : u.getScheme() + "://" + u.getAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
