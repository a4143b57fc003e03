package org.fangpin.timeline.process;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.timeline.query.HouseholdStatusProjection;

/**
 * Records every event of every service in the timeline, once, whether or not this reader knows its type (an event
 * of a newer contract is kept with its raw data and a generic summary), and keeps the household's status in the
 * same transaction. The database chains each entry to its subject's previous one (tamper evidence).
 */
@Component
class TimelineRecorder implements ConsumerSeekAware {

    static final String CONSUMER = "ReadModel_Timeline";

    private final EventInbox inbox;
    private final JdbcClient jdbc;
    private final HouseholdStatusProjection statuses;
    private final TransactionTemplate transactions;
    private final AtomicBoolean rewind = new AtomicBoolean();

    TimelineRecorder(EventInbox inbox, JdbcClient jdbc, HouseholdStatusProjection statuses,
                     TransactionTemplate transactions) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.transactions = transactions;
    }

    /**
     * A poll's records are recorded in one transaction: one commit per batch rather than per event is what lets a
     * rebuild replay the topics quickly. When one fails, the batch is recorded again one event per transaction, so
     * that the error handler retries (and at last dead-letters) only the failing event, after the ones before it
     * are kept; the inbox makes the second pass over already recorded events change nothing.
     */
    @KafkaListener(id = CONSUMER, topics = {Topics.IDENTIFICATION, Topics.MONITORING, Topics.ASSISTANCE},
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            transactions.executeWithoutResult(status -> records.forEach(this::receive));
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    receive(records.get(i));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException("recording failed", failure, i);
                }
            }
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::record);
    }

    /** The next assignment of partitions reads every topic from its beginning (a rebuild). */
    void rewindOnNextAssignment() {
        rewind.set(true);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (rewind.getAndSet(false)) {
            callback.seekToBeginning(assignments.keySet());
        }
    }

    private void record(EventEnvelope envelope) {
        ActorRef actor = envelope.actor() != null ? envelope.actor() : new ActorRef(null, null, null, null);
        String summary = envelope.isKnown() ? TimelineSummaries.summarize(envelope.data(), envelope.type())
                : TimelineSummaries.unknown(envelope.type());
        jdbc.sql("""
                        INSERT INTO timeline_entry (event_id, household_id, region_code, event_type, source, occurred_at,
                                                    actor_id, actor_name, actor_role, actor_region, correlation_id,
                                                    summary, data)
                        VALUES (:id, :household, :region, :type, :source, :at, :actorId, :actorName, :actorRole,
                                :actorRegion, :correlation, :summary, CAST(:data AS jsonb))""")
                .param("id", envelope.id())
                .param("household", envelope.subject())
                .param("region", envelope.regionCode())
                .param("type", envelope.type())
                .param("source", envelope.source())
                .param("at", Timestamp.from(envelope.time().toInstant()))
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("actorRole", actor.role())
                .param("actorRegion", actor.region())
                .param("correlation", envelope.correlationId())
                .param("summary", summary)
                .param("data", json(envelope))
                .update();
        if (envelope.data() instanceof HouseholdEvent event) {
            statuses.apply(event, envelope.time());
        }
    }

    private static String json(EventEnvelope envelope) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(envelope.rawData());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.id() + " data cannot be stored", e);
        }
    }
}
