package org.fangpin.platform.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import org.fangpin.contracts.envelope.MalformedEnvelopeException;
import org.fangpin.platform.PlatformProperties;

/** Idempotent consumption and the dead-letter path shared by every service's Kafka listeners. */
@Configuration(proxyBeanMethods = false)
public class ConsumingConfiguration {

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, TransactionTemplate transactions, PlatformProperties properties,
                          MeterRegistry meters) {
        return new EventInbox(jdbc, transactions, properties.service(), meters);
    }

    /**
     * A delivery that keeps failing is retried a few times, then published to {@code <topic>.<service>.dlt} with
     * the exception in its headers, and the partition moves on. A malformed envelope goes there at once.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka, PlatformProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
        PlatformProperties.Delivery delivery = properties.delivery();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(delivery.retryInterval().toMillis(), delivery.retries()));
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class);
        return handler;
    }
}
