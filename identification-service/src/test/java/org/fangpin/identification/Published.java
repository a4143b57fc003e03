package org.fangpin.identification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;

/** What identification-service published on its topic about one subject, read from the topic's beginning. */
public final class Published {

    private Published() {
    }

    /** The envelopes of the subject, in order, once at least {@code atLeast} arrived (fails after 30 s). */
    public static List<EventEnvelope> about(KafkaBroker kafka, String topic, String subject, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < atLeast) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + atLeast + " events about " + subject + ", got "
                            + found.stream().map(EventEnvelope::type).toList());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (subject.equals(record.key())) {
                        found.add(Envelopes.decode(record.value()));
                    }
                });
            }
        }
        return found;
    }
}
