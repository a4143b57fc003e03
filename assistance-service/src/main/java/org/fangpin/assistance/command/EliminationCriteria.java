package org.fangpin.assistance.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;
import org.fangpin.contracts.assistance.EliminationCriterion;
import org.fangpin.contracts.assistance.EliminationEvidence;
import org.fangpin.contracts.assistance.EliminationEvidence.MonthlyIncome;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;

/**
 * The criteria for risk elimination (风险消除), judged in one place for the proposal, the approval and the
 * 应消未消 list. Every figure comes from the policy of the household's region and year.
 */
public final class EliminationCriteria {

    private EliminationCriteria() {
    }

    /** What the case itself knows that the criteria judge. */
    public record CaseFacts(LocalDate openedOn, LabourCapacity labourCapacity, List<RiskType> identifiedRisks,
                            List<CarriedOutMeasure> measuresCarriedOut, boolean openWarning,
                            boolean safetyNetHousehold, boolean developmentalAssistanceConfirmed) {

        boolean hasLabourCapacity() {
            return labourCapacity != LabourCapacity.NONE;
        }
    }

    /**
     * A measure carried out (under way, done or phasing out) and the risks it addresses.
     *
     * @param completedWithOutcome whether it is completed (已完成) with its outcome (帮扶成效) recorded
     */
    public record CarriedOutMeasure(MeasureType measureType, List<RiskType> riskTypes,
                                    boolean completedWithOutcome) {
    }

    /** The evidence and, if any, the criteria it fails. */
    public record Assessment(EliminationEvidence evidence, List<EliminationCriterion> failed) {

        public boolean met() {
            return failed.isEmpty();
        }
    }

    public static Assessment assess(CaseFacts facts, MonitoringFacts monitoring, LocalDate today) {
        PolicyThresholds policy = monitoring.thresholds();
        List<MonthRecord> records = monitoring.recentRecords();
        Set<RiskType> addressed = EnumSet.noneOf(RiskType.class);
        facts.measuresCarriedOut().forEach(measure -> addressed.addAll(measure.riskTypes()));
        addressed.retainAll(facts.identifiedRisks());
        List<Guarantee> gaps = records.isEmpty() ? List.of(Guarantee.values()) : records.get(0).guaranteeGaps();
        long monitoredMonths = ChronoUnit.MONTHS.between(facts.openedOn(), today);

        List<EliminationCriterion> failed = new ArrayList<>();
        if (stableMonths(records, policy.monitoringLine(), today) < policy.stableIncomeMonths()) {
            failed.add(EliminationCriterion.INCOME_STABLY_ABOVE_LINE);
        }
        if (monitoredMonths < policy.minimumMonitoredMonths()) {
            failed.add(EliminationCriterion.MONITORED_LONG_ENOUGH);
        }
        if (facts.measuresCarriedOut().isEmpty()) {
            failed.add(EliminationCriterion.MEASURE_CARRIED_OUT);
        } else if (facts.measuresCarriedOut().stream().noneMatch(CarriedOutMeasure::completedWithOutcome)) {
            failed.add(EliminationCriterion.MEASURE_COMPLETED);
        }
        if (!gaps.isEmpty()) {
            failed.add(EliminationCriterion.GUARANTEES_SECURE);
        }
        if (facts.openWarning()) {
            failed.add(EliminationCriterion.NO_OPEN_WARNING);
        }
        if (!addressed.containsAll(facts.identifiedRisks())) {
            failed.add(EliminationCriterion.RISKS_ADDRESSED);
        }
        if (!facts.hasLabourCapacity()) {
            failed.add(EliminationCriterion.HAS_LABOUR_CAPACITY);
        }
        if (facts.safetyNetHousehold()) {
            failed.add(EliminationCriterion.NOT_SAFETY_NET_HOUSEHOLD);
        }
        if (facts.hasLabourCapacity() && !facts.developmentalAssistanceConfirmed()) {
            failed.add(EliminationCriterion.DEVELOPMENTAL_ASSISTANCE_CONFIRMED);
        }

        EliminationEvidence evidence = new EliminationEvidence(today, policy.monitoringLine(),
                policy.stableIncomeMonths(),
                records.stream().map(r -> new MonthlyIncome(r.month(), r.perCapitaNetIncome())).toList(),
                monitoredMonths, policy.minimumMonitoredMonths(), gaps,
                facts.measuresCarriedOut().stream().map(CarriedOutMeasure::measureType).distinct().toList(),
                facts.identifiedRisks().stream().filter(addressed::contains).toList(),
                facts.measuresCarriedOut().stream().filter(CarriedOutMeasure::completedWithOutcome)
                        .map(CarriedOutMeasure::measureType).distinct().toList());
        return new Assessment(evidence, List.copyOf(failed));
    }

    /**
     * The consecutive months, back from the latest record, with income above the line. A gap in the months breaks
     * the run, and so does a latest record older than last month: stale figures say nothing about stability now.
     */
    static int stableMonths(List<MonthRecord> newestFirst, BigDecimal monitoringLine, LocalDate today) {
        if (newestFirst.isEmpty() || newestFirst.get(0).month().isBefore(YearMonth.from(today).minusMonths(1))) {
            return 0;
        }
        int months = 0;
        YearMonth expected = newestFirst.get(0).month();
        for (MonthRecord record : newestFirst) {
            if (!record.month().equals(expected) || record.perCapitaNetIncome().compareTo(monitoringLine) <= 0) {
                break;
            }
            months++;
            expected = expected.minusMonths(1);
        }
        return months;
    }
}
