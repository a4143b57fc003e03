package org.fangpin.timeline.query;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.jdbc.Like;

/**
 * The households of a region as {@code household_status} holds them, filtered by status, object type, warning level
 * and the head's name, in order of region code and household id: a page is keyed on the last row of the previous
 * one, so a page costs the same however deep it is (indexes of V11).
 */
@Component
public class HouseholdSearchQueries {

    private final JdbcClient jdbc;

    HouseholdSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param headName part of the head of household's name; null for any */
    public record Filter(String regionPrefix, HouseholdStatus status, ObjectType objectType, WarningLevel warningLevel,
                         String headName) {
    }

    /** The last row of a page: the next page starts after it. */
    public record After(String regionCode, String householdId) {
    }

    public record Found(String householdId, String regionCode, String headName, String headIdNumber,
                        HouseholdStatus status, ObjectType objectType, WarningLevel warningLevel) {
    }

    /** Up to {@code size} households after {@code after} (null for the first page). */
    public List<Found> page(Filter filter, After after, int size) {
        StringBuilder where = new StringBuilder("region_code COLLATE \"C\" LIKE :region");
        if (filter.status() != null) {
            where.append(" AND status = :status");
        }
        if (filter.objectType() != null) {
            where.append(" AND object_type = :objectType");
        }
        if (filter.warningLevel() != null) {
            where.append(" AND warning_level = :warningLevel");
        }
        if (filter.headName() != null) {
            where.append(" AND record->>'headName' LIKE :headName");
        }
        if (after != null) {
            where.append(" AND (region_code COLLATE \"C\", household_id COLLATE \"C\") > (:afterRegion, :afterId)");
        }
        var query = jdbc.sql("""
                        SELECT household_id, region_code, status, object_type, warning_level,
                               record->>'headName' AS head_name, record->>'headIdNumber' AS head_id_number
                        FROM household_status
                        WHERE %s
                        ORDER BY region_code COLLATE "C", household_id COLLATE "C"
                        LIMIT :size""".formatted(where))
                .param("region", Like.startsWith(filter.regionPrefix()))
                .param("size", size);
        if (filter.status() != null) {
            query = query.param("status", filter.status().name());
        }
        if (filter.objectType() != null) {
            query = query.param("objectType", filter.objectType().name());
        }
        if (filter.warningLevel() != null) {
            query = query.param("warningLevel", filter.warningLevel().name());
        }
        if (filter.headName() != null) {
            query = query.param("headName", Like.contains(filter.headName()));
        }
        if (after != null) {
            query = query.param("afterRegion", after.regionCode()).param("afterId", after.householdId());
        }
        return query.query((rs, row) -> new Found(rs.getString("household_id"), rs.getString("region_code"),
                rs.getString("head_name"), rs.getString("head_id_number"),
                HouseholdStatus.valueOf(rs.getString("status")),
                rs.getString("object_type") == null ? null : ObjectType.valueOf(rs.getString("object_type")),
                rs.getString("warning_level") == null ? null : WarningLevel.valueOf(rs.getString("warning_level"))))
                .list();
    }
}
