package org.fangpin.timeline.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.envelope.EnvelopeCodec;

/** Reads a household's recorded events back as event records, to replay them into a {@link HouseholdRecord}. */
@Component
public class StoredEvents {

    /** The county's days: "as of a date" ends at midnight in Asia/Shanghai. */
    public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The record as the household's events that occurred before {@code until} make it; empty when none had been
     * recorded by then.
     */
    public Optional<HouseholdRecord> replay(String householdId, Instant until) {
        return Optional.ofNullable(replay("household_id = :id AND occurred_at < :until",
                Map.of("id", householdId, "until", OffsetDateTime.ofInstant(until, COUNTY_TIME))).get(householdId));
    }

    /** The records as all their recorded events make them, by household; a household with none is left out. */
    public Map<String, HouseholdRecord> replay(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return replay("household_id = ANY(CAST(:ids AS VARCHAR[]))",
                Map.of("ids", householdIds.toArray(String[]::new)));
    }

    /**
     * Events are applied in order of occurrence (the order the services caused them in, whatever order they arrived
     * in), ties in order of arrival.
     */
    private Map<String, HouseholdRecord> replay(String condition, Map<String, ?> params) {
        Map<String, HouseholdRecord> records = new HashMap<>();
        jdbc.sql("""
                        SELECT household_id, event_type, occurred_at, data::text AS data FROM timeline_entry
                        WHERE %s
                        ORDER BY household_id, occurred_at, position""".formatted(condition))
                .params(params)
                .query(rs -> {
                    HouseholdRecord record = records.computeIfAbsent(rs.getString("household_id"),
                            HouseholdRecord::of);
                    LocalDate on = day(rs.getObject("occurred_at", OffsetDateTime.class));
                    decode(rs.getString("event_type"), rs.getString("data")).ifPresent(event -> record.apply(event, on));
                });
        return records;
    }

    static Optional<HouseholdEvent> decode(String type, String data) {
        return EventCatalog.forType(type)
                .filter(entry -> HouseholdEvent.class.isAssignableFrom(entry.eventClass()))
                .map(entry -> {
                    try {
                        return (HouseholdEvent) EnvelopeCodec.mapper().readValue(data, entry.eventClass());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored " + type + " does not match its contract", e);
                    }
                });
    }

    static LocalDate day(OffsetDateTime instant) {
        return instant.atZoneSameInstant(COUNTY_TIME).toLocalDate();
    }
}
