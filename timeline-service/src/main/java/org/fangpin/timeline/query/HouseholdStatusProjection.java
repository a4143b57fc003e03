package org.fangpin.timeline.query;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.envelope.EnvelopeCodec;

/**
 * Keeps {@code household_status} in step with the recorded events, in the recorder's transaction. Events of one
 * household arrive from three topics and may arrive out of the order they happened in (a lagging partition, a
 * rebuild); an event older than the last one applied makes the record be replayed from the stored events in order
 * of occurrence, so the result never depends on the order of arrival.
 */
@Component
public class HouseholdStatusProjection {

    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private final JdbcClient jdbc;
    private final StoredEvents stored;

    HouseholdStatusProjection(JdbcClient jdbc, StoredEvents stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    /** Applies an event that has just been recorded in {@code timeline_entry}. */
    public void apply(HouseholdEvent event, OffsetDateTime occurredAt) {
        OffsetDateTime at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        Optional<Current> current = jdbc.sql("""
                        SELECT record::text AS record, last_occurred_at FROM household_status
                        WHERE household_id = :id FOR UPDATE""")
                .param("id", event.householdId())
                .query((rs, row) -> new Current(rs.getString("record"),
                        rs.getObject("last_occurred_at", OffsetDateTime.class)))
                .optional();
        HouseholdRecord record;
        OffsetDateTime last;
        if (current.isEmpty() || !at.isBefore(current.get().lastOccurredAt())) {
            record = current.map(c -> read(c.record())).orElseGet(() -> HouseholdRecord.of(event.householdId()))
                    .apply(event, StoredEvents.day(at));
            last = at;
        } else {
            record = stored.replay(event.householdId()).orElseThrow();
            last = current.get().lastOccurredAt();
        }
        save(record, last);
    }

    private void save(HouseholdRecord record, OffsetDateTime lastOccurredAt) {
        jdbc.sql("""
                        INSERT INTO household_status (household_id, region_code, status, object_type, warning_level,
                                                      safety_net, open_overdue_items, last_occurred_at, record)
                        VALUES (:id, :region, :status, :objectType, :warningLevel, :safetyNet, :overdue, :last,
                                CAST(:record AS jsonb))
                        ON CONFLICT (household_id) DO UPDATE SET
                            region_code = EXCLUDED.region_code, status = EXCLUDED.status,
                            object_type = EXCLUDED.object_type, warning_level = EXCLUDED.warning_level,
                            safety_net = EXCLUDED.safety_net, open_overdue_items = EXCLUDED.open_overdue_items,
                            last_occurred_at = EXCLUDED.last_occurred_at, record = EXCLUDED.record""")
                .param("id", record.householdId())
                .param("region", record.regionCode())
                .param("status", record.status().name())
                .param("objectType", record.objectType() == null ? null : record.objectType().name())
                .param("warningLevel", record.warningLevel().map(Enum::name).orElse(null))
                .param("safetyNet", record.flags().contains(StatusFlag.SAFETY_NET))
                .param("overdue", record.openOverdueItems())
                .param("last", lastOccurredAt)
                .param("record", write(record))
                .update();
    }

    /** The record as the projection holds it now. */
    public Optional<HouseholdRecord> current(String householdId) {
        return jdbc.sql("SELECT record::text FROM household_status WHERE household_id = :id")
                .param("id", householdId)
                .query(String.class)
                .optional()
                .map(HouseholdStatusProjection::read);
    }

    static HouseholdRecord read(String json) {
        try {
            return JSON.readValue(json, HouseholdRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("household_status record cannot be read", e);
        }
    }

    private static String write(HouseholdRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("household record " + record.householdId() + " cannot be stored", e);
        }
    }

    private record Current(String record, OffsetDateTime lastOccurredAt) {
    }
}
