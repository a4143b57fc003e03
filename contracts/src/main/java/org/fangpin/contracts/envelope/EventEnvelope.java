package org.fangpin.contracts.envelope;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.fangpin.contracts.PublishedEvent;

/**
 * A published event as it travels on Kafka: a CloudEvents 1.0 envelope whose subject is the event's subject
 * (for household events, the household id).
 *
 * @param data    the event record, or {@code null} when this reader does not know the type (a newer contract)
 * @param rawData the event's JSON as sent, kept for readers that store events they do not interpret
 * @param link     the event's place in its service's hash-chained store; {@code null} when not given
 * @param imported the file and line an imported event came from; {@code null} for an event recorded live
 * @param trace    the trace context of the work that caused the event; {@code null} when not given
 */
public record EventEnvelope(String id, String source, String type, String subject, OffsetDateTime time,
                            String regionCode, ActorRef actor, String correlationId, PublishedEvent data,
                            JsonNode rawData, SourceLink link, ImportProvenance imported, TraceContext trace) {

    public EventEnvelope(String id, String source, String type, String subject, OffsetDateTime time,
                         String regionCode, ActorRef actor, String correlationId, PublishedEvent data,
                         JsonNode rawData, SourceLink link, ImportProvenance imported) {
        this(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData, link, imported, null);
    }

    public EventEnvelope(String id, String source, String type, String subject, OffsetDateTime time,
                         String regionCode, ActorRef actor, String correlationId, PublishedEvent data,
                         JsonNode rawData, SourceLink link) {
        this(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData, link, null);
    }

    public EventEnvelope(String id, String source, String type, String subject, OffsetDateTime time,
                         String regionCode, ActorRef actor, String correlationId, PublishedEvent data,
                         JsonNode rawData) {
        this(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData, null, null);
    }

    /** The same envelope with its place in the source's chain. */
    public EventEnvelope withLink(SourceLink link) {
        return new EventEnvelope(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData,
                link, imported, trace);
    }

    /** The same envelope with the file and line it was imported from. */
    public EventEnvelope withImport(ImportProvenance provenance) {
        return new EventEnvelope(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData,
                link, provenance, trace);
    }

    /** The same envelope in the given trace. */
    public EventEnvelope withTrace(TraceContext context) {
        return new EventEnvelope(id, source, type, subject, time, regionCode, actor, correlationId, data, rawData,
                link, imported, context);
    }

    public boolean isKnown() {
        return data != null;
    }

    /** The same envelope around other data of the same event (e.g. without its personal data). */
    public EventEnvelope withData(PublishedEvent otherData) {
        return new EventEnvelope(id, source, type, subject, time, regionCode, actor, correlationId, otherData, null,
                link, imported, trace);
    }
}
