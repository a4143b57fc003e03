package org.fangpin.monitoring.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.platform.jdbc.Like;

/** Reads of the monitored households, their records, warnings and missed months. */
@Component
public class MonitoringQueries {

    private static final ObjectMapper JSON = EnvelopeCodec.mapper();
    private static final TypeReference<TreeMap<String, BigDecimal>> EXPENDITURES = new TypeReference<>() {
    };

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
                               employment_unstable, emergency, labour_capacity, income_only_from_transfers,
                               finding_level, finding_rule, correction, recorded_on, recorded_by, recorded_at
                        FROM monthly_record WHERE household_id = :id ORDER BY month DESC, recorded_at DESC""")
                .param("id", householdId)
                .query((row, number) -> new MonthlyRecordView(row.getString("month"),
                        row.getBigDecimal("per_capita_net_income"), guarantees(row.getString("guarantee_gaps")),
                        row.getString("contact_method"), row.getString("no_visit_reason"),
                        expenditures(row.getString("rigid_expenditures")), row.getBoolean("employment_unstable"),
                        row.getString("emergency"), row.getString("labour_capacity"),
                        row.getBoolean("income_only_from_transfers"), row.getString("finding_level"),
                        row.getString("finding_rule"), row.getBoolean("correction"),
                        row.getObject("recorded_on", LocalDate.class), row.getString("recorded_by"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The gaps are kept as their names joined by commas; none is an empty text. */
    private static List<String> guarantees(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static Map<String, BigDecimal> expenditures(String json) {
        try {
            return JSON.readValue(json, EXPENDITURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rigid expenditures cannot be read", e);
        }
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
                        WHERE cleared_on IS NULL AND region_code LIKE :region
                          AND (CAST(:level AS VARCHAR) IS NULL OR level = :level) AND seq > :after
                        ORDER BY seq LIMIT :limit""")
                .param("region", Like.startsWith(regionPrefix))
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

    /**
     * A month's record as entered, with what it found for its own month.
     *
     * @param rigidExpenditures yuan by kind, e.g. {@code {"MEDICAL": 6200.00}}
     * @param findingLevel      the warning level the month's findings called for; absent when it found no risk
     * @param recordedAt        when it was recorded (a 补录 shows here against its month)
     */
    public record MonthlyRecordView(String month, BigDecimal perCapitaNetIncome, List<String> guaranteeGaps,
                                    String contactMethod, String noVisitReason,
                                    Map<String, BigDecimal> rigidExpenditures, boolean employmentUnstable,
                                    String emergency, String labourCapacity, boolean incomeOnlyFromTransfers,
                                    String findingLevel, String findingRule, boolean correction,
                                    LocalDate recordedOn, String recordedBy, Instant recordedAt) {
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
