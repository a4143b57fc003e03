package org.fangpin.assistance.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.assistance.command.EliminationCriteria;
import org.fangpin.assistance.command.EliminationCriteria.Assessment;
import org.fangpin.assistance.command.EliminationCriteria.CarriedOutMeasure;
import org.fangpin.assistance.command.EliminationCriteria.CaseFacts;
import org.fangpin.assistance.command.MonitoringFacts;
import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;
import org.fangpin.contracts.assistance.EliminationEvidence;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.jdbc.Like;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.web.Pages;

/**
 * 应消未消: households whose risk could have been eliminated for a while but that nobody proposed (a case closed with
 * its monitoring is not among them). A household is
 * listed when it meets every criterion and its income has been stably above the line for {@code graceMonths} more
 * than the policy asks, so a household that just qualified is not yet reported. One page of cases is judged with
 * four queries.
 */
@Component
public class EliminationDueList {

    private final JdbcClient jdbc;
    private final PolicyBook policy;
    private final int graceMonths;

    EliminationDueList(JdbcClient jdbc, PolicyBook policy,
                       @Value("${fangpin.assistance.elimination-due-grace-months:1}") int graceMonths) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.graceMonths = graceMonths;
    }

    /**
     * @param after the last household id of the previous page ({@code null} for the first)
     * @return the households due, and the cursor to continue from ({@code null} at the end)
     */
    public Page page(String regionPrefix, String after, int limit, LocalDate today) {
        List<Candidate> candidates = jdbc.sql("""
                        SELECT household_id, region_code, risk_types, labour_capacity, opened_on,
                               COALESCE(developmental_confirmation = 'CONFIRMED', false) AS developmental_confirmed
                        FROM assistance_case
                        WHERE status = 'RISK_NOT_ELIMINATED' AND elimination_step IS NULL
                          AND safety_net IS DISTINCT FROM 'DESIGNATED'
                          AND region_code LIKE :region AND household_id > :after
                        ORDER BY household_id LIMIT :limit""")
                .param("region", Like.startsWith(regionPrefix))
                .param("after", after == null ? "" : after)
                .param("limit", limit)
                .query(Candidate.class)
                .list();
        if (candidates.isEmpty()) {
            return new Page(List.of(), null);
        }
        List<String> ids = candidates.stream().map(Candidate::householdId).toList();
        Map<String, List<CarriedOutMeasure>> measures = measuresCarriedOut(ids);
        Set<String> warned = householdsWithOpenWarnings(ids);
        Map<String, List<MonthRecord>> records = recentRecords(ids);
        Map<String, Optional<PolicyThresholds>> thresholds = new HashMap<>();

        List<DueHousehold> due = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Optional<PolicyThresholds> found = thresholds.computeIfAbsent(candidate.regionCode(),
                    region -> policy.thresholds(region, today.getYear()).map(this::withGrace));
            if (found.isEmpty()) {
                continue;
            }
            CaseFacts facts = new CaseFacts(candidate.openedOn(), candidate.labourCapacity() == null ? null
                    : LabourCapacity.valueOf(candidate.labourCapacity()), risks(candidate.riskTypes()),
                    measures.getOrDefault(candidate.householdId(), List.of()),
                    warned.contains(candidate.householdId()), false, candidate.developmentalConfirmed());
            Assessment assessment = EliminationCriteria.assess(facts,
                    new MonitoringFacts(found.get(), records.getOrDefault(candidate.householdId(), List.of())),
                    today);
            if (assessment.met()) {
                due.add(new DueHousehold(candidate.householdId(), candidate.regionCode(), assessment.evidence()));
            }
        }
        String next = Pages.nextCursor(candidates, limit, Candidate::householdId);
        return new Page(due, next);
    }

    private PolicyThresholds withGrace(PolicyThresholds p) {
        return PolicyThresholds.of(p.monitoringLine(), p.medicalExpenditureWarningLine(),
                p.disasterLossWarningLine(), p.educationExpenditureWarningLine(), p.verificationDueWorkingDays(),
                p.identificationDueDays(), p.publicNoticeDays(), p.monthlyMonitoringDueDay(),
                p.stableIncomeMonths() + graceMonths, p.minimumMonitoredMonths(),
                p.warningResponseDays(), p.gradualExitMonths());
    }

    private Map<String, List<CarriedOutMeasure>> measuresCarriedOut(List<String> ids) {
        return jdbc.sql("""
                        SELECT household_id, measure_type, risk_types,
                               status = 'COMPLETED' AND COALESCE(outcome ~ '\\S', false) AS completed_with_outcome
                        FROM measure
                        WHERE household_id IN (:ids) AND status IN ('IN_PROGRESS', 'COMPLETED', 'GRADUAL_EXIT')""")
                .param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getString("household_id"), new CarriedOutMeasure(
                        MeasureType.valueOf(rs.getString("measure_type")), risks(rs.getString("risk_types")),
                        rs.getBoolean("completed_with_outcome"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private Set<String> householdsWithOpenWarnings(List<String> ids) {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT household_id FROM case_warning
                        WHERE household_id IN (:ids) AND closed_on IS NULL""")
                .param("ids", ids)
                .query(String.class)
                .list());
    }

    private Map<String, List<MonthRecord>> recentRecords(List<String> ids) {
        return jdbc.sql("""
                        SELECT household_id, month, per_capita_net_income, guarantee_gaps FROM (
                            SELECT r.*, row_number() OVER (PARTITION BY household_id ORDER BY month DESC) AS n
                            FROM monthly_record r WHERE household_id IN (:ids)) recent
                        WHERE n <= :months ORDER BY household_id, month DESC""")
                .param("ids", ids)
                .param("months", CaseQueries.RECENT_MONTHS)
                .query((rs, row) -> Map.entry(rs.getString("household_id"), new MonthRecord(
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getBigDecimal("per_capita_net_income"),
                        CaseQueries.guarantees(rs.getString("guarantee_gaps")))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static List<RiskType> risks(String names) {
        return CaseQueries.names(names, RiskType::valueOf);
    }

    record Candidate(String householdId, String regionCode, String riskTypes, String labourCapacity,
                     LocalDate openedOn, boolean developmentalConfirmed) {
    }

    /** A household due for elimination, with the evidence it qualifies on. */
    public record DueHousehold(String householdId, String regionCode, EliminationEvidence evidence) {
    }

    public record Page(List<DueHousehold> households, String nextCursor) {
    }
}
