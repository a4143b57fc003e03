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
                Map.of("until", OffsetDateTime.ofInstant(until, COUNTY_TIME))).get(householdId))
                .map(Replayed::record);
    }

    /** A household's record as its events make it, and when the last of them occurred. */
    public record Replayed(HouseholdRecord record, OffsetDateTime lastOccurredAt) {
    }

    /**
     * The records as all their recorded events make them, by household; a subject with no household event (a
     * policy, an event of a contract this reader does not know) is left out.
     */
    public Map<String, Replayed> replay(Collection<String> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return replay(householdIds, "", Map.of());
    }

    /**
     * Events are applied in order of occurrence (the order the services caused them in, whatever order they arrived
     * in), ties in order of arrival. Each household's entries are read by the chain's index, one household after
     * the other (the ordered subquery keeps the planner from joining the ids to a scan of the whole table, which it
     * would otherwise choose for a large batch, or for any batch in a plan cached while the table was empty).
     */
    private Map<String, Replayed> replay(Collection<String> householdIds, String condition, Map<String, ?> params) {
        Map<String, Replayed> records = new HashMap<>();
        jdbc.sql("""
                        SELECT entry.household_id, entry.event_type, entry.occurred_at, entry.data::text AS data
                        FROM unnest(CAST(:ids AS VARCHAR[])) WITH ORDINALITY AS household(id, n)
                        CROSS JOIN LATERAL (SELECT household_id, event_type, occurred_at, position, data
                                            FROM timeline_entry WHERE household_id = household.id %s
                                            ORDER BY occurred_at, position) AS entry
                        ORDER BY household.n, entry.occurred_at, entry.position""".formatted(condition))
                .param("ids", householdIds.stream().distinct().toArray(String[]::new))
                .params(params)
                .query(rs -> {
                    String household = rs.getString("household_id");
                    OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
                    decode(rs.getString("event_type"), rs.getString("data")).ifPresent(event -> {
                        HouseholdRecord record = records.containsKey(household) ? records.get(household).record()
                                : HouseholdRecord.of(household);
                        records.put(household, new Replayed(record.apply(event, day(at)), at));
                    });
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
