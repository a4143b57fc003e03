package org.fangpin.platform.publishing;

import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far publication is behind the event store (gauge {@code fangpin.events.unpublished}): the store's last global
 * index less the publisher's position, read when the metrics are scraped. Only the replica whose publisher holds the
 * segment reports a value; the others report none (NaN), so {@code max by (application)} is the service's lag. Gaps
 * in the index (appends rolled back) may add a few events to it.
 */
final class PublisherLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore store;

    PublisherLag(EventProcessingConfiguration processing, EventStore store) {
        this.processing = processing;
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fangpin.events.unpublished", this, PublisherLag::unpublished)
                .description("events stored but not yet published to Kafka").register(registry);
    }

    private double unpublished() {
        OptionalLong published = processing
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).stream()
                .flatMap(publisher -> publisher.processingStatus().values().stream())
                .flatMapToLong(status -> status.getCurrentPosition().stream())
                .min();
        if (published.isEmpty()) {
            return Double.NaN;
        }
        long head = store.createHeadToken().position().orElse(0);
        return Math.max(0, head - published.getAsLong());
    }
}
