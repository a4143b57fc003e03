package org.fangpin.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
     * A household's events in causal order: the order of occurrence across services, ties by source service, then
     * by the position in that source's chain (ADR 0029), each numbered in that order among all its entries. The order
     * and the numbers depend on the events alone, never on the order in which the topics delivered them.
     *
     * @param kind a service ({@code identification}, {@code monitoring}, {@code assistance}), a full event type, or
     *             {@code null} for all events
     */
    public List<TimelineEntry> timeline(String householdId, String kind) {
        return jdbc.sql("""
                        SELECT event_id, event_type, kind, region_code, occurred_at, actor_id, actor_name, actor_role,
                               actor_region, correlation_id, summary, happened_on, backdating_note, import_source,
                               import_row, sequence
                        FROM (SELECT t.*, row_number() OVER (ORDER BY occurred_at, source, chain_index) AS sequence
                              FROM timeline_entry t WHERE household_id = :id) numbered
                        WHERE CAST(:kind AS VARCHAR) IS NULL OR kind = :kind OR event_type = :kind
                        ORDER BY sequence""")
                .param("id", householdId)
                .param("kind", kind)
                .query(TimelineQueries::entry)
                .list();
    }

    /** One recorded event of the household: its type, when it was recorded, its summary and its data as stored. */
    public Optional<StoredEntry> entry(String householdId, String eventId) {
        return jdbc.sql("""
                        SELECT event_id, event_type, occurred_at, happened_on, summary, data::text AS data
                        FROM timeline_entry WHERE event_id = :event AND household_id = :id""")
                .param("event", eventId)
                .param("id", householdId)
                .query((rs, row) -> new StoredEntry(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getObject("happened_on", LocalDate.class), rs.getString("summary"), rs.getString("data")))
                .optional();
    }

    /**
     * The household's region as its latest recorded entry gives it, and a hash of all its chains, read from the
     * chains' index alone; empty when nothing is recorded for it. The hash changes whenever an entry is added.
     */
    public Optional<ChainHead> head(String householdId) {
        return jdbc.sql("""
                        SELECT (array_agg(region_code ORDER BY position DESC))[1] AS region_code,
                               sha256(string_agg(hash, ''::bytea ORDER BY source, chain_index)) AS hash
                        FROM timeline_entry WHERE household_id = :id
                        HAVING count(*) > 0""")
                .param("id", householdId)
                .query((rs, row) -> new ChainHead(rs.getString("region_code"), rs.getBytes("hash")))
                .optional();
    }

    /**
     * Recomputes every link of the household's hash chains, one per source service: an entry is intact when its
     * stored hash is the hash of its content and of the previous entry's hash in its chain, and its chain index
     * follows the previous one. The first entry that fails is where the history was altered (a later one fails too
     * when a hash was rewritten to hide it). Each entry also gives the link its event had in the source's store.
     */
    public List<ChainLink> chain(String householdId) {
        return jdbc.sql("""
                        SELECT position, event_id, source, chain_index, source_aggregate, source_sequence,
                               encode(source_hash, 'hex') AS source_hash,
                               hash = timeline_entry_digest(t) AS content_intact,
                               prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain AS linked,
                               chain_index = row_number() OVER chain AS in_sequence
                        FROM timeline_entry t
                        WHERE household_id = :id
                        WINDOW chain AS (PARTITION BY source ORDER BY chain_index)
                        ORDER BY source, chain_index""")
                .param("id", householdId)
                .query((rs, row) -> new ChainLink(rs.getLong("position"), rs.getString("event_id"),
                        rs.getString("source"), rs.getInt("chain_index"), rs.getString("source_aggregate"),
                        (Long) rs.getObject("source_sequence"), rs.getString("source_hash"),
                        rs.getBoolean("content_intact"), rs.getBoolean("linked"), rs.getBoolean("in_sequence")))
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
                rs.getObject("happened_on", LocalDate.class), rs.getString("backdating_note"),
                Provenance.of(rs.getString("import_source"), (Integer) rs.getObject("import_row")),
                rs.getInt("sequence"));
    }

    /**
     * @param happenedOn the day the step happened as its event gives it; {@code null} when the event carries none
     *                   (or was recorded before the timeline kept it): it happened when recorded
     * @param provenance the file and line an imported event came from; {@code null} for a step recorded live
     */
    public record TimelineEntry(String eventId, String eventType, String kind, String regionCode,
                                OffsetDateTime occurredAt, String actorId, String actorName, String actorRole,
                                String actorRegion, String correlationId, String summary, LocalDate happenedOn,
                                String backdatingNote, Provenance provenance, int sequence) {
    }

    /** @param data the event's data as JSON, personal data included */
    public record StoredEntry(String eventId, String eventType, OffsetDateTime occurredAt, LocalDate happenedOn,
                              String summary, String data) {
    }

    /** The household's region as its latest entry gives it, and a hash over its chains. */
    public record ChainHead(String regionCode, byte[] hash) {
    }

    /**
     * @param sourceHash the event's link in its source's store (hex), as the source published it; null for events
     *                   published before the stores were chained
     */
    public record ChainLink(long position, String eventId, String source, int chainIndex, String sourceAggregate,
                            Long sourceSequence, String sourceHash, boolean contentIntact, boolean linked,
                            boolean inSequence) {

        public boolean intact() {
            return contentIntact && linked && inSequence;
        }
    }
}
