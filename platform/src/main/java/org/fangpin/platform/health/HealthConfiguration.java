package org.fangpin.platform.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness that tells the truth: the service's database and Kafka both answer ({@code fangpin-platform.yml}). */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    KafkaHealth kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealth(kafkaAdmin);
    }
}
