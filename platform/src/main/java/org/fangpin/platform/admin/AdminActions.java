package org.fangpin.platform.admin;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;

/**
 * The record of every admin action asked of this service, with the actor (id, name, role, region), the time and the
 * request's correlation id: a refusal with its code, an allowed action before it runs ({@code ACCEPTED}), how it
 * ended ({@code DONE}, {@code FAILED}). Each row is committed on its own, so no refusal or failure goes unrecorded.
 */
public class AdminActions {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    public AdminActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String action, String outcome) {
        Actor actor = RequestContext.requireActor();
        jdbc.sql("""
                        INSERT INTO admin_action (action, outcome, actor_id, actor_name, actor_role, actor_region,
                                                  correlation_id)
                        VALUES (:action, :outcome, :id, :name, :role, :region, :correlation)""")
                .param("action", action)
                .param("outcome", outcome)
                .param("id", actor.id())
                .param("name", actor.name())
                .param("role", actor.role().name())
                .param("region", actor.region())
                .param("correlation", RequestContext.currentCorrelationId().orElse(null))
                .update();
    }

    /** Newest first, after {@code cursor} (the id of the last action of the previous page; null for the first). */
    public List<AdminAction> page(Long cursor, int size) {
        return jdbc.sql("""
                        SELECT id, action, outcome, actor_id, actor_name, actor_role, actor_region, correlation_id,
                               requested_at
                        FROM admin_action WHERE id < :cursor ORDER BY id DESC LIMIT :size""")
                .param("cursor", cursor == null ? Long.MAX_VALUE : cursor)
                .param("size", size)
                .query((rs, row) -> new AdminAction(rs.getLong("id"), rs.getString("action"),
                        rs.getString("outcome"), rs.getString("actor_id"), rs.getString("actor_name"),
                        rs.getString("actor_role"), rs.getString("actor_region"), rs.getString("correlation_id"),
                        rs.getObject("requested_at", OffsetDateTime.class)
                                .atZoneSameInstant(COUNTY_TIME).toOffsetDateTime()))
                .list();
    }

    /**
     * One admin action as inspectors read it.
     *
     * @param outcome {@code ACCEPTED}, {@code DONE}, {@code FAILED}, or the problem code it was refused with
     */
    public record AdminAction(long id, String action, String outcome, String actorId, String actorName,
                              String actorRole, String actorRegion, String correlationId,
                              OffsetDateTime requestedAt) {
    }
}
