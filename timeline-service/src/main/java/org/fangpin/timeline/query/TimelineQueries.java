package org.fangpin.timeline.query;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the timeline. */
@Component
public class TimelineQueries {

    private final JdbcClient jdbc;

    TimelineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A household's events in order of occurrence (ties in order of arrival). */
    public List<TimelineEntry> timeline(String householdId) {
        return jdbc.sql("""
                        SELECT event_id, event_type, region_code, occurred_at, actor_id, actor_name, actor_role,
                               actor_region, correlation_id, summary
                        FROM timeline_entry WHERE household_id = :id
                        ORDER BY occurred_at, position""")
                .param("id", householdId)
                .query(TimelineEntry.class)
                .list();
    }

    public record TimelineEntry(String eventId, String eventType, String regionCode, OffsetDateTime occurredAt,
                                String actorId, String actorName, String actorRole, String actorRegion,
                                String correlationId, String summary) {
    }
}
