package org.fangpin.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of a household's timeline and the proof that its stored history is intact. */
@Component
public class TimelineQueries {

    private final JdbcClient jdbc;

    TimelineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A household's events in causal order: the order of occurrence across services, ties in order of arrival.
     *
     * @param kind a service ({@code identification}, {@code monitoring}, {@code assistance}), a full event type, or
     *             {@code null} for all events
     */
    public List<TimelineEntry> timeline(String householdId, String kind) {
        return jdbc.sql("""
                        SELECT event_id, event_type, kind, region_code, occurred_at, actor_id, actor_name, actor_role,
                               actor_region, correlation_id, summary, chain_index
                        FROM timeline_entry
                        WHERE household_id = :id
                          AND (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind OR event_type = :kind)
                        ORDER BY occurred_at, position""")
                .param("id", householdId)
                .param("kind", kind)
                .query(TimelineQueries::entry)
                .list();
    }

    /**
     * The household's latest entry, read from the chain's index alone; empty when nothing is recorded for it. Its
     * hash covers every entry recorded for the household before it, so it changes whenever one is added.
     */
    public Optional<ChainHead> head(String householdId) {
        return jdbc.sql("""
                        SELECT region_code, hash FROM timeline_entry WHERE household_id = :id
                        ORDER BY chain_index DESC LIMIT 1""")
                .param("id", householdId)
                .query((rs, row) -> new ChainHead(rs.getString("region_code"), rs.getBytes("hash")))
                .optional();
    }

    /**
     * Recomputes every link of the household's hash chain: an entry is intact when its stored hash is the hash of
     * its content and of the previous entry's hash, and its chain index follows the previous one. The first entry
     * that fails is where the history was altered (a later one fails too when a hash was rewritten to hide it).
     */
    public List<ChainLink> chain(String householdId) {
        return jdbc.sql("""
                        SELECT position, event_id, chain_index,
                               hash = timeline_entry_digest(t) AS content_intact,
                               prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain AS linked,
                               chain_index = row_number() OVER chain AS in_sequence
                        FROM timeline_entry t
                        WHERE household_id = :id
                        WINDOW chain AS (ORDER BY chain_index)
                        ORDER BY chain_index""")
                .param("id", householdId)
                .query((rs, row) -> new ChainLink(rs.getLong("position"), rs.getString("event_id"),
                        rs.getInt("chain_index"), rs.getBoolean("content_intact"), rs.getBoolean("linked"),
                        rs.getBoolean("in_sequence")))
                .list();
    }

    /**
     * Mapped by hand: mapping a record by its property names makes the driver build an exception for every column
     * not found under the property's own name, which cost more than the query itself.
     */
    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(rs.getString("event_id"), rs.getString("event_type"), rs.getString("kind"),
                rs.getString("region_code"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
                rs.getString("actor_region"), rs.getString("correlation_id"), rs.getString("summary"),
                rs.getInt("chain_index"));
    }

    public record TimelineEntry(String eventId, String eventType, String kind, String regionCode,
                                OffsetDateTime occurredAt, String actorId, String actorName, String actorRole,
                                String actorRegion, String correlationId, String summary, int chainIndex) {
    }

    /** The household's region as its latest entry gives it, and that entry's chain hash. */
    public record ChainHead(String regionCode, byte[] hash) {
    }

    public record ChainLink(long position, String eventId, int chainIndex, boolean contentIntact, boolean linked,
                            boolean inSequence) {

        public boolean intact() {
            return contentIntact && linked && inSequence;
        }
    }
}
