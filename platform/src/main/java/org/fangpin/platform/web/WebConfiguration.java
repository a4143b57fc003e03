package org.fangpin.platform.web;

import java.time.Clock;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.security.AuthorizationBeforeBinding;

/** problem+json errors and correlation ids for every service's HTTP edge. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * Messages live in {@code messages_zh_CN.properties} / {@code messages_en.properties} of the service and
     * {@code platform-messages_*} of the platform; there is no locale-less default, every message exists in both.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** Dates of work (reported on, verified on, ...) are county dates: Asia/Shanghai. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    /**
     * Bean Validation's {@code @PastOrPresent} judges a county date by the county's clock too: by the server's zone
     * (UTC), a visit entered today between midnight and 8 o'clock in the county would be "in the future".
     */
    @Bean
    ValidationConfigurationCustomizer countyClockForValidation(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Bean
    WebMvcConfigurer countyTimeJson() {
        return new CountyTimeJson();
    }

    @Bean
    Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    @Bean
    ProblemHandler problemHandler(Problems problems) {
        return new ProblemHandler(problems);
    }

    /** Right after the correlation id, before anything reads a body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(PlatformProperties properties, Problems problems,
                                                              ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.web(), problems, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After authentication, so a body is read only once its user may call the endpoint. */
    @Bean
    FilterRegistrationBean<AuthorizationBeforeBinding> authorizationBeforeBinding(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers, Problems problems,
            ObjectMapper json) {
        FilterRegistrationBean<AuthorizationBeforeBinding> registration =
                new FilterRegistrationBean<>(new AuthorizationBeforeBinding(handlers, problems, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    /** After authorisation (it keys kept responses by the authenticated user). */
    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(JdbcClient jdbc, Problems problems,
                                                                      ObjectMapper json) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyFilter(jdbc, problems, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** Runs before Spring Security, so refusals of unauthenticated requests carry the correlation id too. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
