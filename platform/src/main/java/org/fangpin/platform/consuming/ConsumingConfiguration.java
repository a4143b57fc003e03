package org.fangpin.platform.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.envelope.MalformedEnvelopeException;
import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.failure.TransientFailures;
import org.fangpin.platform.tracing.EventTracing;

/** Idempotent consumption and the dead-letter path shared by every service's Kafka listeners. */
@Configuration(proxyBeanMethods = false)
public class ConsumingConfiguration {

    @Bean
    EventInbox eventInbox(JdbcClient jdbc, TransactionManager transactions, PlatformProperties properties,
                          MeterRegistry meters, EventTracing tracing) {
        return new EventInbox(jdbc, transactions, properties.service(), meters, tracing);
    }

    /**
     * Every service makes sure every published topic exists before its listeners subscribe: a consumer that
     * subscribed to a topic not yet created would notice it only at its next metadata refresh, minutes later. The
     * topics are kept forever: they are the history the read side is rebuilt from.
     */
    @Bean
    KafkaAdmin.NewTopics publishedTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(EventCatalog.topics().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.topicPartitions()).replicas(1)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build())
                .toArray(NewTopic[]::new));
    }

    /**
     * Consumer groups are global in Kafka: a listener's group is its id prefixed with the service, so that two
     * services' listeners of the same name (e.g. each service's {@code ReadModel_Policy}) each read every event.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> groupPerServiceAndListener(
            PlatformProperties properties) {
        return container -> container.getContainerProperties()
                .setGroupId(properties.service() + "." + container.getGroupId());
    }

    /**
     * Transient is not poison: a delivery that fails for an infrastructure reason ({@link TransientFailures}) is
     * retried with back-off (up to {@code fangpin.delivery.max-transient-interval} apart) for as long as it takes,
     * its partition paused meanwhile so the consumer stays in its group; one that fails because of the event is
     * retried {@code fangpin.delivery.retries} times, then published to {@code <topic>.<service>.dlt} with the
     * exception in its headers, and the partition moves on. A malformed envelope goes there at once. Every failure
     * is logged and counted ({@link DeliveryRetries}).
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka, PlatformProperties properties,
                                                 ListenerContainerRegistry containers, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
        PlatformProperties.Delivery delivery = properties.delivery();
        ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
        resumer.setThreadNamePrefix("delivery-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(delivery.retryInterval().toMillis(), delivery.retries()),
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(containers, resumer)));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure)
                ? untilItSucceeds(delivery) : null);
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class);
        handler.setRetryListeners(new DeliveryRetries(meters));
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private static BackOff untilItSucceeds(PlatformProperties.Delivery delivery) {
        ExponentialBackOff backOff = new ExponentialBackOff(delivery.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(delivery.maxTransientInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
