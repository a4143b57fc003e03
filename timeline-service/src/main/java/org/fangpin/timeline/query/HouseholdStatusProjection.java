package org.fangpin.timeline.query;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.RawValue;
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

    /** An event as the recorder received it, with the time it occurred. */
    public record Occurred(HouseholdEvent event, OffsetDateTime at) {
    }

    /**
     * Applies events that have just been recorded in {@code timeline_entry}, in the order they arrived: one read and
     * one write of {@code household_status} for all the households concerned, and one replay for those whose events
     * arrived out of order.
     */
    public void apply(List<Occurred> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<Occurred>> byHousehold = new LinkedHashMap<>();
        events.forEach(occurred -> byHousehold.computeIfAbsent(occurred.event().householdId(),
                household -> new ArrayList<>()).add(occurred));
        Map<String, Status> before = readForUpdate(byHousehold.keySet());
        Map<String, Status> after = new LinkedHashMap<>();
        Set<String> outOfOrder = new LinkedHashSet<>();
        byHousehold.forEach((household, arrived) -> {
            Status status = before.getOrDefault(household, new Status(HouseholdRecord.of(household), null));
            HouseholdRecord record = status.record();
            OffsetDateTime last = status.lastOccurredAt();
            for (Occurred occurred : arrived) {
                OffsetDateTime at = occurred.at().truncatedTo(ChronoUnit.MICROS);
                // a tie with the last applied is replayed too: ties are ordered by source, not arrival (ADR 0029)
                if (last != null && !at.isAfter(last)) {
                    outOfOrder.add(household);
                } else {
                    record.apply(occurred.event(), StoredEvents.day(at));
                    last = at;
                }
            }
            after.put(household, new Status(record, last));
        });
        stored.replay(outOfOrder).forEach((household, replayed) ->
                after.put(household, new Status(replayed.record(), after.get(household).lastOccurredAt())));
        save(after.values());
    }

    /**
     * Derives every household's status from all its recorded entries, replacing what it was: a rebuild derives each
     * status once, after the entries are recorded. Runs in the caller's transaction; the entries are decoded and
     * replayed on {@code replayer}.
     */
    public void deriveAll(Executor replayer) {
        stored.replayAll(replayer, replayed -> save(replayed.stream()
                .map(household -> new Status(household.record(), household.lastOccurredAt()))
                .toList()));
    }

    private Map<String, Status> readForUpdate(Collection<String> households) {
        Map<String, Status> statuses = new HashMap<>();
        // One primary-key lookup per household, whatever the planner believes of the table's size: a rebuild starts
        // from an empty table, and a plan cached then would otherwise scan the whole table once per poll.
        jdbc.sql("""
                        SELECT status.household_id, status.record::text AS record, status.last_occurred_at
                        FROM unnest(CAST(:ids AS VARCHAR[])) AS household(id)
                        CROSS JOIN LATERAL (SELECT household_id, record, last_occurred_at FROM household_status
                                            WHERE household_id = household.id FOR UPDATE) AS status""")
                .param("ids", households.toArray(String[]::new))
                .query(rs -> {
                    statuses.put(rs.getString("household_id"), new Status(read(rs.getString("record")),
                            rs.getObject("last_occurred_at", OffsetDateTime.class)));
                });
        return statuses;
    }

    private void save(Collection<Status> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        ArrayNode rows = JSON.createArrayNode();
        for (Status status : statuses) {
            HouseholdRecord record = status.record();
            rows.addObject()
                    .put("household_id", record.householdId())
                    .put("region_code", record.regionCode())
                    .put("status", record.status().name())
                    .put("object_type", record.objectType() == null ? null : record.objectType().name())
                    .put("warning_level", record.warningLevel().map(Enum::name).orElse(null))
                    .put("safety_net", record.flags().contains(StatusFlag.SAFETY_NET))
                    .put("open_overdue_items", record.openOverdueItems())
                    .put("last_occurred_at", status.lastOccurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .putRawValue("record", new RawValue(write(record)));
        }
        jdbc.sql("""
                        INSERT INTO household_status (household_id, region_code, status, object_type, warning_level,
                                                      safety_net, open_overdue_items, last_occurred_at, record)
                        SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS status(
                            household_id VARCHAR, region_code VARCHAR, status VARCHAR, object_type VARCHAR,
                            warning_level VARCHAR, safety_net BOOLEAN, open_overdue_items INT,
                            last_occurred_at TIMESTAMPTZ, record JSONB)
                        ON CONFLICT (household_id) DO UPDATE SET
                            region_code = EXCLUDED.region_code, status = EXCLUDED.status,
                            object_type = EXCLUDED.object_type, warning_level = EXCLUDED.warning_level,
                            safety_net = EXCLUDED.safety_net, open_overdue_items = EXCLUDED.open_overdue_items,
                            last_occurred_at = EXCLUDED.last_occurred_at, record = EXCLUDED.record""")
                .param("rows", write(rows))
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

    private static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("household records cannot be stored", e);
        }
    }

    private record Status(HouseholdRecord record, OffsetDateTime lastOccurredAt) {
    }
}
