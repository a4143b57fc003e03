package org.fangpin.platform.consuming;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;

/**
 * Applies a received event exactly once per consumer: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivered, replayed or duplicated envelope changes nothing.
 * <p>
 * The effect runs as this service's system actor, within the correlation of the event that caused it. An effect
 * that fails rolls back together with the record of the delivery, so the delivery is retried and, failing again,
 * goes to the dead-letter topic.
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Actor systemActor;
    private final MeterRegistry meters;

    public EventInbox(JdbcClient jdbc, TransactionTemplate transactions, String service, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.systemActor = Actor.system(service + "-service");
        this.meters = meters;
    }

    /**
     * @param consumer a stable name of the consuming projection or automation, e.g. {@code StartMonitoring}
     * @return whether the effect was applied (false for a delivery seen before)
     */
    public boolean receive(String consumer, ConsumerRecord<String, byte[]> record, Consumer<EventEnvelope> effect) {
        EventEnvelope envelope = codec.decode(record.value());
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!recordFirstDelivery(consumer, envelope.id())) {
                return false;
            }
            String correlation = envelope.correlationId() != null ? envelope.correlationId() : envelope.id();
            RequestContext.runAs(systemActor, correlation, () -> {
                effect.accept(envelope);
                return null;
            });
            return true;
        }));
        Counter.builder("fangpin.events.consumed")
                .description("Events received from Kafka, by whether they had an effect or were seen before")
                .tag("consumer", consumer).tag("topic", record.topic()).tag("outcome", applied ? "applied" : "duplicate")
                .register(meters).increment();
        return applied;
    }

    private boolean recordFirstDelivery(String consumer, String eventId) {
        return jdbc.sql("""
                        INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                        ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }
}
