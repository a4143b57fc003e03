package org.fangpin.timeline.process;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of the timeline's projection (ADR 0039): each in its own schema, recorded by its own consumer group.
 * Readers read the live one through the public views; a rebuild builds the next one beside it.
 */
@Component
public class TimelineVersions {

    /** What a version is doing; a version only ever moves forward through these. */
    public enum State {
        /** recording entries from the beginning of the topics, statuses left for later */
        BUILDING,
        /** statuses derived; recording entries and statuses as the live version does, until it has caught up */
        READY,
        /** what readers read */
        LIVE,
        /** replaced; its recorders are stopping */
        RETIRED,
        /** its schema and consumer group are gone */
        DROPPED;

        boolean recorded() {
            return this == BUILDING || this == READY || this == LIVE;
        }
    }

    public record Version(int number, String schema, String group, State state) {

        /** Sets the version's schema first in the transaction's search path: its writes go to its own tables. */
        void use(JdbcClient jdbc) {
            jdbc.sql("SELECT set_config('search_path', :path, true)").param("path", schema + ", public")
                    .query(String.class).single();
        }
    }

    private final JdbcClient jdbc;

    TimelineVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version not yet dropped, oldest first. */
    public List<Version> current() {
        return jdbc.sql("""
                        SELECT version, schema_name, consumer_group, state FROM timeline_version
                        WHERE state <> 'DROPPED' ORDER BY version""")
                .query((rs, row) -> new Version(rs.getInt("version"), rs.getString("schema_name"),
                        rs.getString("consumer_group"), State.valueOf(rs.getString("state"))))
                .list();
    }

    public Optional<Version> live() {
        return current().stream().filter(version -> version.state() == State.LIVE).findFirst();
    }

    /** The version's state, its row locked against a change of state until the caller's transaction ends. */
    State lockedState(int version) {
        return State.valueOf(jdbc.sql("SELECT state FROM timeline_version WHERE version = :version FOR SHARE")
                .param("version", version).query(String.class).single());
    }
}
