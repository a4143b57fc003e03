package org.fangpin.platform.consuming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

import org.fangpin.platform.failure.TransientFailures;

/**
 * Says every failed delivery and every dead-lettered event: a WARN line naming the consumer, the record and the
 * reason, and the counters {@code fangpin.events.delivery.failures} (by consumer, topic and kind: transient or
 * deterministic) and {@code fangpin.events.dead.lettered} (by consumer and topic), which the alert rules watch.
 */
class DeliveryRetries implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DeliveryRetries(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        String kind = TransientFailures.isTransient(failure) ? "transient" : "deterministic";
        log.warn("Delivery of {}-{}@{} to {} failed ({}, attempt {}): {}", record.topic(), record.partition(),
                record.offset(), consumer(), kind, attempt, reason(failure));
        counter("fangpin.events.delivery.failures", "Deliveries of received events that failed, by kind",
                record.topic(), kind).increment();
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
        records.forEach(record -> failedDelivery(record, failure, attempt));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        log.warn("Parked {}-{}@{} of {} on the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), consumer(), reason(failure));
        counter("fangpin.events.dead.lettered", "Received events parked on a dead-letter topic", record.topic(),
                null).increment();
    }

    private Counter counter(String name, String description, String topic, String kind) {
        String consumer = consumer();
        return counters.computeIfAbsent(name + "/" + consumer + "/" + topic + "/" + kind, key -> {
            Counter.Builder builder = Counter.builder(name).description(description)
                    .tag("consumer", consumer).tag("topic", topic);
            return (kind == null ? builder : builder.tag("kind", kind)).register(meters);
        });
    }

    private static String consumer() {
        String group = KafkaUtils.getConsumerGroupId();
        return group == null ? "unknown" : group;
    }

    /** The innermost cause: what went wrong, without the wrappers of the listener container. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
