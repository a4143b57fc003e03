package org.fangpin.timeline.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.WarningResponseOverdue;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.platform.jdbc.Like;
import org.fangpin.platform.policy.PolicyBook;

/** The figures of the dashboard of a region: counts from the household status, months from the event log. */
@Component
public class DashboardQueries {

    /** The month-by-month series and the events each counts. */
    private static final Map<String, List<Class<? extends PublishedEvent>>> SERIES = series();
    private static final int LIST_LIMIT = 100;

    private final JdbcClient jdbc;
    private final PolicyBook policy;
    private final Clock clock;

    DashboardQueries(JdbcClient jdbc, PolicyBook policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    public Map<String, Long> countByStatus(String region) {
        return counts("SELECT status AS name, count(*) AS n FROM household_status "
                + "WHERE region_code LIKE :region GROUP BY status", region);
    }

    /** Monitoring objects (risk not eliminated or eliminated) by object type. */
    public Map<String, Long> countByObjectType(String region) {
        return counts("SELECT object_type AS name, count(*) AS n FROM household_status "
                + "WHERE region_code LIKE :region AND status IN ('RISK_NOT_ELIMINATED', 'RISK_ELIMINATED') "
                + "AND object_type IS NOT NULL GROUP BY object_type", region);
    }

    /** Households with risk not eliminated by their most urgent open warning. */
    public Map<String, Long> countByWarningLevel(String region) {
        return counts("SELECT warning_level AS name, count(*) AS n FROM household_status "
                + "WHERE region_code LIKE :region AND status = 'RISK_NOT_ELIMINATED' AND warning_level IS NOT NULL "
                + "GROUP BY warning_level", region);
    }

    /** Per township (9-digit prefix), households by status. */
    public Map<String, Map<String, Long>> countByTownship(String region) {
        Map<String, Map<String, Long>> townships = new TreeMap<>();
        jdbc.sql("""
                        SELECT substr(region_code, 1, 9) AS township, status, count(*) AS n FROM household_status
                        WHERE region_code LIKE :region GROUP BY 1, 2""")
                .param("region", Like.startsWith(region))
                .query(rs -> {
                    townships.computeIfAbsent(rs.getString("township"), t -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getLong("n"));
                });
        return townships;
    }

    /** For each month of the year, the count of each series (identifications, eliminations, rollbacks, overdue). */
    public Map<YearMonth, Map<String, Long>> months(String region, int year) {
        Map<String, String> seriesByType = new HashMap<>();
        SERIES.forEach((name, events) -> events.forEach(event ->
                seriesByType.put(EventCatalog.forClass(event).orElseThrow().type(), name)));
        Map<YearMonth, Map<String, Long>> months = new TreeMap<>();
        for (int month = 1; month <= 12; month++) {
            Map<String, Long> zero = new LinkedHashMap<>();
            SERIES.keySet().forEach(name -> zero.put(name, 0L));
            months.put(YearMonth.of(year, month), zero);
        }
        jdbc.sql("""
                        SELECT to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, event_type,
                               count(*) AS n
                        FROM timeline_entry
                        WHERE region_code LIKE :region AND event_type IN (:types)
                          AND occurred_at >= :from AND occurred_at < :until
                        GROUP BY 1, 2""")
                .param("region", Like.startsWith(region))
                .param("types", List.copyOf(seriesByType.keySet()))
                .param("from", LocalDate.of(year, 1, 1).atStartOfDay(StoredEvents.COUNTY_TIME).toOffsetDateTime())
                .param("until", LocalDate.of(year + 1, 1, 1).atStartOfDay(StoredEvents.COUNTY_TIME)
                        .toOffsetDateTime())
                .query(rs -> {
                    months.get(YearMonth.parse(rs.getString("month")))
                            .merge(seriesByType.get(rs.getString("event_type")), rs.getLong("n"), Long::sum);
                });
        return months;
    }

    /** Households with overdue items still open, most first. */
    public Listing overdue(String region) {
        long total = jdbc.sql("SELECT count(*) FROM household_status "
                        + "WHERE region_code LIKE :region AND open_overdue_items > 0")
                .param("region", Like.startsWith(region)).query(Long.class).single();
        List<ListedHousehold> households = jdbc.sql("""
                        SELECT household_id, region_code, record::text AS record FROM household_status
                        WHERE region_code LIKE :region AND open_overdue_items > 0
                        ORDER BY open_overdue_items DESC, household_id LIMIT :limit""")
                .param("region", Like.startsWith(region))
                .param("limit", LIST_LIMIT)
                .query((rs, row) -> listed(HouseholdStatusProjection.read(rs.getString("record"))))
                .list();
        return new Listing(total, households);
    }

    /**
     * 应消未消: households whose risk is not eliminated, although by the policy of their region and this year they
     * meet what elimination asks — income above the monitoring line for the policy's months, monitored long enough,
     * a measure completed with its outcome recorded, the guarantees secure, no open warning or overdue item — and no
     * proposal is under way.
     * Safety-net households keep their risk un-eliminated by design and are not listed.
     */
    public Listing eliminationDue(String region) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<PolicyThresholds>> thresholdsByVillage = new HashMap<>();
        List<ListedHousehold> due = new ArrayList<>();
        jdbc.sql("""
                        SELECT region_code, record::text AS record FROM household_status
                        WHERE region_code LIKE :region AND status = 'RISK_NOT_ELIMINATED' AND NOT safety_net
                          AND warning_level IS NULL AND open_overdue_items = 0
                        ORDER BY household_id""")
                .param("region", Like.startsWith(region))
                .query(rs -> {
                    HouseholdRecord record = HouseholdStatusProjection.read(rs.getString("record"));
                    Optional<PolicyThresholds> thresholds = thresholdsByVillage.computeIfAbsent(
                            rs.getString("region_code"), village -> policy.thresholds(village, today.getYear()));
                    if (thresholds.isPresent() && meetsElimination(record, thresholds.get(), today)) {
                        due.add(listed(record));
                    }
                });
        return new Listing(due.size(), due.stream().limit(LIST_LIMIT).toList());
    }

    private static boolean meetsElimination(HouseholdRecord record, PolicyThresholds thresholds, LocalDate today) {
        return !record.eliminationPending()
                && record.monitoredSince() != null
                && ChronoUnit.MONTHS.between(record.monitoredSince(), today) >= thresholds.minimumMonitoredMonths()
                && record.monthsAboveMonitoringLine() >= thresholds.stableIncomeMonths()
                && record.measuresCompletedWithOutcome() > 0
                && record.latestGuaranteeGaps().isEmpty();
    }

    private static ListedHousehold listed(HouseholdRecord record) {
        return new ListedHousehold(record.householdId(), record.regionCode(), record.headName(), record.status(),
                record.openOverdueItems(), record.monthsAboveMonitoringLine());
    }

    private Map<String, Long> counts(String sql, String region) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).param("region", Like.startsWith(region))
                .query(rs -> {
                    counts.put(rs.getString("name"), rs.getLong("n"));
                });
        return counts;
    }

    private static Map<String, List<Class<? extends PublishedEvent>>> series() {
        Map<String, List<Class<? extends PublishedEvent>>> series = new LinkedHashMap<>();
        series.put("identifications", List.of(HouseholdIdentified.class, HouseholdReidentified.class));
        series.put("eliminations", List.of(RiskEliminated.class));
        series.put("rollbacks", List.of(RiskRolledBack.class));
        series.put("identificationsOverdue", List.of(IdentificationOverdue.class));
        series.put("monitoringMissed", List.of(MonthlyMonitoringMissed.class));
        series.put("measuresOverdue", List.of(MeasureOverdue.class));
        series.put("warningResponsesOverdue", List.of(WarningResponseOverdue.class));
        return series;
    }

    public record ListedHousehold(String householdId, String regionCode, String headName, HouseholdStatus status,
                                  int openOverdueItems, int monthsAboveMonitoringLine) {
    }

    /** A list shows at most 100 households; {@code total} says how many there are. */
    public record Listing(long total, List<ListedHousehold> households) {
    }
}
