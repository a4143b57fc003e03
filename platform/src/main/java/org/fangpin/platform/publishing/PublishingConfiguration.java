package org.fangpin.platform.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.platform.PlatformProperties;
import org.fangpin.platform.evidence.EventStoreChain;

/**
 * The Kafka bridge of a service that publishes events: its publishing processor. A read-only
 * service switches it off with {@code fangpin.publishing.enabled: false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fangpin.publishing.enabled", havingValue = "true", matchIfMissing = true)
public class PublishingConfiguration {

    @Bean
    KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PlatformProperties properties,
                                            MeterRegistry meters, EventStoreChain chain) {
        return new KafkaEventPublisher(kafka, properties.service(), meters, chain);
    }

    @Bean
    PublisherLag publisherLag(EventProcessingConfiguration processing, EventStore store) {
        return new PublisherLag(processing, store);
    }

    /** Errors propagate so that the processor retries the batch with back-off instead of skipping events. */
    @Bean
    ConfigurerModule publisherErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
