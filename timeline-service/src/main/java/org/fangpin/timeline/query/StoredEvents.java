package org.fangpin.timeline.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
        return replay(householdId, "AND occurred_at < :until", OffsetDateTime.ofInstant(until, COUNTY_TIME));
    }

    /** The record as all of the household's recorded events make it. */
    public Optional<HouseholdRecord> replay(String householdId) {
        return replay(householdId, "", null);
    }

    /**
     * Events are applied in order of occurrence (the order the services caused them in, whatever order they arrived
     * in), ties in order of arrival.
     */
    private Optional<HouseholdRecord> replay(String householdId, String condition, OffsetDateTime until) {
        HouseholdRecord record = HouseholdRecord.of(householdId);
        var query = jdbc.sql("""
                        SELECT event_type, occurred_at, data::text AS data FROM timeline_entry
                        WHERE household_id = :id %s
                        ORDER BY occurred_at, position""".formatted(condition))
                .param("id", householdId);
        if (until != null) {
            query = query.param("until", until);
        }
        int entries = query.query((rs, row) -> {
                    LocalDate on = day(rs.getObject("occurred_at", OffsetDateTime.class));
                    decode(rs.getString("event_type"), rs.getString("data")).ifPresent(event -> record.apply(event, on));
                    return row;
                })
                .list().size();
        return entries == 0 ? Optional.empty() : Optional.of(record);
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
