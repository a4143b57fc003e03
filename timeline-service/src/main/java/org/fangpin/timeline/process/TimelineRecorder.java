package org.fangpin.timeline.process;

import java.sql.Timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.platform.consuming.EventInbox;

/**
 * Records every event of every service in the timeline, once, whether or not this reader knows its type (an event
 * of a newer contract is kept with its raw data and a generic summary).
 */
@Component
class TimelineRecorder {

    static final String CONSUMER = "ReadModel_Timeline";

    private final EventInbox inbox;
    private final JdbcClient jdbc;

    TimelineRecorder(EventInbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.IDENTIFICATION, Topics.MONITORING, Topics.ASSISTANCE})
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(CONSUMER, record, this::record);
    }

    private void record(EventEnvelope envelope) {
        ActorRef actor = envelope.actor() != null ? envelope.actor() : new ActorRef(null, null, null, null);
        String summary = envelope.isKnown() ? TimelineSummaries.summarize(envelope.data(), envelope.type())
                : "事件 " + envelope.type();
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
    }

    private static String json(EventEnvelope envelope) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(envelope.rawData());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.id() + " data cannot be stored", e);
        }
    }
}
