package org.fangpin.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.platform.jdbc.Like;

/**
 * The county event log: every recorded event, newest first, filtered by region prefix, type, actor, role and days.
 * Pages are keyed on the position (a cursor), so a page costs the same however deep it is; an export streams rows
 * through a database cursor and never holds the log in memory, under the exports' statement timeout.
 */
@Component
public class EventLogQueries {

    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Exports exports;

    EventLogQueries(JdbcClient jdbc, DataSource dataSource, Exports exports) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.exports = exports;
    }

    /** One page after {@code cursor} (the position of the last entry of the previous page; null for the first). */
    public List<LoggedEvent> page(EventLogFilter filter, Long cursor, int size) {
        Where where = where(filter);
        if (cursor != null) {
            where.add("position < :cursor", "cursor", cursor);
        }
        var query = jdbc.sql(select(where) + " LIMIT :size");
        for (Map.Entry<String, Object> param : where.params().entrySet()) {
            query = query.param(param.getKey(), param.getValue());
        }
        return query.param("size", size).query(EventLogQueries::logged).list();
    }

    /** Every entry the filter selects, newest first, handed to {@code sink} one at a time. */
    public void export(EventLogFilter filter, Consumer<LoggedEvent> sink) {
        Where where = where(filter);
        exports.run(() -> streaming.query(select(where), where.params(),
                (RowCallbackHandler) rs -> sink.accept(logged(rs, 0))));
    }

    private static String select(Where where) {
        return """
                SELECT position, event_id, household_id, region_code, event_type, occurred_at, actor_id, actor_name,
                       actor_role, correlation_id, summary, happened_on, backdating_note, import_source, import_row
                FROM timeline_entry %s
                ORDER BY position DESC""".formatted(where.sql());
    }

    private static Where where(EventLogFilter filter) {
        Where where = new Where();
        where.add("region_code LIKE :region", "region", Like.startsWith(filter.regionPrefix()));
        if (filter.type() != null) {
            where.add("event_type = :type", "type", filter.type());
        }
        if (filter.actor() != null) {
            where.add("actor_id = :actor", "actor", filter.actor());
        }
        if (filter.role() != null) {
            where.add("actor_role = :role", "role", filter.role());
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from", "from", filter.from().atStartOfDay(StoredEvents.COUNTY_TIME)
                    .toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to", "to", filter.to().plusDays(1).atStartOfDay(StoredEvents.COUNTY_TIME)
                    .toOffsetDateTime());
        }
        return where;
    }

    private static LoggedEvent logged(ResultSet rs, int row) throws SQLException {
        return new LoggedEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("household_id"),
                rs.getString("region_code"), rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("correlation_id"),
                rs.getString("summary"), rs.getObject("happened_on", LocalDate.class), rs.getString("backdating_note"),
                Provenance.of(rs.getString("import_source"), (Integer) rs.getObject("import_row")));
    }

    /**
     * @param regionPrefix the region the log is limited to (the caller's own region unless a narrower one is asked)
     * @param from         first day included (county time); null for no limit
     * @param to           last day included (county time); null for no limit
     */
    public record EventLogFilter(String regionPrefix, String type, String actor, String role, LocalDate from,
                                 LocalDate to) {
    }

    /**
     * @param happenedOn the day the step happened as its event gives it; {@code null} when it carries none
     * @param provenance the file and line of an imported event; {@code null} for a step recorded live
     */
    public record LoggedEvent(long position, String eventId, String subject, String regionCode, String type,
                              OffsetDateTime occurredAt, String actorId, String actorName, String actorRole,
                              String correlationId, String summary, LocalDate happenedOn, String backdatingNote,
                              Provenance provenance) {
    }

    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String sql() {
            return "WHERE " + String.join(" AND ", conditions);
        }

        Map<String, Object> params() {
            return params;
        }
    }
}
