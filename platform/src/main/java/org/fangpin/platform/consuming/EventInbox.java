package org.fangpin.platform.consuming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.tracing.EventTracing;

/**
 * Applies a received event exactly once per consumer: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivered, replayed or duplicated envelope changes nothing.
 * <p>
 * The effect runs as this service's system actor, within the correlation of the event that caused it. An effect
 * that fails rolls back together with the record of the delivery, so the delivery is retried and, failing again,
 * goes to the dead-letter topic.
 * <p>
 * Each delivery is one Axon unit of work that owns the transaction, so that commands sent by the effect run in units
 * of work nested in it: their aggregates stay locked until the transaction has committed. Otherwise a command from a
 * user could load the aggregate between the lock's release and the commit, miss the event just appended and fail
 * to append its own.
 * <p>
 * Each handling is a span in the trace of the event's publication ({@link EventTracing}).
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionManager transactions;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Actor systemActor;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final EventTracing tracing;

    public EventInbox(JdbcClient jdbc, TransactionManager transactions, String service, MeterRegistry meters,
                      EventTracing tracing) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.systemActor = Actor.system(service + "-service");
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * @param consumer a stable name of the consuming projection or automation, e.g. {@code StartMonitoring}
     * @return whether the effect was applied (false for a delivery seen before)
     */
    public boolean receive(String consumer, ConsumerRecord<String, byte[]> record, Consumer<EventEnvelope> effect) {
        EventEnvelope envelope = codec.decode(record.value());
        boolean applied = tracing.handling(consumer, record.topic(), envelope,
                () -> Boolean.TRUE.equals(inOneUnitOfWork(() -> applyFirstDelivery(consumer, envelope, effect))));
        count(consumer, record.topic(), applied, 1);
        return applied;
    }

    private boolean applyFirstDelivery(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> effect) {
        if (recordFirstDeliveries(consumer, List.of(envelope)).isEmpty()) {
            return false;
        }
        String correlation = envelope.correlationId() != null ? envelope.correlationId() : envelope.id();
        RequestContext.runAs(systemActor, correlation, () -> {
            effect.accept(envelope);
            return null;
        });
        return true;
    }

    /**
     * The batch form for projections that keep up with a whole topic (a read side, a rebuild): a poll's events are
     * recorded with one statement and their effect gets, in order, those not seen before, all in one transaction.
     * When that fails, the records are received again one transaction each, and the first that still fails is
     * reported to the listener container by its index, so that only it is retried (and at last dead-lettered) after
     * the ones before it are kept. The effect runs as the system actor; it is meant for writes to the consumer's own
     * tables, not for commands.
     *
     * @return the events whose effect was applied
     */
    public List<EventEnvelope> receiveAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
                                          Consumer<List<EventEnvelope>> effect) {
        return receiveInBatch(consumer, records, envelopes -> applyFirstDeliveries(consumer, envelopes, effect));
    }

    /**
     * Like {@link #receiveAll}, for a projection whose own table keeps every event id once (a unique column written
     * with {@code ON CONFLICT DO NOTHING}): no inbox row is written, and the effect returns, in order, the events it
     * applied, those not seen before.
     */
    public List<EventEnvelope> receiveAllIdempotent(String consumer, List<ConsumerRecord<String, byte[]>> records,
                                                    Function<List<EventEnvelope>, List<EventEnvelope>> effect) {
        return receiveInBatch(consumer, records, envelopes -> RequestContext.runAs(systemActor, null,
                () -> effect.apply(envelopes)));
    }

    private List<EventEnvelope> receiveInBatch(String consumer, List<ConsumerRecord<String, byte[]>> records,
                                               Function<List<EventEnvelope>, List<EventEnvelope>> applyNew) {
        List<EventEnvelope> envelopes;
        List<EventEnvelope> applied;
        try {
            envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
            applied = tracing.handlingAll(consumer, records.stream().map(ConsumerRecord::topic).toList(), envelopes,
                    () -> inOneUnitOfWork(() -> applyNew.apply(envelopes)));
        } catch (RuntimeException batchFailed) {
            return receiveOneByOne(consumer, records, applyNew);
        }
        Set<String> appliedIds = new HashSet<>();
        applied.forEach(envelope -> appliedIds.add(envelope.id()));
        Map<String, Map<Boolean, Integer>> outcomes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            outcomes.computeIfAbsent(records.get(i).topic(), topic -> new HashMap<>())
                    .merge(appliedIds.remove(envelopes.get(i).id()), 1, Integer::sum);
        }
        outcomes.forEach((topic, byOutcome) -> byOutcome.forEach((wasApplied, count) ->
                count(consumer, topic, wasApplied, count)));
        return applied;
    }

    private List<EventEnvelope> receiveOneByOne(String consumer, List<ConsumerRecord<String, byte[]>> records,
                                                Function<List<EventEnvelope>, List<EventEnvelope>> applyNew) {
        List<EventEnvelope> applied = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                EventEnvelope envelope = codec.decode(record.value());
                List<EventEnvelope> now = tracing.handling(consumer, record.topic(), envelope,
                        () -> inOneUnitOfWork(() -> applyNew.apply(List.of(envelope))));
                count(consumer, record.topic(), !now.isEmpty(), 1);
                applied.addAll(now);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("receiving failed in " + consumer, failure, i);
            }
        }
        return applied;
    }

    private List<EventEnvelope> applyFirstDeliveries(String consumer, List<EventEnvelope> envelopes,
                                                     Consumer<List<EventEnvelope>> effect) {
        List<EventEnvelope> first = recordFirstDeliveries(consumer, envelopes);
        if (!first.isEmpty()) {
            RequestContext.runAs(systemActor, null, () -> {
                effect.accept(first);
                return null;
            });
        }
        return first;
    }

    /** Commits the work's writes, and the events of commands it sent, together; rolls all back when it fails. */
    private <T> T inOneUnitOfWork(Supplier<T> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<T> result = unitOfWork.executeWithResult(work::get);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    /** Records the deliveries' event ids; returns, in order, the envelopes recorded now (not seen before). */
    private List<EventEnvelope> recordFirstDeliveries(String consumer, List<EventEnvelope> envelopes) {
        Set<String> recordedNow = new HashSet<>(jdbc.sql("""
                        INSERT INTO processed_event (consumer, event_id)
                        SELECT :consumer, id FROM unnest(CAST(:ids AS VARCHAR[])) AS id
                        ON CONFLICT DO NOTHING
                        RETURNING event_id""")
                .param("consumer", consumer)
                .param("ids", envelopes.stream().map(EventEnvelope::id).toArray(String[]::new))
                .query(String.class)
                .list());
        // remove(): an event delivered twice within the same poll is applied once
        return envelopes.stream().filter(envelope -> recordedNow.remove(envelope.id())).toList();
    }

    private void count(String consumer, String topic, boolean applied, int events) {
        String outcome = applied ? "applied" : "duplicate";
        counters.computeIfAbsent(consumer + "/" + topic + "/" + outcome, key ->
                Counter.builder("fangpin.events.consumed")
                        .description("Events received from Kafka, by whether they had an effect or were seen before")
                        .tag("consumer", consumer).tag("topic", topic).tag("outcome", outcome)
                        .register(meters)).increment(events);
    }
}
