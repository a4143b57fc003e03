package org.fangpin.platform.evidence;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.admin.AdminActions;

/**
 * Tamper evidence of every service's event store (ADR 0028): its verification over HTTP
 * ({@code GET /api/admin/<service>/evidence/verify}) and from the command line ({@code --verify-evidence}), and the
 * hourly signed digests of its chain heads.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    @Bean
    EventStoreChain eventStoreChain(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new EventStoreChain(jdbc, transactions);
    }

    @Bean
    EvidenceController evidenceController(EventStoreChain chain, AdminActions actions) {
        return new EvidenceController(chain, actions);
    }

    @Bean
    EvidenceCommandLine evidenceCommandLine(EventStoreChain chain, ApplicationContext context) {
        return new EvidenceCommandLine(chain, System.out, EvidenceCommandLine.exitingProcess(context));
    }

    /** The digests are kept for good: they are what a rewritten chain is compared with. */
    @Bean
    NewTopic evidenceTopic(PlatformProperties properties) {
        return TopicBuilder.name(ChainDigests.TOPIC).partitions(properties.topicPartitions()).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** A service that publishes events publishes the digests of its chain heads too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fangpin.publishing.enabled", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Digests {

        @Bean
        ChainDigests chainDigests(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, PlatformProperties properties,
                                  @Value("${fangpin.evidence.digest-key:${FANGPIN_EVIDENCE_KEY:}}") String key) {
            return new ChainDigests(jdbc, kafka, properties.service(), key);
        }
    }
}
