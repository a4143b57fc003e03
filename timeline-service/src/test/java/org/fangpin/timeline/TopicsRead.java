package org.fangpin.timeline;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.EventCatalog;

/**
 * Sends an event as its service publishes it (ADR 0038): to its public topic and, for a service whose events carry
 * personal data, in full to its personal topic too, which is the one timeline-service records from.
 */
final class TopicsRead {

    private TopicsRead() {
    }

    static CompletableFuture<?> send(KafkaTemplate<String, byte[]> kafka, String type, String key, byte[] envelope) {
        EventCatalog.Entry entry = EventCatalog.forType(type).orElseThrow();
        return CompletableFuture.allOf(Stream.concat(Stream.of(entry.topic()),
                        EventCatalog.personalTopic(entry.service()).stream())
                .map(topic -> kafka.send(topic, key, envelope)).toArray(CompletableFuture[]::new));
    }
}
