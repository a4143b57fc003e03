package org.fangpin.platform.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import org.fangpin.platform.PlatformProperties;

/** Every service's admin commands and their record ({@code /api/admin/<service>/...}). */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

    @Bean
    AdminActions adminActions(JdbcClient jdbc) {
        return new AdminActions(jdbc);
    }

    @Bean
    DeadLetters deadLetters(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, PlatformProperties properties) {
        return new DeadLetters(listeners, kafka, properties);
    }

    @Bean
    AdminController serviceAdminController(AdminActions actions, DeadLetters deadLetters) {
        return new AdminController(actions, deadLetters);
    }
}
