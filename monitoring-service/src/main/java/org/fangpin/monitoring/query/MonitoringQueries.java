package org.fangpin.monitoring.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the monitored households, their records, warnings and missed months. */
@Component
public class MonitoringQueries {

    private final JdbcClient jdbc;

    MonitoringQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MonitoredHouseholdView> household(String householdId) {
        return jdbc.sql("""
                        SELECT household_id, region_code, object_type, started_on, look_back, warning_level,
                               colour_grade, to_char(last_recorded_month, 'YYYY-MM') AS last_recorded_month,
                               visit_hazard_id, visit_requested_on, closed_on, closure_reason
                        FROM monitored_household WHERE household_id = :id""")
                .param("id", householdId)
                .query(MonitoredHouseholdView.class)
                .optional();
    }

    /** The regions of the households, for a bulk request: households not monitored are absent. */
    public List<HouseholdRegion> regionsOf(List<String> householdIds) {
        return jdbc.sql("SELECT household_id, region_code FROM monitored_household WHERE household_id IN (:ids)")
                .param("ids", householdIds)
                .query(HouseholdRegion.class)
                .list();
    }

    public List<MonthlyRecordView> records(String householdId) {
        return jdbc.sql("""
                        SELECT to_char(month, 'YYYY-MM') AS month, per_capita_net_income, guarantee_gaps,
                               contact_method, no_visit_reason, rigid_expenditures::text AS rigid_expenditures,
                               employment_unstable, emergency, correction, recorded_on, recorded_by
                        FROM monthly_record WHERE household_id = :id ORDER BY month DESC, recorded_at DESC""")
                .param("id", householdId)
                .query(MonthlyRecordView.class)
                .list();
    }

    public List<WarningChangeView> warningHistory(String householdId) {
        return jdbc.sql("""
                        SELECT warning_id, change, level, rule, observed, threshold, reason, changed_on
                        FROM warning_change WHERE household_id = :id ORDER BY seq""")
                .param("id", householdId)
                .query(WarningChangeView.class)
                .list();
    }

    /**
     * The open warnings within a region, oldest first, a page at a time.
     *
     * @param after the {@code seq} of the last warning of the previous page (0 for the first page)
     */
    public List<WarningView> openWarnings(String regionPrefix, String level, long after, int limit) {
        return jdbc.sql("""
                        SELECT seq, warning_id, household_id, region_code, level, rule, observed, threshold, reason,
                               raised_on
                        FROM warning
                        WHERE cleared_on IS NULL AND region_code LIKE :region || '%'
                          AND (CAST(:level AS VARCHAR) IS NULL OR level = :level) AND seq > :after
                        ORDER BY seq LIMIT :limit""")
                .param("region", regionPrefix)
                .param("level", level)
                .param("after", after)
                .param("limit", limit)
                .query(WarningView.class)
                .list();
    }

    /** The households of a village whose month was flagged as missed and is still unrecorded. */
    public List<MissedView> missed(String villageCode, YearMonth month) {
        return jdbc.sql("""
                        SELECT m.household_id, m.due_day, m.flagged_on
                        FROM missed_monitoring m
                        WHERE m.region_code = :village AND m.month = :month
                          AND NOT EXISTS (SELECT 1 FROM monthly_record r
                                          WHERE r.household_id = m.household_id AND r.month = m.month)
                        ORDER BY m.household_id""")
                .param("village", villageCode)
                .param("month", month.atDay(1))
                .query(MissedView.class)
                .list();
    }

    public record MonitoredHouseholdView(String householdId, String regionCode, String objectType,
                                         LocalDate startedOn, boolean lookBack, String warningLevel,
                                         String colourGrade, String lastRecordedMonth, String visitHazardId,
                                         LocalDate visitRequestedOn, LocalDate closedOn, String closureReason) {
    }

    public record HouseholdRegion(String householdId, String regionCode) {
    }

    public record MonthlyRecordView(String month, BigDecimal perCapitaNetIncome, String guaranteeGaps,
                                    String contactMethod, String noVisitReason, String rigidExpenditures,
                                    boolean employmentUnstable, String emergency, boolean correction,
                                    LocalDate recordedOn, String recordedBy) {
    }

    public record WarningChangeView(String warningId, String change, String level, String rule,
                                    BigDecimal observed, BigDecimal threshold, String reason, LocalDate changedOn) {
    }

    public record WarningView(long seq, String warningId, String householdId, String regionCode, String level,
                              String rule, BigDecimal observed, BigDecimal threshold, String reason,
                              LocalDate raisedOn) {
    }

    public record MissedView(String householdId, int dueDay, LocalDate flaggedOn) {
    }
}
