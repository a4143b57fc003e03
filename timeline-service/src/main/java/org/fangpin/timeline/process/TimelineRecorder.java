package org.fangpin.timeline.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.ImportProvenance;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.timeline.query.HouseholdStatusProjection;
import org.fangpin.timeline.query.HouseholdStatusProjection.Occurred;

/**
 * Records every event of every service in a version of the timeline (ADR 0039), once, whether or not this reader
 * knows its type (an event of a newer contract is kept with its raw data and a generic summary), and keeps the
 * households' status in the same transaction (except while a new version catches up, which derives them once
 * afterwards), with the day each step happened and, for an imported event, its file and line. The entries' unique event ids make a redelivered event change nothing. The database chains each entry
 * to its subject's previous one (tamper evidence), one chain per household and source service, with the event's link
 * in the source's store.
 */
@Component
class TimelineRecorder {

    static final String CONSUMER = "ReadModel_Timeline";

    private static final ObjectMapper JSON = EnvelopeCodec.mapper();
    /** About the size of an entry as JSON, so that a poll's buffer rarely grows. */
    private static final int ENTRY_BYTES = 1200;

    private final EventInbox inbox;
    private final JdbcClient jdbc;
    private final HouseholdStatusProjection statuses;
    private final TimelineVersions versions;
    private final Timer lag;

    TimelineRecorder(EventInbox inbox, JdbcClient jdbc, HouseholdStatusProjection statuses, TimelineVersions versions,
                     MeterRegistry meters) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.versions = versions;
        this.lag = Timer.builder("fangpin.timeline.lag")
                .description("From an event's time in the service that caused it to its commit in the timeline")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * A poll's records are recorded together in the recorder's version: one transaction, one insert of the entries
     * and one read and one write of the status of each household concerned, which is what lets a new version catch
     * up with the topics quickly. Large polls make that faster and cost a live reader nothing: a poll returns as soon
     * as anything has arrived.
     * <p>
     * Several recorders (one consumer each) overlap their work with the database's. The range assignor gives each of
     * them the same partition numbers of the three topics, which are partitioned alike by household, so all events of
     * a household go to one recorder: no two recorders extend the same chain or status at once.
     */
    void on(TimelineRecorders.Recorder recorder, List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> recorded = inbox.receiveAllIdempotent(CONSUMER, records, envelopes -> {
            recorder.version().use(jdbc);
            return record(envelopes, statusesKept(recorder));
        });
        if (recorder.live()) {
            // a new version records events again long after they happened: their age is not the timeline's lag
            Instant committed = Instant.now();
            recorded.forEach(envelope -> lag.record(Duration.between(envelope.time().toInstant(), committed)));
        }
    }

    /**
     * Whether this poll keeps the statuses. A version still catching up leaves them to the one derivation; its state is
     * read with a share lock, so the derivation (which changes it) waits for polls that left them, and polls after it
     * see it changed. Once kept, always kept: no lock any more.
     */
    private boolean statusesKept(TimelineRecorders.Recorder recorder) {
        if (recorder.keepsStatuses()) {
            return true;
        }
        boolean kept = versions.lockedState(recorder.version().number()) != TimelineVersions.State.BUILDING;
        if (kept) {
            recorder.keepStatuses();
        }
        return kept;
    }

    /**
     * The entries are inserted in the order received, so each household's chain of each source follows the order of
     * the household's partition of that source's topic (ADR 0029), whatever the other topics interleave. An
     * event recorded before (a redelivery) is left out by its unique id, and so is a second copy within the poll.
     *
     * @return the envelopes recorded now, in order
     */
    private List<EventEnvelope> record(List<EventEnvelope> envelopes, boolean withStatuses) {
        Set<String> recordedNow = new HashSet<>(jdbc.sql("""
                        INSERT INTO timeline_entry (event_id, household_id, region_code, event_type, source, occurred_at,
                                                    actor_id, actor_name, actor_role, actor_region, correlation_id,
                                                    summary, data, source_aggregate, source_sequence, source_hash,
                                                    happened_on, backdating_note, import_source, import_row)
                        SELECT event_id, household_id, region_code, event_type, source, occurred_at, actor_id,
                               actor_name, actor_role, actor_region, correlation_id, summary, data, source_aggregate,
                               source_sequence, decode(source_hash, 'hex'), happened_on, backdating_note,
                               import_source, import_row
                        FROM ROWS FROM (jsonb_to_recordset(CAST(convert_from(:entries, 'UTF8') AS jsonb)) AS (
                                 event_id VARCHAR, household_id VARCHAR, region_code VARCHAR, event_type VARCHAR,
                                 source VARCHAR, occurred_at TIMESTAMPTZ, actor_id VARCHAR, actor_name VARCHAR,
                                 actor_role VARCHAR, actor_region VARCHAR, correlation_id VARCHAR, summary TEXT,
                                 data JSONB, source_aggregate VARCHAR, source_sequence BIGINT, source_hash VARCHAR,
                                 happened_on DATE, backdating_note TEXT, import_source VARCHAR, import_row INT))
                             WITH ORDINALITY AS entry
                        ORDER BY entry.ordinality
                        ON CONFLICT (event_id) DO NOTHING
                        RETURNING event_id""")
                .param("entries", entries(envelopes))
                .query(String.class)
                .list());
        List<EventEnvelope> recorded = envelopes.stream().filter(envelope -> recordedNow.remove(envelope.id()))
                .toList();
        if (withStatuses) {
            statuses.apply(recorded.stream().filter(envelope -> envelope.data() instanceof HouseholdEvent)
                    .map(envelope -> new Occurred((HouseholdEvent) envelope.data(), envelope.time()))
                    .toList());
        }
        return recorded;
    }

    /**
     * Written field by field (building a tree of nodes first and serialising it took a sixth of a recorder's time),
     * straight into UTF-8 bytes: as a Java string, the Chinese summaries made a poll's JSON a UTF-16 text that the
     * driver then encoded again, a third of what a rebuild allocated.
     */
    private static byte[] entries(List<EventEnvelope> envelopes) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(envelopes.size() * ENTRY_BYTES);
        try (JsonGenerator entries = JSON.getFactory().createGenerator(json, JsonEncoding.UTF8)) {
            entries.setCodec(JSON);
            entries.writeStartArray();
            for (EventEnvelope envelope : envelopes) {
                ActorRef actor = envelope.actor() != null ? envelope.actor() : new ActorRef(null, null, null, null);
                entries.writeStartObject();
                entries.writeStringField("event_id", envelope.id());
                entries.writeStringField("household_id", envelope.subject());
                entries.writeStringField("region_code", envelope.regionCode());
                entries.writeStringField("event_type", envelope.type());
                entries.writeStringField("source", envelope.source());
                entries.writeStringField("occurred_at", microseconds(envelope.time()));
                entries.writeStringField("actor_id", actor.id());
                entries.writeStringField("actor_name", actor.name());
                entries.writeStringField("actor_role", actor.role());
                entries.writeStringField("actor_region", actor.region());
                entries.writeStringField("correlation_id", envelope.correlationId());
                entries.writeStringField("summary", envelope.isKnown()
                        ? TimelineSummaries.summarize(envelope.data(), envelope.type())
                        : TimelineSummaries.unknown(envelope.type()));
                entries.writeFieldName("data");
                entries.writeTree(envelope.rawData());
                SourceLink link = envelope.link();
                if (link != null) {
                    entries.writeStringField("source_aggregate", link.aggregateId());
                    entries.writeNumberField("source_sequence", link.sequence());
                    entries.writeStringField("source_hash", link.hash());
                }
                LocalDate happenedOn = BusinessDates.happenedOn(envelope.data());
                if (happenedOn != null) {
                    entries.writeStringField("happened_on", happenedOn.toString());
                }
                String note = BusinessDates.backdatingNote(envelope.data());
                if (note != null) {
                    entries.writeStringField("backdating_note", note);
                }
                ImportProvenance imported = envelope.imported();
                if (imported != null) {
                    entries.writeStringField("import_source", imported.source());
                    if (imported.row() != null) {
                        entries.writeNumberField("import_row", imported.row());
                    }
                }
                entries.writeEndObject();
            }
            entries.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a poll's entries cannot be stored", e);
        }
        return json.toByteArray();
    }

    /** As the database keeps it, so that the status projection compares times the way they are stored. */
    private static String microseconds(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
