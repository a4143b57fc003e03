package org.fangpin.timeline.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
        return Optional.ofNullable(replay(List.of(householdId), "AND occurred_at < :until",
                Map.of("until", OffsetDateTime.ofInstant(until, COUNTY_TIME))).get(householdId));
    }

    /**
     * The records as all their recorded events make them, by household; a subject with no household event (a
     * policy, an event of a contract this reader does not know) is left out.
     */
    public Map<String, HouseholdRecord> replay(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return replay(householdIds, "", Map.of());
    }

    /**
     * Events are applied in order of occurrence (the order the services caused them in, whatever order they arrived
     * in), ties in order of arrival. Each household's entries are one range of the household index, whatever the
     * planner believes of the table's size (a rebuild starts from an empty table, and a plan cached then would
     * otherwise scan the whole table for every replay).
     */
    private Map<String, HouseholdRecord> replay(Collection<String> householdIds, String condition,
                                                Map<String, ?> params) {
        Map<String, HouseholdRecord> records = new HashMap<>();
        jdbc.sql("""
                        SELECT entry.household_id, entry.event_type, entry.occurred_at, entry.data::text AS data
                        FROM unnest(CAST(:ids AS VARCHAR[])) AS household(id)
                        CROSS JOIN LATERAL (SELECT household_id, event_type, occurred_at, position, data
                                            FROM timeline_entry WHERE household_id = household.id %s) AS entry
                        ORDER BY entry.household_id, entry.occurred_at, entry.position""".formatted(condition))
                .param("ids", householdIds.toArray(String[]::new))
                .params(params)
                .query(rs -> {
                    String household = rs.getString("household_id");
                    LocalDate on = day(rs.getObject("occurred_at", OffsetDateTime.class));
                    decode(rs.getString("event_type"), rs.getString("data")).ifPresent(event ->
                            records.computeIfAbsent(household, HouseholdRecord::of).apply(event, on));
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
