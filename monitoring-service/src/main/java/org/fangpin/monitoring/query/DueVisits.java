package org.fangpin.monitoring.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.platform.jdbc.Like;
import org.fangpin.platform.policy.PolicyBook;

/**
 * 本月待监测: the monitored households whose record of this month is still to be entered while their village's
 * reporting day ({@code monthlyMonitoringDueDay} of the policy) has not passed. After that day they are missed (漏测)
 * and listed as such instead.
 */
@Component
public class DueVisits {

    private final JdbcClient jdbc;
    private final PolicyBook policy;

    DueVisits(JdbcClient jdbc, PolicyBook policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** The month's reporting day: the policy's day, or the month's last day in a shorter month. */
    public static LocalDate reportingDay(YearMonth month, int dueDay) {
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }

    /**
     * The households of a region due for this month's visit on {@code today}, by household id, a page at a time.
     *
     * @param after the household id of the last visit of the previous page (empty for the first page)
     */
    public List<DueVisit> page(String regionPrefix, LocalDate today, String after, int limit) {
        YearMonth month = YearMonth.from(today);
        Map<String, LocalDate> dueOn = new LinkedHashMap<>();
        for (String village : villages(regionPrefix)) {
            policy.thresholds(village, month.getYear())
                    .map(thresholds -> reportingDay(month, thresholds.monthlyMonitoringDueDay()))
                    .filter(day -> !day.isBefore(today))
                    .ifPresent(day -> dueOn.put(village, day));
        }
        if (dueOn.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT h.household_id, h.region_code, h.object_type,
                               to_char(h.last_recorded_month, 'YYYY-MM') AS last_recorded_month
                        FROM monitored_household h
                        WHERE h.region_code IN (:villages) AND h.closed_on IS NULL AND h.started_on <= :today
                          AND h.household_id > :after
                          AND NOT EXISTS (SELECT 1 FROM monthly_record r
                                          WHERE r.household_id = h.household_id AND r.month = :month)
                          AND NOT EXISTS (SELECT 1 FROM missed_monitoring m
                                          WHERE m.household_id = h.household_id AND m.month = :month)
                        ORDER BY h.household_id LIMIT :limit""")
                .param("villages", List.copyOf(dueOn.keySet()))
                .param("today", today)
                .param("after", after == null ? "" : after)
                .param("month", month.atDay(1))
                .param("limit", limit)
                .query((row, number) -> new DueVisit(row.getString("household_id"), row.getString("region_code"),
                        row.getString("object_type"), month, dueOn.get(row.getString("region_code")),
                        row.getString("last_recorded_month")))
                .list();
    }

    private List<String> villages(String regionPrefix) {
        return jdbc.sql("""
                        SELECT DISTINCT region_code FROM monitored_household
                        WHERE closed_on IS NULL AND region_code LIKE :region""")
                .param("region", Like.startsWith(regionPrefix))
                .query(String.class).list();
    }

    /**
     * @param dueOn             the village's reporting day of the month
     * @param lastRecordedMonth the household's latest recorded month, absent before its first record
     */
    public record DueVisit(String householdId, String regionCode, String objectType, YearMonth month, LocalDate dueOn,
                           String lastRecordedMonth) {
    }
}
